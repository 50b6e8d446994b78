/** The pure part of the reports: aggregates of hand-made facts, mergeability, the p90 bound, the rules. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testCentreConfig } from '@motcua/testing/centre-config';
import {
  addEncodedHist,
  addSample,
  BUCKETS,
  encodeHist,
  aggregateDay,
  bucketWidthMin,
  emptyAgg,
  emptyDist,
  mergeAgg,
  p90Min,
  UNKNOWN_KEY,
  type Agg,
} from '../../src/reports/aggregate.js';
import type { DayFacts, RatingFact, TicketFact } from '../../src/reports/facts.js';
import { buildTable, rowOf, satisfiedLevels } from '../../src/reports/table.js';

fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

const config = testCentreConfig();
const MIN = 60_000;

function ticket(over: Partial<TicketFact> & Pick<TicketFact, 'id'>): TicketFact {
  return {
    day: '2026-11-23',
    areaId: 'a',
    counterId: 'c1',
    officerId: 'o1',
    outcome: 'served',
    issuedAt: 0,
    waitMs: null,
    serviceMs: null,
    transfers: 0,
    ...over,
  };
}

/** Exact nearest-rank p90 in minutes. */
function exactP90(ms: readonly number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1]! / MIN;
}

describe('a hand-made day', () => {
  // Area a: ten served tickets with waits of 1..10 minutes and services of 2, 4, ..., 20 minutes at c1 (o1);
  // area b: one served at c3 (nobody logged in) after 30 minutes, one absent at c2 (o2) after 45, one waiting.
  const tickets: TicketFact[] = [
    ...Array.from({ length: 10 }, (_, i) =>
      ticket({ id: `a${i}`, waitMs: (i + 1) * MIN, serviceMs: 2 * (i + 1) * MIN }),
    ),
    ticket({ id: 'b1', areaId: 'b', counterId: 'c3', officerId: null, waitMs: 30 * MIN, serviceMs: 5 * MIN }),
    ticket({ id: 'b2', areaId: 'b', counterId: 'c2', officerId: 'o2', outcome: 'no-show', waitMs: 45 * MIN }),
    ticket({ id: 'b3', areaId: 'b', counterId: null, officerId: null, outcome: 'open' }),
  ];
  const ratings: RatingFact[] = [
    { day: '2026-11-23', counterId: 'c1', officerId: 'o1', areaId: 'a', level: 3, reasons: [] },
    { day: '2026-11-23', counterId: 'c1', officerId: 'o1', areaId: 'a', level: 2, reasons: [] },
    {
      day: '2026-11-23',
      counterId: 'c1',
      officerId: 'o1',
      areaId: 'a',
      level: 1,
      reasons: ['attitude', 'waiting-time'],
    },
    { day: '2026-11-23', counterId: 'c3', officerId: null, areaId: null, level: 1, reasons: ['attitude'] },
  ];
  const facts: DayFacts = { day: '2026-11-23', tickets, ratings };
  const aggs = aggregateDay(facts);
  const q = { from: '2026-11-23', to: '2026-11-23' };

  it('gives each area its counts, exact means and p90s', () => {
    const t = buildTable({ ...q, groupBy: 'area' }, aggs.area, config);
    const a = t.rows.find((r) => r.key === 'a')!;
    expect(a).toMatchObject({ label: 'Hộ tịch', issued: 10, served: 10, noShow: 0 });
    expect(a.waitMeanMin).toBe(5.5);
    expect(a.waitP90Min).toBe(9);
    expect(a.serviceMeanMin).toBe(11);
    expect(a.serviceP90Min).toBe(18);
    expect(a.ratings).toBe(3);
    // Satisfied on the 3-level scale: levels 3 and 2.
    expect(a.satisfiedRate).toBeCloseTo(2 / 3, 4);
    expect(a.reasons).toEqual({ 'Thái độ phục vụ': 1, 'Thời gian chờ': 1 });
    const b = t.rows.find((r) => r.key === 'b')!;
    expect(b).toMatchObject({ issued: 3, served: 1, noShow: 1, waitMeanMin: 37.5, waitP90Min: 45 });
    expect(b.serviceMeanMin).toBe(5);
    expect(b.ratings).toBe(0);
    expect(b.satisfiedRate).toBeNull();
    // The rating given without a ticket has no area: it shows in a row of its own and in the total.
    expect(t.rows.find((r) => r.key === UNKNOWN_KEY)).toMatchObject({ ratings: 1, issued: 0 });
    expect(t.total).toMatchObject({ issued: 13, served: 11, noShow: 1, ratings: 4 });
    expect(t.total.waitMeanMin).toBe(Math.round(((55 + 30 + 45) / 12) * 100) / 100);
    expect(t.total.satisfiedRate).toBe(0.5);
  });

  it('counts a ticket for the counter and officer where it ended', () => {
    const c = buildTable({ ...q, groupBy: 'counter' }, aggs.counter, config);
    expect(c.rows.map((r) => [r.key, r.label, r.issued, r.served, r.noShow])).toEqual([
      ['c1', 'Quầy 1', 10, 10, 0],
      ['c2', 'Quầy 2', 1, 0, 1],
      ['c3', 'Quầy 3', 1, 1, 0],
    ]);
    const o = buildTable({ ...q, groupBy: 'officer' }, aggs.officer, config);
    expect(o.rows.map((r) => [r.key, r.issued, r.served, r.noShow, r.ratings])).toEqual([
      ['o1', 10, 10, 0, 3],
      ['o2', 1, 0, 1, 0],
      [UNKNOWN_KEY, 1, 1, 0, 1],
    ]);
    expect(o.rows[0]!.label).toBe('Nguyễn Văn An');
    // The waiting ticket ended nowhere: not in any counter's figures.
    expect(c.total.issued).toBe(12);
  });

  it('gives one row per day for the day grouping', () => {
    const d = buildTable({ ...q, groupBy: 'day' }, aggs.day, config);
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0]).toMatchObject({ key: '2026-11-23', label: '23/11/2026', issued: 13, ratings: 4 });
  });
});

describe('satisfied levels', () => {
  const scale = (n: number) =>
    testCentreConfig({
      rating: {
        levels: Array.from({ length: n }, (_, i) => ({
          value: n - i,
          label: `L${n - i}`,
          labelEn: `L${n - i}`,
        })),
      },
    });
  it('are the two highest levels, or the highest of two', () => {
    expect([...satisfiedLevels(scale(2))]).toEqual([2]);
    expect([...satisfiedLevels(scale(3))]).toEqual([3, 2]);
    expect([...satisfiedLevels(scale(4))]).toEqual([4, 3]);
    expect([...satisfiedLevels(scale(5))]).toEqual([5, 4]);
  });
});

const ms = fc.integer({ min: 0, max: 10 * 3600_000 });

describe('the p90 estimate', () => {
  it('lies within one bucket of the exact nearest-rank p90', () => {
    fc.assert(
      fc.property(fc.array(ms, { minLength: 1, maxLength: 400 }), (xs) => {
        const d = emptyDist();
        for (const x of xs) addSample(d, x);
        const exact = exactP90(xs);
        const est = p90Min(d)!;
        const width = bucketWidthMin(exact * MIN);
        // The open-ended last bucket is bounded by the observed maximum.
        const bound = Number.isFinite(width) ? width : Math.max(...xs) / MIN - 480;
        expect(Math.abs(est - exact)).toBeLessThanOrEqual(bound + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

const factArb: fc.Arbitrary<TicketFact> = fc.record({
  id: fc.uuid(),
  day: fc.constantFrom('2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'),
  areaId: fc.constantFrom('a', 'b'),
  counterId: fc.constantFrom('c1', 'c2', 'c3'),
  officerId: fc.constantFrom('o1', 'o2', null),
  outcome: fc.constantFrom('served' as const, 'no-show' as const, 'open' as const, 'cancelled' as const),
  issuedAt: fc.constant(0),
  waitMs: fc.option(ms),
  serviceMs: fc.option(ms),
  transfers: fc.constant(0),
});
const ratingArb: fc.Arbitrary<RatingFact> = fc.record({
  day: fc.constantFrom('2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'),
  counterId: fc.constantFrom('c1', 'c2', 'c3'),
  officerId: fc.constantFrom('o1', 'o2', null),
  areaId: fc.constantFrom('a', 'b', null),
  level: fc.constantFrom(1, 2, 3),
  reasons: fc.subarray(['attitude', 'waiting-time', 'other']),
});

function byDay(tickets: readonly TicketFact[], ratings: readonly RatingFact[]): DayFacts[] {
  const days = [...new Set([...tickets.map((t) => t.day), ...ratings.map((r) => r.day)])].sort();
  return days.map((day) => ({
    day,
    tickets: tickets.filter((t) => t.day === day),
    ratings: ratings.filter((r) => r.day === day),
  }));
}

describe('mergeability', () => {
  it('the report over any split of days equals the report over their union', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 120 }),
        fc.array(ratingArb, { maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (tickets, ratings, cuts) => {
          const days = byDay(tickets, ratings);
          for (const kind of ['area', 'counter', 'officer'] as const) {
            // Merged from per-day aggregates, in parts split where `cuts` says, parts merged in reverse order.
            const parts: Map<string, Agg>[] = [new Map<string, Agg>()];
            days.forEach((d, i) => {
              if (i > 0 && cuts[i]) parts.push(new Map<string, Agg>());
              const part = parts[parts.length - 1]!;
              for (const [k, a] of aggregateDay(d)[kind]) part.set(k, mergeAgg(part.get(k) ?? emptyAgg(), a));
            });
            const merged = new Map<string, Agg>();
            for (const part of parts.reverse())
              for (const [k, a] of part) merged.set(k, mergeAgg(merged.get(k) ?? emptyAgg(), a));
            // The union, aggregated at once as if it were one day.
            const union = aggregateDay({ day: 'all', tickets, ratings })[kind];
            const q = { from: '2026-11-23', to: '2026-11-26', groupBy: kind };
            expect(buildTable(q, merged, config)).toEqual(buildTable(q, union, config));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an empty aggregate changes nothing', () => {
    const a = aggregateDay({
      day: 'd',
      tickets: [ticket({ id: 'x', waitMs: 3 * MIN })],
      ratings: [],
    }).area.get('a')!;
    expect(rowOf('a', 'A', mergeAgg(emptyAgg(), a), config)).toEqual(rowOf('a', 'A', a, config));
  });
});

describe('stored histograms', () => {
  it('decode to what was encoded, added to what is there', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 70_000 }), { minLength: BUCKETS, maxLength: BUCKETS }),
        fc.array(fc.nat({ max: 3 }), { minLength: BUCKETS, maxLength: BUCKETS }),
        (counts, before) => {
          const h = Uint32Array.from(counts.map((c, i) => (i % 3 === 0 ? 0 : c)));
          const into = Uint32Array.from(before);
          addEncodedHist(into, encodeHist(h));
          expect([...into]).toEqual(before.map((b, i) => b + h[i]!));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ignore bytes that point past the last bucket', () => {
    const h = new Uint32Array(BUCKETS);
    addEncodedHist(h, Uint8Array.from([0, 5, 0xff, 0x7f, 9]));
    expect(h[0]).toBe(5);
    expect(h.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('purity', () => {
  it('the pure modules import no Node built-ins and no storage', () => {
    for (const f of ['aggregate', 'facts', 'table', 'columns', 'history']) {
      const src = readFileSync(new URL(`../../src/reports/${f}.ts`, import.meta.url), 'utf8');
      expect(src, f).not.toMatch(/from '(node:|better-sqlite3|fs|path)/);
      expect(src, f).not.toMatch(/\/store\//);
    }
  });
});
