/**
 * `motcua demo` (what `npm start` runs): a whole demo centre on the embedded broker, every screen served in
 * browser mode, and a simulator that keeps the hall alive (`--speed`, or `--no-sim` to play every role by hand).
 * Ctrl+C stops everything; a second start in the same data folder resumes the same day.
 */
import { parseArgs } from 'node:util';
import {
  AROUND_THE_CLOCK,
  exampleConfigPaths,
  loadConfigFile,
  parseConfig,
  stderrLogger,
  systemClock,
} from '@motcua/shared';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { HubSetupError } from '@motcua/hub/hub';
import { hashPassword } from '@motcua/hub/dashboard/password';
import { hashOfficerPin } from '@motcua/counter-display/runtime/officer-pin';
import { startDemoCentre } from '../demo/centre.js';
import type { CliIo } from './io.js';

const USAGE = `usage: motcua demo [--speed <n>] [--no-sim] [--data <dir>] [--port-base <n>] [--mqtt-port <n>] [--counters <n>]`;

/** The demo's dashboard accounts: public passwords, for a demo only (a real centre makes its own hashes). */
async function demoAccounts(): Promise<
  { username: string; name: string; role: 'supervisor' | 'admin'; password: string; passwordHash: string }[]
> {
  const plain = [
    { username: 'quantri', name: 'Quản trị viên (demo)', role: 'admin' as const, password: 'quantri-demo' },
    {
      username: 'giamsat',
      name: 'Giám sát viên (demo)',
      role: 'supervisor' as const,
      password: 'giamsat-demo',
    },
  ];
  return Promise.all(plain.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
}

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        speed: { type: 'string', default: '10' },
        'no-sim': { type: 'boolean', default: false },
        data: { type: 'string', default: '.motcua' },
        'port-base': { type: 'string', default: '8080' },
        'mqtt-port': { type: 'string', default: '1883' },
        counters: { type: 'string', default: '6' },
        'log-level': { type: 'string', default: 'warn' },
      },
    }));
  } catch (e) {
    io.err(`motcua demo: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const speed = Number(values.speed);
  const counters = Number(values.counters);
  const basePort = Number(values['port-base']);
  const mqttPort = Number(values['mqtt-port']);
  if (!(speed > 0 && speed <= 1000)) {
    io.err(`motcua demo: --speed must be a number above 0 and at most 1000, not ${values.speed}\n${USAGE}`);
    return 2;
  }
  for (const [name, v, max] of [
    ['--counters', counters, 29],
    ['--port-base', basePort, 65_000],
    ['--mqtt-port', mqttPort, 65_535],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > max) {
      io.err(`motcua demo: ${name} must be a whole number from 0 to ${String(max)}\n${USAGE}`);
      return 2;
    }
  const level = values['log-level'] as 'debug' | 'info' | 'warn' | 'error';
  const logger = stderrLogger(level);
  // The demo runs at any hour: its centre is open around the clock.
  const accounts = await demoAccounts();
  const example = loadConfigFile(exampleConfigPaths.provincial);
  // The officers at the demo's counters log in with a PIN (printed below): officer n's PIN is 1000 + n.
  const pins = Object.fromEntries(
    example.officers.slice(0, counters).map((x, i) => [x.id, String(1001 + i)] as const),
  );
  const officers = await Promise.all(
    example.officers.map(async (x) => {
      const pin = pins[x.id];
      return pin === undefined ? x : { ...x, pinHash: await hashOfficerPin(pin) };
    }),
  );
  const config = parseConfig({
    ...example,
    officers,
    hours: AROUND_THE_CLOCK,
    // The supervisors' dashboard on the first port, with the demo's own accounts (printed below).
    dashboard: {
      enabled: true,
      port: basePort,
      host: '127.0.0.1',
      accounts: accounts.map(({ password: _p, ...a }) => a),
    },
  });
  const time = (): string => new Date().toLocaleTimeString('vi-VN', { timeZone: config.centre.timeZone });
  io.out(`Một Cửa — demo centre: ${config.centre.name}`);
  io.out('  building the screens (first start only)…');
  let centre;
  try {
    centre = await startDemoCentre({
      config,
      catalogue: loadCatalogueFile(exampleCataloguePaths.provincial),
      dataDir: values.data,
      mqttPort,
      basePort: basePort === 0 ? 0 : basePort + 1,
      counters,
      officerPins: pins,
      speed: values['no-sim'] ? null : speed,
      clock: systemClock,
      logger,
      say: (line) => io.out(`  ${time()}  ${line}`),
    });
  } catch (e) {
    if (e instanceof HubSetupError || (e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`motcua demo: ${(e as Error).message} (another demo running? try --port-base / --mqtt-port)`);
      return 2;
    }
    throw e;
  }
  io.out(`  MQTT broker   ${centre.hub.brokerUrl} (embedded)`);
  io.out(`  business day  ${centre.hub.store.day} (${config.centre.timeZone}), data in ${values.data}`);
  io.out('  screens (open in Chromium or any browser on this machine):');
  if (centre.hub.dashboard !== null)
    io.out(`    ${centre.hub.dashboard.url.padEnd(28)} Bảng điều khiển giám sát (supervisors' dashboard)`);
  for (const s of centre.screens) io.out(`    ${s.url.padEnd(28)} ${s.name}`);
  io.out('  demo log-ins (dashboard):');
  for (const a of accounts) io.out(`    ${a.username.padEnd(10)} ${a.password.padEnd(20)} ${a.role}`);
  io.out('  demo log-ins (officer panels: officer, PIN):');
  for (const x of config.officers.filter((o) => pins[o.id] !== undefined))
    io.out(`    ${x.name.padEnd(24)} ${pins[x.id] ?? ''}`);
  io.out(`  tickets       printed on a virtual printer; pictures in ${centre.ticketDir}`);
  io.out(
    values['no-sim']
      ? '  simulator     off: take numbers at the kiosk, call them from the officer panels'
      : `  simulator     citizens and officers at ${String(speed)}× speed (--no-sim to play every role by hand)`,
  );
  io.out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.out('stopping…');
  await centre.stop();
  io.out('demo stopped');
  return 0;
}
