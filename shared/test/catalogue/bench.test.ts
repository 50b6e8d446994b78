import { describe, expect, it } from 'vitest';
import { benchSearch, scaleCatalogue, typingSequence } from '../../src/catalogue/bench.js';
import { parseCatalogue } from '../../src/catalogue/schema.js';
import { sample } from './helpers.js';

describe('scaling the catalogue for benchmarks', () => {
  it('gives n valid procedures with unique ids, codes and names, the same every time', () => {
    const big = scaleCatalogue(sample, 2000);
    expect(big.procedures).toHaveLength(2000);
    expect(() => parseCatalogue(big)).not.toThrow();
    expect(new Set(big.procedures.map((p) => p.name)).size).toBe(2000);
    expect(scaleCatalogue(sample, 2000)).toEqual(big);
    expect(scaleCatalogue(sample, 10).procedures).toHaveLength(10);
  });

  it('replays every prefix of the citizen queries, as typed', () => {
    expect(typingSequence(['abc', 'de'])).toEqual(['a', 'ab', 'abc', 'd', 'de']);
  });

  it('prints the figures the benchmark promises (small run)', () => {
    const r = benchSearch({ procedures: 400, rounds: 1 });
    expect(r.procedures).toBe(400);
    expect(r.searches).toBe(typingSequence().length);
    expect(r.search_p50_ms).toBeGreaterThan(0);
    expect(r.search_p99_ms).toBeGreaterThanOrEqual(r.search_p50_ms);
  });
});
