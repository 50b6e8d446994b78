/**
 * `motcua bench kiosk` (dev only): figures for the kiosk, as one JSON object. Not a test: no thresholds.
 * - ui_js_kb_gz: the kiosk screen's JavaScript, gzipped (level 9), in KB;
 * - first_screen_ms_p50 / _max: Chromium, browser mode, navigation start → home page interactive (an enabled
 *   area button), unthrottled and at a `--slowdown`× CPU (standing in for the device's ARM board);
 * - tap_to_printer_p50_ms / _p99_ms: the `take` command entering the runtime → committed at the hub through a
 *   real Mosquitto → the ticket's bytes handed to the printer transport (the fake printer's `write`);
 * - runtime_rss_mb: the RSS of a process running only the kiosk runtime (bench-runtime.ts), after `--tickets`
 *   tickets. The tap-to-printer figures come from that process too.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { launchChromium } from '@motcua/testing/chromium';
import { startTestCentre } from '@motcua/testing/test-centre';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKioskBrowserMode } from '../src/browser-mode.js';
import type { RuntimeBenchJob, RuntimeBenchResult } from './bench-runtime.js';
import { buildKioskScreen } from '../src/build-screen.js';

export interface KioskBench {
  ui_js_kb_gz: number;
  first_screen_ms_p50: number;
  first_screen_ms_max: number;
  first_screen_ms_slow_p50: number;
  cpu_slowdown: number;
  tap_to_printer_p50_ms: number;
  tap_to_printer_p99_ms: number;
  tickets: number;
  runtime_rss_mb: number;
  chromium: string;
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 100) / 100;
};

export async function benchKiosk(
  o: { tickets?: number; runs?: number; slowdown?: number } = {},
): Promise<KioskBench> {
  const tickets = o.tickets ?? 1_000;
  const runs = o.runs ?? 5;
  const slowdown = o.slowdown ?? 6;

  const staging = mkdtempSync(join(tmpdir(), 'motcua-kiosk-bench-'));
  const config = testCentreConfig({ kiosks: [{ id: 'kiosk-1' }, { id: 'kiosk-2' }], priorityCategories: [] });
  const centre = await startTestCentre({ config, leaseBlockSize: 50 });
  const mode = await startKioskBrowserMode({
    runtime: {
      kioskId: 'kiosk-2',
      dataDir: centre.dir,
      brokerUrl: centre.broker.url,
      config,
      logger: silentLogger,
      printer: { openTransport: () => Promise.resolve(new FakeTransport(new FakePrinter())) },
    },
    port: 0,
    // The screen is built after the runtime's figures; served from here.
    staticDir: staging,
  });
  let jsBytes = 0;
  const latencies: number[] = [];
  let chromium = '';
  const firstScreen: number[] = [];
  const firstScreenSlow: number[] = [];
  try {
    // The runtime's own figures come from a process of its own: this one also holds the hub, Vite, Playwright.
    const jobFile = join(staging, 'job.json');
    const job: RuntimeBenchJob = { dataDir: centre.dir, brokerUrl: centre.broker.url, config, tickets };
    writeFileSync(jobFile, JSON.stringify(job));
    // Asynchronous: the hub answering the child runs in this process's event loop.
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./bench-runtime.ts', import.meta.url)), jobFile],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const runtime = JSON.parse(out) as RuntimeBenchResult;
    latencies.push(...runtime.latenciesMs);
    const rss = runtime.rssMb;
    await buildKioskScreen(staging);
    const js = readdirSync(join(staging, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSync(readFileSync(join(staging, 'assets', f)), { level: 9 }).length, 0);
    jsBytes = js;

    const browser = await launchChromium();
    chromium = browser.version();
    try {
      for (const rate of [1, slowdown]) {
        for (let i = 0; i < runs; i++) {
          const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
          const page = await context.newPage();
          if (rate > 1) {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          }
          await page.goto(mode.url, { waitUntil: 'commit' });
          await page.locator('[data-testid="area-a"]:enabled').waitFor();
          const ms = await page.evaluate(() => {
            const p = (
              globalThis as unknown as {
                performance: { getEntriesByName(n: string): { startTime: number }[] };
              }
            ).performance;
            return p.getEntriesByName('motcua:home-interactive')[0]?.startTime ?? Number.NaN;
          });
          (rate > 1 ? firstScreenSlow : firstScreen).push(ms);
          await context.close();
        }
      }
    } finally {
      await browser.close();
    }
    return {
      ui_js_kb_gz: Math.round(jsBytes / 102.4) / 10,
      first_screen_ms_p50: Math.round(pct(firstScreen, 50)),
      first_screen_ms_max: Math.round(Math.max(...firstScreen)),
      first_screen_ms_slow_p50: Math.round(pct(firstScreenSlow, 50)),
      cpu_slowdown: slowdown,
      tap_to_printer_p50_ms: pct(latencies, 50),
      tap_to_printer_p99_ms: pct(latencies, 99),
      tickets,
      runtime_rss_mb: Math.round(rss),
      chromium,
    };
  } finally {
    await mode.stop();
    await centre.close();
    rmSync(staging, { recursive: true, force: true });
  }
}

/** CLI entry for the lead to wire: `motcua bench kiosk [--tickets N] [--runs N] [--slowdown N]`. */
export async function benchKioskCommand(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const num = (flag: string): number | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    return Number.isInteger(n) && n > 0 ? n : Number.NaN;
  };
  const tickets = num('--tickets');
  const runs = num('--runs');
  const slowdown = num('--slowdown');
  if ([tickets, runs, slowdown].some((n) => Number.isNaN(n)) || (tickets ?? 0) > 1_998) {
    io.err(
      'usage: motcua bench kiosk [--tickets N (≤ 1998)] [--runs N] [--slowdown N]  (positive integers)\n',
    );
    return 2;
  }
  io.out(`${JSON.stringify(await benchKiosk({ tickets, runs, slowdown }))}\n`);
  return 0;
}
