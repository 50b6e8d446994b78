/**
 * `motcua bench kiosk [--json] [--tickets N] [--rounds N] [--slowdown N]`: the kiosk's figures as one JSON
 * object. Not a test: no thresholds (targets in the issue: search p99 < 5 ms, throttled < 15 ms, tap to printer
 * p99 < 50 ms, screen JS < 60 KB gzip, first screen < 1000 ms, runtime RSS < 150 MB).
 *
 * A whole small centre is started from product parts: Mosquitto (`../mosquitto.ts`), the hub, the kiosk in
 * browser mode, Debian's Chromium (`../chromium.ts`).
 * - search_p50_ms / search_p99_ms: search-as-you-type in Node over the sample scaled to 2,000 procedures
 *   (`benchSearch`); search_p99_ms_throttled: the same in Chromium at a `--slowdown`× CPU (`benchLookupSearch`).
 * - tap_to_printer_p50_ms / _p99_ms: the `take` command entering the runtime → committed at the hub through the
 *   real broker → the ticket's bytes handed to the printer transport (the fake printer's `write`).
 * - runtime_rss_mb: the RSS of a process running only the kiosk runtime, after `--tickets` tickets. That process
 *   runs a bundle of the runtime with plain `node`, so neither the TypeScript loader nor this process's
 *   Chromium driver, hub and Vite are counted. The tap-to-printer figures come from that process too.
 * - ui_js_kb_gz: the kiosk screen's JavaScript, gzipped (level 9); first_screen_ms: p50 over `--rounds` page
 *   loads in browser mode, navigation start → the home page interactive (an enabled area button);
 *   first_screen_ms_throttled the same at the `--slowdown`× CPU.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { silentLogger, systemClock, type CentreConfig } from '@motcua/shared';
import { parseConfig } from '@motcua/shared/config';
import { AROUND_THE_CLOCK } from '@motcua/shared/config/examples';
import { benchSearch } from '@motcua/shared/catalogue/bench';
import { startHub } from '@motcua/hub/hub';
import { startKioskBrowserMode } from '@motcua/kiosk/browser-mode';
import { buildKioskScreen } from '@motcua/kiosk/build-screen';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { defaultTestConf, startMosquitto } from '../mosquitto.js';
import { launchChromium } from '../chromium.js';
import { benchLookupSearch } from './lookup-search.js';
import type { RuntimeBenchJob, RuntimeBenchResult } from './kiosk-runtime.js';

export interface KioskBench {
  search_p50_ms: number;
  search_p99_ms: number;
  search_p99_ms_throttled: number;
  tap_to_printer_p50_ms: number;
  tap_to_printer_p99_ms: number;
  ui_js_kb_gz: number;
  /** The part of it a kiosk loads before its first screen (the look-up pages are a chunk loaded on demand). */
  ui_js_kb_gz_first_screen: number;
  first_screen_ms: number;
  first_screen_ms_max: number;
  first_screen_ms_throttled: number;
  runtime_rss_mb: number;
  cpu_slowdown: number;
  tickets: number;
  rounds: number;
  procedures: number;
  load_avg_1m: number;
  chromium: string;
  node: string;
}

export interface KioskBenchOptions {
  /** Tickets the runtime process takes (default 1,000; at most 1,998, the two areas' number ranges). */
  readonly tickets?: number;
  /** Search rounds and page loads (default 5). */
  readonly rounds?: number;
  /** CPU slowdown for the throttled figures (default 4). */
  readonly slowdown?: number;
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 100) / 100;
};

/** Two areas of 999 numbers, two kiosks, open around the clock, no priority step: nothing but the path timed. */
export function benchCentreConfig(): CentreConfig {
  const area = (id: string, name: string, from: number) => ({
    id,
    departmentId: 'd1',
    name,
    numberRange: { from, to: from + 998 },
    dailyQuota: 999,
  });
  return parseConfig({
    schemaVersion: 1,
    centre: { id: 'bench', name: 'Trung tâm đo hiệu năng', timeZone: 'Asia/Ho_Chi_Minh' },
    departments: [{ id: 'd1', name: 'Sở Tư pháp' }],
    areas: [area('a', 'Hộ tịch', 1001), area('b', 'Chứng thực', 2001)],
    counters: [
      { id: 'c1', number: 1, areas: ['a'] },
      { id: 'c2', number: 2, areas: ['a', 'b'] },
    ],
    officers: [{ id: 'o1', name: 'Nguyễn Văn An' }],
    kiosks: [{ id: 'kiosk-1' }, { id: 'kiosk-2' }],
    priorityCategories: [],
    hours: AROUND_THE_CLOCK,
  });
}

/** The repository's (or the installed product's) node_modules, found from this file. */
function nodeModulesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules');
    if (existsSync(join(candidate, 'better-sqlite3'))) return candidate;
    if (dirname(dir) === dir) throw new Error('node_modules with better-sqlite3 not found');
  }
}

/**
 * Bundles the runtime process's entry into `dir` (our TypeScript workspaces inlined, third-party packages left
 * as imports resolved through a `node_modules` link), so it runs under plain `node`.
 */
async function bundleRuntime(dir: string): Promise<string> {
  const out = join(dir, 'kiosk-runtime.mjs');
  symlinkSync(nodeModulesDir(), join(dir, 'node_modules'), 'dir');
  await esbuild({
    entryPoints: [fileURLToPath(new URL('./kiosk-runtime-main.ts', import.meta.url))],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        setup(b) {
          // Bare specifiers other than our workspaces: leave them to Node (native modules among them).
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            a.path.startsWith('@motcua/') ? undefined : { path: a.path, external: true },
          );
        },
      },
    ],
  });
  return out;
}

export async function runKioskBench(o: KioskBenchOptions = {}): Promise<KioskBench> {
  const tickets = o.tickets ?? 1_000;
  const rounds = o.rounds ?? 5;
  const slowdown = o.slowdown ?? 4;
  const config = benchCentreConfig();

  // Search first, on a quiet machine: nothing else of the bench is running yet.
  const search = benchSearch({ rounds });
  const searchThrottled = await benchLookupSearch({ rounds, slowdown });

  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-kiosk-'));
  const screenDir = join(dir, 'screen');
  const devices = join(dir, 'devices');
  mkdirSync(devices);
  const broker = await startMosquitto({ conf: defaultTestConf({ persistence: false }) });
  const stops: (() => Promise<void>)[] = [() => broker.stop()];
  try {
    const hub = await startHub({
      config,
      dataDir: join(dir, 'hub'),
      brokerUrl: broker.url,
      clock: systemClock,
      logger: silentLogger,
      leaseBlockSize: 50,
    });
    stops.unshift(() => hub.stop());

    // The runtime's own figures come from a process of its own.
    const bundle = await bundleRuntime(dir);
    const job: RuntimeBenchJob = {
      dataDir: devices,
      brokerUrl: broker.url,
      config,
      kioskId: 'kiosk-1',
      tickets,
      areas: ['a', 'b'],
    };
    const jobFile = join(dir, 'job.json');
    await writeFile(jobFile, JSON.stringify(job));
    // Asynchronous: the hub answering the child runs in this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [bundle, jobFile], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const runtime = JSON.parse(stdout) as RuntimeBenchResult;

    await buildKioskScreen(screenDir);
    const assets = join(screenDir, 'assets');
    const gz = (f: string): number => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
    const jsBytes = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gz(f), 0);
    // The entry script index.html loads, and the chunks it imports statically (modulepreload links).
    const html = readFileSync(join(screenDir, 'index.html'), 'utf8');
    const firstJs = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const firstBytes = [...new Set(firstJs)].reduce((n, f) => n + gz(f), 0);

    const mode = await startKioskBrowserMode({
      runtime: {
        kioskId: 'kiosk-2',
        dataDir: devices,
        brokerUrl: broker.url,
        config,
        logger: silentLogger,
        printer: { openTransport: () => Promise.resolve(new FakeTransport(new FakePrinter())) },
      },
      port: 0,
      staticDir: screenDir,
    });
    stops.unshift(() => mode.stop());
    const browser = await launchChromium();
    stops.unshift(() => browser.close());
    const firstScreen: number[] = [];
    const firstScreenSlow: number[] = [];
    for (const rate of [1, slowdown]) {
      for (let i = 0; i < rounds; i++) {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const page = await context.newPage();
        if (rate > 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        }
        await page.goto(mode.url, { waitUntil: 'commit' });
        await page.locator('[data-testid="area-a"]:enabled').waitFor({ timeout: 30_000 });
        const ms = await page.evaluate(
          () =>
            (
              globalThis as unknown as {
                performance: { getEntriesByName(n: string): { startTime: number }[] };
              }
            ).performance.getEntriesByName('motcua:home-interactive')[0]?.startTime ?? Number.NaN,
        );
        (rate > 1 ? firstScreenSlow : firstScreen).push(ms);
        await context.close();
      }
    }
    return {
      search_p50_ms: search.search_p50_ms,
      search_p99_ms: search.search_p99_ms,
      search_p99_ms_throttled: searchThrottled.search_p99_ms_throttled,
      tap_to_printer_p50_ms: pct(runtime.latenciesMs, 50),
      tap_to_printer_p99_ms: pct(runtime.latenciesMs, 99),
      ui_js_kb_gz: Math.round(jsBytes / 102.4) / 10,
      ui_js_kb_gz_first_screen: Math.round(firstBytes / 102.4) / 10,
      first_screen_ms: Math.round(pct(firstScreen, 50)),
      first_screen_ms_max: Math.round(Math.max(...firstScreen)),
      first_screen_ms_throttled: Math.round(pct(firstScreenSlow, 50)),
      runtime_rss_mb: Math.round(runtime.rssMb * 10) / 10,
      cpu_slowdown: slowdown,
      tickets,
      rounds,
      procedures: search.procedures,
      load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
      chromium: browser.version(),
      node: process.version,
    };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

const USAGE =
  'usage: motcua bench kiosk [--json] [--tickets N (1-1998, default 1000)] [--rounds N (default 5)]\n' +
  '                          [--slowdown N (CPU slowdown, default 4)]';

/** CLI entry for the lead to wire as `motcua bench kiosk` (argv: what follows `bench kiosk`). */
export async function benchKiosk(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const opts: { tickets?: number; rounds?: number; slowdown?: number } = {};
  const limits = { tickets: 1_998, rounds: 100, slowdown: 20 } as const;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') continue;
    const key = ({ '--tickets': 'tickets', '--rounds': 'rounds', '--slowdown': 'slowdown' } as const)[
      flag as '--tickets'
    ] as keyof typeof limits | undefined;
    const value = Number(argv[i + 1]);
    if (key === undefined) {
      io.err(`motcua bench kiosk: unknown option ${flag}\n${USAGE}`);
      return 2;
    }
    if (!Number.isInteger(value) || value < 1 || value > limits[key]) {
      io.err(`motcua bench kiosk: ${flag} needs a whole number 1-${limits[key]}\n${USAGE}`);
      return 2;
    }
    opts[key] = value;
    i++;
  }
  let r: KioskBench;
  try {
    r = await runKioskBench(opts);
  } catch (e) {
    io.err(`motcua bench kiosk failed: ${(e as Error).message}`);
    return 1;
  }
  if (argv.includes('--json')) io.out(JSON.stringify(r, null, 2));
  else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(26)} ${String(v)}`);
  return 0;
}
