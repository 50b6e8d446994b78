/** The search benchmark command runs in Chromium and prints its figures as JSON (small sizes: fast). */
import { describe, expect, it } from 'vitest';
import { benchLookupSearchCommand } from '../src/bench/lookup-search.js';

describe('benchLookupSearchCommand', () => {
  it('prints Chromium search figures, unthrottled and throttled', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const code = await benchLookupSearchCommand(['--procedures', '400', '--rounds', '1'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const r = JSON.parse(out[0]!) as Record<string, number>;
    expect(r.procedures).toBe(400);
    expect(r.cpu_slowdown).toBe(4);
    for (const k of ['search_p50_ms_chromium', 'search_p99_ms_chromium', 'search_p99_ms_throttled'])
      expect(r[k]).toBeGreaterThanOrEqual(0);
    expect(r.search_p99_ms_chromium).toBeGreaterThanOrEqual(r.search_p50_ms_chromium!);
  }, 60_000);

  it('refuses a bad flag with a usage line', async () => {
    const err: string[] = [];
    const code = await benchLookupSearchCommand(['--procedures', 'x'], {
      out: () => undefined,
      err: (s) => err.push(s),
    });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/usage/);
  });
});
