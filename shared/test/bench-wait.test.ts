/** `motcua bench wait`: a small run prints its figures; a bad option gets a clear refusal and exit 2. */
import { describe, expect, it } from 'vitest';
import { benchWaitCommand } from '../src/bench/wait-estimate.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('motcua bench wait', () => {
  it('prints the estimate and its cost for the last ticket of a long queue', async () => {
    const r = io();
    expect(
      await benchWaitCommand(['--json', '--waiting', '30', '--served', '60', '--rounds', '5'], r.io),
    ).toBe(0);
    expect(r.err).toEqual([]);
    const f = JSON.parse(r.out.join('')) as Record<string, number | null>;
    expect(f.rounds).toBe(5);
    // At least the asked number wait in the long queue; the estimated ticket is its last, so the rest are ahead.
    expect(f.waiting).toBeGreaterThanOrEqual(30);
    expect(f.people_ahead).toBeGreaterThanOrEqual(f.waiting! - 1);
    expect(f.estimate_min).toBeGreaterThan(0);
    for (const k of ['estimate_p50_ms', 'estimate_p99_ms', 'estimate_max_ms'])
      expect(f[k], k).toBeGreaterThan(0);
    expect(f.estimate_p99_ms).toBeGreaterThanOrEqual(f.estimate_p50_ms!);
  });

  it('refuses an unknown option', async () => {
    const r = io();
    expect(await benchWaitCommand(['--fast'], r.io)).toBe(2);
    expect(r.err.join('')).toContain('unknown option --fast');
    expect(r.out).toEqual([]);
  });
});
