/**
 * The simulated day behind `motcua simulate`: repeatable for a seed, the invariants hold over many seeds, the
 * accuracy figures are computed right, and the behaviour generator (shared with the live demo) draws what it
 * says it draws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleConfigPaths, loadConfigFile } from '../src/config.js';
import { waitAccuracy, type WaitRecord } from '../src/sim/accuracy.js';
import { areaWeights, createBehaviour, issuingWindows } from '../src/sim/behaviour.js';
import { SIM_DAY_START, simulateDay } from '../src/sim/day.js';
import { EventQueue } from '../src/sim/event-queue.js';
import { Prng } from '../src/sim/prng.js';

// Seeded, so a failure replays (MOTCUA_FC_SEED=<n>; fast-check prints the seed and path of a failure).
fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

const district = loadConfigFile(exampleConfigPaths.district);
const provincial = loadConfigFile(exampleConfigPaths.provincial);

describe('simulateDay', () => {
  it('is deterministic per seed, and another seed gives another day', () => {
    const a = simulateDay(district, 7, { citizens: 120 });
    const b = simulateDay(district, 7, { citizens: 120 });
    const c = simulateDay(district, 8, { citizens: 120 });
    expect(b.stateHash).toBe(a.stateHash);
    expect(b.waitEstimate).toEqual(a.waitEstimate);
    expect(b.statistics).toEqual(a.statistics);
    expect(c.stateHash).not.toBe(a.stateHash);
  });

  it('the invariants hold over many seeds and both day profiles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('morning-peak' as const, 'flat' as const),
        fc.integer({ min: 20, max: 150 }),
        (seed, profile, citizens) => {
          const r = simulateDay(district, seed, { citizens, profile });
          expect(r.invariants).toEqual(Object.fromEntries(Object.keys(r.invariants).map((k) => [k, true])));
          // every ticket got a record; measured + without estimate + never called account for all of them
          const w = r.waitEstimate;
          expect(w.tickets).toBe(r.tickets);
          expect(w.measured + w.noEstimate + w.neverCalled).toBe(w.tickets);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('a provincial day: citizens served, no-shows, and the report has every figure', () => {
    const r = simulateDay(provincial, 1, { citizens: 400 });
    expect(Object.values(r.invariants).every(Boolean)).toBe(true);
    expect(r.statistics.centre.noShow).toBeGreaterThan(0);
    expect(r.statistics.centre.served).toBeGreaterThan(300);
    expect(r.wait_estimate_mae_min).toBe(r.waitEstimate.maeMin);
    expect(r.baseline_mae_min).toBe(r.waitEstimate.baselineMaeMin);
    expect(typeof r.wait_estimate_mae_min).toBe('number');
    expect(Object.keys(r.waitEstimate.byArea).length).toBeGreaterThan(10);
  });
});

describe('the estimated wait printed on tickets, measured on a provincial day', () => {
  it('is at least 30 % closer to the actual wait than the naive baseline', () => {
    // The full default day (29 counters, about 1,000 citizens, morning peak), as `motcua simulate` runs it.
    // Issue 13 also asks for a mean error under 3 minutes: not reached on this day (about 7–10 minutes over
    // seeds 1–10). With waits of 45–60 minutes at the peak, the spread of service times alone accounts for
    // about 4 minutes, and officers' breaks that start while a ticket waits cannot be known when it is printed.
    const r = simulateDay(provincial, 1);
    expect(r.arrivals).toBeGreaterThan(900);
    expect(r.waitEstimate.measured).toBeGreaterThan(800);
    expect(r.wait_estimate_mae_min).not.toBeNull();
    expect(r.wait_estimate_mae_min!).toBeLessThanOrEqual(0.7 * r.baseline_mae_min!);
  });
});

describe('waitAccuracy', () => {
  const rec = (
    areaId: string,
    estimateMin: number | null,
    baselineMin: number | null,
    actualMin: number | null,
  ): WaitRecord => ({
    ticketId: `${areaId}-${String(estimateMin)}-${String(actualMin)}`,
    areaId,
    priority: false,
    issuedAt: SIM_DAY_START,
    peopleAhead: 0,
    estimateMin,
    baselineMin,
    actualMin,
  });

  it('mean absolute error against the actual wait, per area and overall, leaving out what cannot be measured', () => {
    const w = waitAccuracy([
      rec('a', 10, 20, 12), // |−2| and |8|
      rec('a', 5, 5, 1), // |4| and |4|
      rec('b', 0, 9, 3), // |−3| and |6|
      rec('b', null, null, 7), // no counter open at issue: nothing printed to measure
      rec('b', 4, 4, null), // never called
    ]);
    expect(w.tickets).toBe(5);
    expect(w.measured).toBe(3);
    expect(w.noEstimate).toBe(1);
    expect(w.neverCalled).toBe(1);
    expect(w.maeMin).toBe(3); // (2 + 4 + 3) ÷ 3
    expect(w.baselineMaeMin).toBe(6); // (8 + 4 + 6) ÷ 3
    expect(w.biasMin).toBe(-0.33); // (−2 + 4 − 3) ÷ 3
    expect(w.improvementPct).toBe(50);
    expect(w.byArea.a).toMatchObject({ measured: 2, maeMin: 3, baselineMaeMin: 6, actualMeanMin: 6.5 });
    expect(w.byArea.b).toMatchObject({ measured: 1, maeMin: 3, baselineMaeMin: 6 });
  });

  it('nothing measured: null figures, not zero', () => {
    const w = waitAccuracy([rec('a', null, null, 3)]);
    expect(w.maeMin).toBeNull();
    expect(w.baselineMaeMin).toBeNull();
    expect(w.improvementPct).toBeNull();
  });
});

describe('behaviour (shared with the live demo)', () => {
  const b = createBehaviour(provincial, { citizensPerDay: 1000 });
  const monday = 1;

  it('arrivals: about citizensPerDay over the issuing windows, none outside, a morning peak', () => {
    const counts: number[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const rng = new Prng(seed);
      let n = 0;
      for (
        let t = SIM_DAY_START, d = b.nextArrivalDelayMs(rng, t);
        d !== null;
        d = b.nextArrivalDelayMs(rng, t)
      ) {
        t += d;
        n++;
        const minute = 7 * 60 + (t - SIM_DAY_START) / 60_000;
        expect(issuingWindows(provincial, monday).some(([a, z]) => minute >= a && minute <= z)).toBe(true);
      }
      counts.push(n);
    }
    const mean = counts.reduce((x, y) => x + y, 0) / counts.length;
    // Poisson: sd ≈ √1000 ≈ 32 per day, so the mean of five days lies well within ±5 %
    expect(mean).toBeGreaterThan(950);
    expect(mean).toBeLessThan(1050);
    expect(b.rateAt(7 * 60 + 10, monday)).toBeGreaterThan(2 * b.rateAt(10 * 60 + 30, monday));
    expect(b.rateAt(12 * 60, monday)).toBe(0);
    expect(b.rateAt(16 * 60 + 45, monday)).toBe(0); // issuing stops 30 min before 17:00
  });

  it('areas are picked in proportion to the counter capacity config gives them', () => {
    const w = areaWeights(provincial);
    const total = [...w.values()].reduce((x, y) => x + y, 0);
    const rng = new Prng(3);
    const seen = new Map<string, number>();
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const a = b.pickArea(rng);
      seen.set(a, (seen.get(a) ?? 0) + 1);
    }
    for (const [id, x] of w) expect(Math.abs((seen.get(id) ?? 0) / n - x / total)).toBeLessThan(0.01);
    // two dedicated counters at 8 min (xuất nhập cảnh) draw more than one at 16 (khoa học công nghệ)
    expect(w.get('ca-xuatnhapcanh')!).toBeGreaterThan(3 * w.get('kc-khcn')!);
  });

  it('service times are log-normal around the area mean; no-shows at the given rate', () => {
    const rng = new Prng(5);
    const xs = Array.from({ length: 20_000 }, () => b.serviceMs(rng, 'kc-khcn') / 60_000);
    const mean = xs.reduce((x, y) => x + y, 0) / xs.length;
    expect(mean).toBeGreaterThan(15.5);
    expect(mean).toBeLessThan(16.5);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    const shows = Array.from({ length: 20_000 }, () => b.noShow(rng)).filter(Boolean).length;
    expect(shows / 20_000).toBeGreaterThan(0.03);
    expect(shows / 20_000).toBeLessThan(0.05);
  });
});

describe('EventQueue', () => {
  it('earliest first; the same instant in the order pushed', () => {
    const q = new EventQueue<string>();
    const rng = new Prng(1);
    const pushed: [number, string][] = [];
    for (let i = 0; i < 200; i++) {
      const t = rng.int(0, 20);
      pushed.push([t, `e${String(i)}`]);
      q.push(t, `e${String(i)}`);
    }
    const out: [number, string][] = [];
    for (let x = q.pop(); x !== undefined; x = q.pop()) out.push(x);
    expect(out).toEqual([...pushed].sort((a, b) => a[0] - b[0]));
  });
});
