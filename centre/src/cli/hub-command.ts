import { parseArgs } from 'node:util';
import {
  AROUND_THE_CLOCK,
  exampleConfigPaths,
  loadConfigFile,
  parseConfig,
  stderrLogger,
  systemClock,
} from '@motcua/shared';
import { CatalogueError } from '@motcua/shared/catalogue/schema';
import { checkCatalogueAgainstConfig } from '@motcua/shared/catalogue/config-check';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { HubSetupError, readBrokerPassword, startHub, type RunningHub } from '@motcua/hub/hub';
import type { CliIo } from './io.js';

export async function hubCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      // The procedure catalogue for look-up terminals; the demo uses the provincial sample.
      catalogue: { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '1883' },
      // default: the config's broker.listen (loopback unless the site names its LAN address)
      host: { type: 'string' },
      data: { type: 'string', default: '.motcua' },
      broker: { type: 'string' },
      'broker-user': { type: 'string', default: 'hub' },
      'broker-password-file': { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  if (values.config === undefined && !values.demo) {
    io.err('motcua hub: give --config <file>, or --demo for the provincial example centre');
    return 2;
  }
  const loaded = loadConfigFile(values.config ?? exampleConfigPaths.provincial);
  // The demo runs at any hour: its centre is open around the clock.
  const config = values.demo ? parseConfig({ ...loaded, hours: AROUND_THE_CLOCK }) : loaded;
  const level = values['log-level'] as 'debug' | 'info' | 'warn' | 'error';
  let password: string | undefined;
  try {
    password = readBrokerPassword(values['broker-password-file']);
  } catch (e) {
    io.err(`motcua hub: ${(e as Error).message}`);
    return 2;
  }
  const cataloguePath = values.catalogue ?? (values.demo ? exampleCataloguePaths.provincial : undefined);
  let catalogue;
  try {
    catalogue = cataloguePath === undefined ? undefined : loadCatalogueFile(cataloguePath);
  } catch (e) {
    if (!(e instanceof CatalogueError)) throw e;
    io.err(`motcua hub: catalogue ${cataloguePath ?? ''} refused:\n${e.message}`);
    return 2;
  }
  // Procedures of areas this centre does not have are still listed; the terminal says to ask the help desk.
  for (const p of catalogue === undefined ? [] : checkCatalogueAgainstConfig(catalogue, config))
    io.err(`motcua hub: catalogue: ${p.field}: ${p.message}`);
  let hub: RunningHub;
  try {
    hub = await startHub({
      config,
      ...(catalogue === undefined ? {} : { catalogue }),
      dataDir: values.data,
      port: Number(values.port),
      ...(values.host === undefined ? {} : { host: values.host }),
      clock: systemClock,
      logger: stderrLogger(level),
      ...(values.broker === undefined
        ? {}
        : {
            brokerUrl: values.broker,
            username: values['broker-user'],
            ...(password === undefined ? {} : { password }),
          }),
    });
  } catch (e) {
    if (e instanceof HubSetupError) {
      io.err(`motcua hub: ${e.message}`);
      return 2;
    }
    throw e;
  }
  io.out(`Một Cửa hub — ${config.centre.name}`);
  io.out(`  MQTT broker   ${hub.brokerUrl}${values.broker === undefined ? ' (embedded)' : ''}`);
  io.out(`  topics        motcua/v1/${config.centre.id}/#`);
  io.out(`  database      ${hub.dbPath}`);
  if (catalogue !== undefined)
    io.out(`  catalogue     ${catalogue.procedures.length} procedures, revision ${catalogue.revision}`);
  io.out(`  business day  ${hub.store.day} (${config.centre.timeZone})`);
  io.out(
    `  centre        ${config.departments.length} departments, ${config.areas.length} areas, ${config.counters.length} counters, ${config.kiosks.length} kiosks`,
  );
  if (values.demo)
    io.out(
      '  demo          the example centre, open around the clock (`motcua demo` adds every device and screen)',
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
