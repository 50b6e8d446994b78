import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/sim/prng.js';
import { backoffDelay } from '../../src/sync/device-sync.js';

describe('reconnect backoff', () => {
  const b = { initialMs: 250, maxMs: 10_000 };
  it('grows exponentially from the first attempt and is capped', () => {
    // with the jitter at its top, the delay is the ceiling itself
    expect([0, 1, 2, 3, 4, 5, 6, 10, 40].map((a) => backoffDelay(a, b, () => 1))).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });
  it('jitters over the upper half, so devices restarted together do not reconnect together', () => {
    const rng = new Prng(3);
    const delays = Array.from({ length: 200 }, () => backoffDelay(5, b, () => rng.next()));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(4000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8000);
    // spread: 200 devices land in many different 100 ms slots
    expect(new Set(delays.map((d) => Math.floor(d / 100))).size).toBeGreaterThan(30);
  });
});
