import { describe, expect, it } from 'vitest';
import { type benchSearch, scaleCatalogue, typingSequence } from '../../src/catalogue/bench.js';
import { parseCatalogue } from '../../src/catalogue/schema.js';
import { benchSearchCommand } from '../../src/catalogue/cli.js';
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

  it('prints the figures the benchmark promises (small run, through the command)', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await benchSearchCommand(['--json', '--procedures', '400', '--rounds', '1'], io)).toBe(0);
    const r = JSON.parse(out.join('')) as ReturnType<typeof benchSearch>;
    expect(r.procedures).toBe(400);
    expect(r.searches).toBe(typingSequence().length);
    expect(r.search_p50_ms).toBeGreaterThan(0);
    expect(r.search_p99_ms).toBeGreaterThanOrEqual(r.search_p50_ms);
    expect(r.search_p99_best_of_rounds_ms).toBeLessThanOrEqual(r.search_p99_ms);
    expect(await benchSearchCommand(['--rounds', 'x'], io)).toBe(2);
    expect(await benchSearchCommand(['--fast'], io)).toBe(2);
  });
});
