/**
 * Who may use which number (domain/numbering.ts): the hub numbers upwards from the bottom of each area's range,
 * kiosks lease blocks from the top, and a kiosk whose blocks are spent while cut off uses its own series above
 * every range. Unit tests at the edges (ranges near their ends, exhausted leases and series, kiosk 50), and a
 * property over centres with up to 50 kiosks: whatever the hub and the kiosks do on their own views, no number
 * is ever used twice, and every shown number reads back as the one it stands for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KIOSK_SERIES_BASE,
  KIOSK_SERIES_SIZE,
  MAX_KIOSKS,
  type AreaConfig,
  type CentreConfig,
} from '../src/config.js';
import { issueTicket } from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import type { QueueEvent } from '../src/domain/events.js';
import {
  displayNumber,
  isKioskSeriesNumber,
  kioskSeriesRange,
  nextHubNumber,
  nextKioskSeriesNumber,
  nextLeaseBlock,
  nextLeasedNumber,
  parseDisplayNumber,
  type LeaseBlock,
} from '../src/domain/numbering.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

function centre(ranges: readonly [number, number][], kiosks: number): CentreConfig {
  return testConfig({
    areas: ranges.map(([from, to], i) => ({
      id: `a${i}`,
      departmentId: 'd1',
      name: `Lĩnh vực ${i}`,
      prefix: i % 2 === 0 ? 'A' : '',
      numberRange: { from, to },
      dailyQuota: to - from + 1,
    })),
    counters: [{ id: 'c1', number: 1, areas: ranges.map((_, i) => `a${i}`) }],
    kiosks: Array.from({ length: kiosks }, (_, i) => ({ id: `kiosk-${i + 1}` })),
  });
}

/** One party (the hub or a kiosk) with its own view of the day, issuing through the real command. */
class Party {
  readonly engine: QueueEngine;
  readonly dev: Device;
  readonly mine: QueueEvent[] = [];
  constructor(
    readonly config: CentreConfig,
    readonly id: string,
  ) {
    this.engine = new QueueEngine(config, DAY);
    this.dev = new Device(id);
  }
  /** Issues the number; false when the area's daily quota (as this party sees it) is reached. */
  issue(areaId: string, number: number, series: 'hub' | 'lease' | 'kiosk', kioskId = this.id): boolean {
    const r = issueTicket(
      this.engine.state,
      this.config,
      { areaId, priority: null, kioskId, needsPrint: true, number, series },
      T0,
    );
    if (!r.ok && r.reason === 'quota-reached') return false;
    this.mine.push(...this.dev.run(this.engine, r));
    return true;
  }
  used(areaId: string, number: number): void {
    this.issue(areaId, number, 'hub');
  }
}

const area = (c: CentreConfig, i = 0): AreaConfig => c.areas[i]!;

describe('the hub numbers upwards, below every leased block', () => {
  it('starts at the range, goes on from its highest number, stops below the lowest lease', () => {
    const c = centre([[1001, 1010]], 1);
    const hub = new Party(c, 'hub');
    expect(nextHubNumber(hub.engine.state, area(c), [])).toBe(1001);
    hub.used('a0', 1001);
    hub.used('a0', 1002);
    expect(nextHubNumber(hub.engine.state, area(c), [])).toBe(1003);
    const leases = [{ area: 'a0', first: 1004, last: 1010 }];
    expect(nextHubNumber(hub.engine.state, area(c), leases)).toBe(1003);
    hub.used('a0', 1003);
    expect(nextHubNumber(hub.engine.state, area(c), leases)).toBeNull();
    // another area's leases are no ceiling
    expect(nextHubNumber(hub.engine.state, area(c), [{ area: 'zz', first: 1002, last: 1002 }])).toBe(1004);
  });

  it('a range of one number at the very top (89999): one hub number, then none', () => {
    const c = centre([[KIOSK_SERIES_BASE - 1, KIOSK_SERIES_BASE - 1]], 1);
    const hub = new Party(c, 'hub');
    expect(nextHubNumber(hub.engine.state, area(c), [])).toBe(89_999);
    hub.used('a0', 89_999);
    expect(nextHubNumber(hub.engine.state, area(c), [])).toBeNull();
    expect(nextLeaseBlock(hub.engine.state, area(c), [], 1)).toBeNull();
  });

  it('ignores kiosk-series numbers it has heard of: they are above every range', () => {
    const c = centre([[1, 5]], 2);
    const hub = new Party(c, 'hub');
    hub.issue('a0', KIOSK_SERIES_BASE + KIOSK_SERIES_SIZE + 1, 'kiosk', 'kiosk-2');
    expect(nextHubNumber(hub.engine.state, area(c), [])).toBe(1);
  });
});

describe('leases come from the top and always leave the hub room', () => {
  it('blocks go down from the top of the range until only room for the hub is left', () => {
    const c = centre([[89_990, 89_999]], 2);
    const hub = new Party(c, 'hub');
    const leases: LeaseBlock[] = [];
    const take = (): LeaseBlock | null => {
      const b = nextLeaseBlock(hub.engine.state, area(c), leases, 3);
      if (b) leases.push(b);
      return b;
    };
    expect(take()).toEqual({ area: 'a0', first: 89_997, last: 89_999 });
    expect(take()).toEqual({ area: 'a0', first: 89_994, last: 89_996 });
    // 89990…89993 are left: a third block would leave the hub fewer than a block's worth.
    expect(take()).toBeNull();
    hub.used('a0', 89_990);
    hub.used('a0', 89_991);
    hub.used('a0', 89_992);
    hub.used('a0', 89_993);
    expect(nextHubNumber(hub.engine.state, area(c), leases)).toBeNull();
    expect(take()).toBeNull();
  });

  it('a kiosk uses its blocks lowest first, skips what it used, and is spent at the end of its blocks', () => {
    const c = centre([[1, 100]], 1);
    const k = new Party(c, 'kiosk-1');
    const blocks = [
      { area: 'a0', first: 96, last: 100 },
      { area: 'a0', first: 91, last: 92 },
      { area: 'zz', first: 1, last: 90 },
    ];
    const seen: number[] = [];
    for (let n = nextLeasedNumber(k.engine.state, 'a0', blocks); n !== null;) {
      seen.push(n);
      k.issue('a0', n, 'lease');
      n = nextLeasedNumber(k.engine.state, 'a0', blocks);
    }
    expect(seen).toEqual([91, 92, 96, 97, 98, 99, 100]);
    expect(nextLeasedNumber(k.engine.state, 'a0', [])).toBeNull();
  });
});

describe('each kiosk has its own offline series, above every range', () => {
  it('kiosks 1, 12 and 50 of 50: disjoint series, shown with their mark, spent after 199 numbers', () => {
    const c = centre(
      [
        [1, 1000],
        [1001, 2000],
      ],
      MAX_KIOSKS,
    );
    const first = (id: string): number => nextKioskSeriesNumber(new Party(c, id).engine.state, c, id, 'a0')!;
    expect(first('kiosk-1')).toBe(90_001);
    expect(first('kiosk-12')).toBe(92_201);
    expect(first('kiosk-50')).toBe(99_801);
    expect(kioskSeriesRange(c, 'kiosk-50')).toEqual({ first: 99_801, last: 99_999 });
    expect(displayNumber(area(c), 92_201)).toBe('AK12-001');
    expect(displayNumber(area(c), 99_999)).toBe('AK50-199');
    expect(displayNumber(area(c), 1)).toBe('A1');
    expect(nextKioskSeriesNumber(new Party(c, 'x').engine.state, c, 'kiosk-51', 'a0')).toBeNull();

    const k = new Party(c, 'kiosk-50');
    let n = nextKioskSeriesNumber(k.engine.state, c, 'kiosk-50', 'a0');
    let count = 0;
    while (n !== null) {
      k.issue('a0', n, 'kiosk');
      count++;
      n = nextKioskSeriesNumber(k.engine.state, c, 'kiosk-50', 'a0');
    }
    expect(count).toBe(KIOSK_SERIES_SIZE - 1);
    // the same kiosk's series in another area is untouched
    expect(nextKioskSeriesNumber(k.engine.state, c, 'kiosk-50', 'a1')).toBe(99_801);
  });

  it('shown numbers read back, and nothing else does', () => {
    const c = centre([[1, 10]], 2);
    const a = area(c);
    expect(parseDisplayNumber(a, 'AK2-005')).toBe(90_205);
    expect(parseDisplayNumber(a, 'A1025')).toBe(1025);
    for (const bad of [
      'AK0-001',
      'AK51-001',
      'AK1-000',
      'AK1-200',
      'A0',
      'A90001',
      'K1-001',
      'A01',
      'AK1-01',
    ])
      expect(parseDisplayNumber(a, bad), bad).toBeNull();
    expect(isKioskSeriesNumber(90_200)).toBe(false);
    expect(isKioskSeriesNumber(89_999)).toBe(false);
  });
});

// ---- property: no collision whatever the hub and up to 50 kiosks do on their own views ---------------------

const centreArb = fc
  .record({
    kiosks: fc.integer({ min: 1, max: MAX_KIOSKS }),
    ranges: fc.array(
      fc
        .record({
          from: fc.integer({ min: 1, max: KIOSK_SERIES_BASE - 1 }),
          size: fc.integer({ min: 1, max: 60 }),
        })
        .map(({ from, size }): [number, number] => [from, Math.min(KIOSK_SERIES_BASE - 1, from + size - 1)]),
      { minLength: 1, maxLength: 3 },
    ),
    blockSize: fc.integer({ min: 1, max: 12 }),
  })
  .chain((c) => {
    // Mostly the first and the last kiosk (so leases and issues meet), sometimes any of them.
    const kiosk = fc.oneof(fc.constantFrom(0, c.kiosks - 1), fc.nat(c.kiosks - 1));
    return fc.record({
      c: fc.constant(c),
      ops: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('hub' as const), area: fc.nat(2) }),
          fc.record({ kind: fc.constant('lease' as const), kiosk, area: fc.nat(2) }),
          fc.record({
            kind: fc.constant('issue' as const),
            kiosk,
            area: fc.nat(2),
            count: fc.integer({ min: 1, max: 15 }),
          }),
          fc.record({ kind: fc.constant('sync' as const), kiosk, area: fc.nat(2) }),
        ),
        { maxLength: 120 },
      ),
    });
  });

describe('property: the hub and up to 50 cut-off kiosks never use one number twice', () => {
  it('every number is used once, within its owner`s part, and its shown form reads back', () => {
    // What the runs used, summed: proof afterwards that the property was not vacuous.
    const series = { hub: 0, lease: 0, kiosk: 0, kioskAbove9: 0 };
    fc.assert(
      fc.property(centreArb, ({ c: shape, ops }) => {
        const config = centre(shape.ranges, shape.kiosks);
        const hub = new Party(config, 'hub');
        const kiosks = config.kiosks.map((k) => new Party(config, k.id));
        const leases: (LeaseBlock & { kiosk: string })[] = [];
        for (const op of ops) {
          const a = config.areas[op.area % config.areas.length]!;
          if (op.kind === 'hub') {
            const n = nextHubNumber(hub.engine.state, a, leases);
            if (n === null) continue;
            expect(n).toBeGreaterThanOrEqual(a.numberRange.from);
            expect(leases.every((l) => l.area !== a.id || n < l.first)).toBe(true);
            if (hub.issue(a.id, n, 'hub', 'kiosk-1')) series.hub++;
          } else if (op.kind === 'lease') {
            const b = nextLeaseBlock(hub.engine.state, a, leases, shape.blockSize);
            if (b) leases.push({ ...b, kiosk: kiosks[op.kiosk]!.id });
          } else if (op.kind === 'sync') {
            // a kiosk back online: the hub hears what it issued while cut off
            hub.engine.applyMany(kiosks[op.kiosk]!.mine);
          } else {
            const k = kiosks[op.kiosk]!;
            const mine = leases.filter((l) => l.kiosk === k.id);
            for (let i = 0; i < op.count; i++) {
              let n = nextLeasedNumber(k.engine.state, a.id, mine);
              let kind: 'lease' | 'kiosk' = 'lease';
              if (n === null) {
                kind = 'kiosk';
                n = nextKioskSeriesNumber(k.engine.state, config, k.id, a.id);
              }
              if (n === null) break;
              if (kind === 'kiosk') {
                const r = kioskSeriesRange(config, k.id)!;
                expect(n >= r.first && n <= r.last && isKioskSeriesNumber(n)).toBe(true);
              }
              if (!k.issue(a.id, n, kind)) break;
              series[kind]++;
              if (kind === 'kiosk' && kiosks.indexOf(k) >= 9) series.kioskAbove9++;
            }
          }
        }
        const all = [...hub.mine, ...kiosks.flatMap((k) => k.mine)];
        const keys = all.map((e) =>
          e.type === 'ticket.issued' ? `${e.data.areaId}:${e.data.number}` : e.id,
        );
        expect(new Set(keys).size).toBe(keys.length);
        // everything merged: nothing rejected as a duplicate, and each shown number reads back as itself
        const merged = new QueueEngine(config, DAY);
        merged.applyMany(all);
        expect(merged.state.rejected).toEqual([]);
        for (const t of merged.state.tickets.values()) {
          const a = config.areas.find((x) => x.id === t.areaId)!;
          expect(parseDisplayNumber(a, displayNumber(a, t.number))).toBe(t.number);
        }
      }),
      { numRuns: 80 },
    );
    expect(Math.min(series.hub, series.lease, series.kiosk, series.kioskAbove9)).toBeGreaterThan(20);
  });
});
