/**
 * `motcua bench search`: search-as-you-type latency over the sample catalogue scaled to 2,000 procedures,
 * in Node. Not a test: it prints. The Chromium (throttled) figure uses the same pure modules:
 * `scaleCatalogue`, `typingSequence`, `buildIndex` / `loadIndex`.
 */
import { loadavg } from 'node:os';
import { exampleCataloguePaths, loadCatalogueFile } from './files.js';
import { scaleCatalogue } from './scale.js';
import { buildIndex, loadIndex } from './search.js';
import { typingSequence } from './bench-queries.js';

export { scaleCatalogue } from './scale.js';
export { typingSequence, CITIZEN_QUERIES } from './bench-queries.js';

export interface SearchBench {
  search_p50_ms: number;
  search_p99_ms: number;
  /**
   * p99 over queries of each query's fastest round: what the search costs without the scheduler's
   * interruptions, which dominate search_p99_ms on a busy machine (see load_avg_1m).
   */
  search_p99_best_of_rounds_ms: number;
  procedures: number;
  /** Searches timed: every prefix of every citizen query, `rounds` times. */
  searches: number;
  build_ms: number;
  /** Loading the pre-built index (JSON text → ready index), as a device does at start. */
  load_ms: number;
  index_bytes: number;
  load_avg_1m: number;
  node: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function benchSearch(
  opts: { procedures?: number; rounds?: number; catalogue?: string } = {},
): SearchBench {
  const n = opts.procedures ?? 2000;
  const catalogue = scaleCatalogue(loadCatalogueFile(opts.catalogue ?? exampleCataloguePaths.provincial), n);
  let t = performance.now();
  const built = buildIndex(catalogue);
  const buildMs = performance.now() - t;
  const json = JSON.stringify(built.toJSON());
  t = performance.now();
  const index = loadIndex(json, catalogue);
  const loadMs = performance.now() - t;

  const typed = typingSequence();
  for (const q of typed) index.search(q, 10); // warm-up: JIT, caches
  const samples: number[] = [];
  const best = typed.map(() => Infinity);
  for (let r = 0; r < (opts.rounds ?? 5); r++) {
    typed.forEach((q, i) => {
      const s = performance.now();
      index.search(q, 10);
      const ms = performance.now() - s;
      samples.push(ms);
      best[i] = Math.min(best[i]!, ms);
    });
  }
  samples.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  return {
    search_p50_ms: round3(percentile(samples, 50)),
    search_p99_ms: round3(percentile(samples, 99)),
    search_p99_best_of_rounds_ms: round3(percentile(best, 99)),
    procedures: index.size,
    searches: samples.length,
    build_ms: Math.round(buildMs),
    load_ms: Math.round(loadMs),
    index_bytes: json.length,
    load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
  };
}
