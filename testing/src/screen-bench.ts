/**
 * `motcua bench screen` (dev only): builds the example screen, serves it with the browser-mode server and a
 * fake runtime, and loads it in Debian's Chromium at a CPU slowdown standing in for the device's ARM board.
 * Prints one JSON object: bundle sizes (gzip) and start-up figures. Not a test: figures, no thresholds.
 * - js_gzip_bytes / css_gzip_bytes: what the device downloads from loopback on every start;
 * - script_ms_*: CDP ScriptDuration up to the first view shown (parse + compile + run of the screen's JS);
 * - first_view_ms_*: navigation start to the runtime's first view on screen (includes the WebSocket hello).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveScreen } from '../../shared/src/screen/server.js';
import { buildExample } from '../../shared/test/screen/build-example.js';
import { counterArgs, fakeCounterApi } from '../../shared/test/screen/fake-api.js';
import { launchChromium } from './chromium.js';

export interface ScreenBench {
  js_gzip_bytes: number;
  css_gzip_bytes: number;
  cpu_slowdown: number;
  runs: number;
  script_ms_p50: number;
  script_ms_max: number;
  first_view_ms_p50: number;
  first_view_ms_max: number;
  chromium: string;
}

export async function benchScreen(opts: { runs?: number; slowdown?: number } = {}): Promise<ScreenBench> {
  const runs = opts.runs ?? 7;
  const slowdown = opts.slowdown ?? 6;
  const dist = await buildExample();
  const gz = (ext: string): number =>
    readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith(ext))
      .reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  const api = fakeCounterApi(42);
  const server = await serveScreen({ port: 0, staticDir: dist, api, commandArgs: counterArgs });
  const browser = await launchChromium();
  const script: number[] = [];
  const firstView: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.getByTestId('count').filter({ hasText: '42' }).waitFor();
      const metrics = await cdp.send('Performance.getMetrics');
      script.push(1000 * (metrics.metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN));
      firstView.push(
        await page.evaluate(() =>
          (globalThis as unknown as { performance: { now(): number } }).performance.now(),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const p50 = (xs: number[]): number =>
    Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
  return {
    js_gzip_bytes: gz('.js'),
    css_gzip_bytes: gz('.css'),
    cpu_slowdown: slowdown,
    runs,
    script_ms_p50: p50(script),
    script_ms_max: Math.round(Math.max(...script)),
    first_view_ms_p50: p50(firstView),
    first_view_ms_max: Math.round(Math.max(...firstView)),
    chromium: browser.version(),
  };
}

/** CLI entry for the lead to wire: `motcua bench screen [--runs N] [--slowdown N]`. */
export async function benchScreenCommand(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const num = (flag: string): number | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    return Number.isInteger(n) && n > 0 ? n : Number.NaN;
  };
  const runs = num('--runs');
  const slowdown = num('--slowdown');
  if (Number.isNaN(runs) || Number.isNaN(slowdown)) {
    io.err('usage: motcua bench screen [--runs N] [--slowdown N]  (positive integers)\n');
    return 2;
  }
  io.out(`${JSON.stringify(await benchScreen({ runs, slowdown }))}\n`);
  return 0;
}
