/**
 * The search benchmark's page (centre/src/bench/lookup-search.ts drives it): the same pure search module the look-up
 * screen bundles, timed in Chromium on every prefix of the citizen queries, as search-as-you-type runs it.
 */
import { loadIndex } from '../../../../../shared/src/catalogue/search.js';
import type { Catalogue } from '../../../../../shared/src/catalogue/schema.js';

export interface BrowserSearchRun {
  readonly loadMs: number;
  /** One duration (ms) per search, every round. */
  readonly samples: number[];
}

function run(catalogueJson: string, indexJson: string, typed: string[], rounds: number): BrowserSearchRun {
  const catalogue = JSON.parse(catalogueJson) as Catalogue;
  let t = performance.now();
  const index = loadIndex(indexJson, catalogue);
  const loadMs = performance.now() - t;
  for (const q of typed) index.search(q, 10); // warm-up: JIT, caches
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of typed) {
      t = performance.now();
      index.search(q, 7);
      samples.push(performance.now() - t);
    }
  return { loadMs, samples };
}

(globalThis as unknown as { motcuaBenchSearch: typeof run }).motcuaBenchSearch = run;
