/**
 * `motcua bench lookup-search` (dev only): the look-up screen's search-as-you-type in Debian's Chromium, over
 * the sample catalogue scaled to 2,000 procedures, with the pre-built index, unthrottled and with the CPU
 * slowed down 4× (DevTools' Emulation.setCPUThrottlingRate) standing in for a weak board. Prints one JSON
 * object. Not a test: figures, no thresholds (target: search_p99_ms_throttled < 15).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '@motcua/shared/ui/vite';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { scaleCatalogue } from '@motcua/shared/catalogue/scale';
import { buildIndex } from '@motcua/shared/catalogue/search';
import { typingSequence } from '@motcua/shared/catalogue/bench-queries';
import { launchChromium } from '../chromium.js';
import type { BrowserSearchRun } from '@motcua/kiosk/screen/lookup/bench/bench-main';

export interface LookupSearchBench {
  search_p50_ms_chromium: number;
  search_p99_ms_chromium: number;
  search_p99_ms_throttled: number;
  search_p50_ms_throttled: number;
  /**
   * p99 over queries of each query's fastest round: the search's own cost without the scheduler's
   * interruptions, which dominate the p99 figures on a loaded machine (see load_avg_1m).
   */
  search_p99_best_of_rounds_ms_chromium: number;
  search_p99_best_of_rounds_ms_throttled: number;
  /** The typed prefixes with the slowest best-of-rounds time when throttled (where to look first). */
  slowest_throttled: { query: string; ms: number }[];
  cpu_slowdown: number;
  index_load_ms_chromium: number;
  index_load_ms_throttled: number;
  procedures: number;
  searches_per_run: number;
  load_avg_1m: number;
  chromium: string;
}

const BENCH_ROOT = fileURLToPath(new URL('../../../kiosk/src/screen/lookup/bench/', import.meta.url));
const ORIGIN = 'http://bench.motcua.invalid';

/** Each query's fastest of the rounds (samples are rounds × queries, in order). */
function bestOfRounds(samples: readonly number[], queries: number): number[] {
  const best = Array.from({ length: queries }, () => Infinity);
  samples.forEach((ms, i) => {
    best[i % queries] = Math.min(best[i % queries]!, ms);
  });
  return best;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 1000) / 1000;
}

export async function benchLookupSearch(
  opts: { procedures?: number; rounds?: number; slowdown?: number } = {},
): Promise<LookupSearchBench> {
  const slowdown = opts.slowdown ?? 4;
  const rounds = opts.rounds ?? 5;
  const catalogue = scaleCatalogue(
    loadCatalogueFile(exampleCataloguePaths.provincial),
    opts.procedures ?? 2000,
  );
  const catalogueJson = JSON.stringify(catalogue);
  const indexJson = JSON.stringify(buildIndex(catalogue).toJSON());
  const typed = typingSequence();
  const dist = mkdtempSync(join(tmpdir(), 'motcua-bench-lookup-'));
  const browser = await launchChromium();
  try {
    await build({ ...defineScreenConfig({ root: BENCH_ROOT, outDir: dist }), logLevel: 'warn' });
    const measure = async (rate: number): Promise<BrowserSearchRun> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Served from the build folder through request interception: no server needed for a page with no API.
      await page.route(`${ORIGIN}/**`, async (route) => {
        const path = normalize(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
        const type = extname(path) === '.js' ? 'text/javascript' : 'text/html';
        await route.fulfill({ body: readFileSync(join(dist, path)), contentType: type });
      });
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForFunction(() => 'motcuaBenchSearch' in globalThis);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const r = await page.evaluate(
        ([c, i, q, n]) =>
          (
            globalThis as unknown as {
              motcuaBenchSearch: (c: string, i: string, q: string[], n: number) => BrowserSearchRun;
            }
          ).motcuaBenchSearch(c, i, q, n),
        [catalogueJson, indexJson, typed, rounds] as const,
      );
      await context.close();
      return r;
    };
    const plain = await measure(1);
    const slow = await measure(slowdown);
    const slowBest = bestOfRounds(slow.samples, typed.length);
    return {
      search_p50_ms_chromium: percentile(plain.samples, 50),
      search_p99_ms_chromium: percentile(plain.samples, 99),
      search_p99_ms_throttled: percentile(slow.samples, 99),
      search_p50_ms_throttled: percentile(slow.samples, 50),
      search_p99_best_of_rounds_ms_chromium: percentile(bestOfRounds(plain.samples, typed.length), 99),
      search_p99_best_of_rounds_ms_throttled: percentile(slowBest, 99),
      slowest_throttled: typed
        .map((query, i) => ({ query, ms: Math.round(slowBest[i]! * 10) / 10 }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
      cpu_slowdown: slowdown,
      index_load_ms_chromium: Math.round(plain.loadMs),
      index_load_ms_throttled: Math.round(slow.loadMs),
      procedures: catalogue.procedures.length,
      searches_per_run: plain.samples.length,
      load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

/** CLI entry for the lead to wire: `motcua bench lookup-search [--procedures N] [--rounds N] [--slowdown N]`. */
export async function benchLookupSearchCommand(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const opts: { procedures?: number; rounds?: number; slowdown?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    const key = { '--procedures': 'procedures', '--rounds': 'rounds', '--slowdown': 'slowdown' }[
      flag ?? ''
    ] as keyof typeof opts | undefined;
    if (key === undefined || !Number.isInteger(value) || value < 1) {
      io.err(`usage: bench lookup-search [--procedures N] [--rounds N] [--slowdown N] (bad: ${flag ?? ''})`);
      return 2;
    }
    opts[key] = value;
    i++;
  }
  try {
    io.out(JSON.stringify(await benchLookupSearch(opts)));
    return 0;
  } catch (e) {
    io.err(`bench lookup-search failed: ${(e as Error).message}`);
    return 1;
  }
}
