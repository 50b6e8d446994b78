import { parseArgs } from 'node:util';
import { exampleConfigPaths, loadConfigFile, stderrLogger, systemClock } from '@motcua/shared';
import { startHub } from '../hub.js';
import type { CliIo } from './io.js';

export async function hubCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '1883' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: '.motcua' },
      broker: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  if (values.config === undefined && !values.demo) {
    io.err('motcua hub: give --config <file>, or --demo for the provincial example centre');
    return 2;
  }
  const config = loadConfigFile(values.config ?? exampleConfigPaths.provincial);
  const level = values['log-level'] as 'debug' | 'info' | 'warn' | 'error';
  const hub = await startHub({
    config,
    dataDir: values.data,
    port: Number(values.port),
    host: values.host,
    clock: systemClock,
    logger: stderrLogger(level),
    ...(values.broker === undefined ? {} : { brokerUrl: values.broker }),
  });
  io.out(`Một Cửa hub — ${config.centre.name}`);
  io.out(`  MQTT broker   ${hub.brokerUrl}${values.broker === undefined ? ' (embedded)' : ''}`);
  io.out(`  topics        motcua/v1/${config.centre.id}/#`);
  io.out(`  database      ${hub.dbPath}`);
  io.out(`  business day  ${hub.store.day} (${config.centre.timeZone})`);
  io.out(
    `  centre        ${config.departments.length} departments, ${config.areas.length} areas, ${config.counters.length} counters, ${config.kiosks.length} kiosks`,
  );
  io.out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.stop();
  io.out('hub stopped');
  return 0;
}
