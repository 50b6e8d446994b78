/**
 * The report source over a real event store (SQLite files in a temporary folder): a hand-made history of
 * three days with known times, archived days aggregated into reports.db, today computed live, late uploads,
 * a deleted reports file, bad queries.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCentreConfig } from '@motcua/testing/centre-config';
import {
  actOnCurrent,
  callTicket,
  counterCommand,
  issueTicket,
  officerCommand,
  rateService,
  transferCurrent,
  type CommandResult,
} from '@motcua/shared/domain/commands';
import type { QueueState } from '@motcua/shared/domain/state';
import { encodeHlc } from '@motcua/shared/domain/hlc';
import { ManualClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { EventStore } from '@motcua/shared/store/event-store';
import { createReportSource, ReportQueryError, type ReportSourceHandle } from '../../src/reports/source.js';
import { UNKNOWN_KEY } from '../../src/reports/aggregate.js';
import type { ReportQuery } from '../../src/reports/types.js';

const config = testCentreConfig();
/** hh:mm local (UTC+7) on a day of November 2026. */
const at = (day: number, hh: number, mm: number): number => Date.UTC(2026, 10, day, hh - 7, mm);

let dir: string;
let clock: ManualClock;
let store: EventStore;
const open: ReportSourceHandle[] = [];

function source(): ReportSourceHandle {
  const s = createReportSource({ store, config, dataDir: dir, clock, logger: silentLogger });
  open.push(s);
  return s;
}

function run(t: number, decide: (s: QueueState) => CommandResult): string | null {
  clock.set(t);
  const r = store.commit(decide);
  if (!r.ok) throw new Error(`${r.reason}: ${r.message}`);
  return r.ticketId;
}

const issue = (t: number, areaId: string): string =>
  run(t, (s) =>
    issueTicket(s, config, { areaId, priority: null, kioskId: 'kiosk-1', needsPrint: false }, t),
  )!;

let day2Ticket = '';

/**
 * 23/11: A1 waits 10 min, served in 10 at c1 (o1), rated 3; A2 waits 20, served in 5 at c2 (o2), rated 1
 * (attitude); B1 waits 30, absent at c3 (nobody logged in).
 * 24/11: A waits 4 at c1, transferred to area b, called again at c3, started at 08:12, finished at 08:20.
 * 25/11 (today): A waits 3 and is being called at c1.
 */
function history(): void {
  run(at(23, 8, 0), (s) => officerCommand(s, config, 'c1', 'o1', 'login'));
  run(at(23, 8, 0), (s) => officerCommand(s, config, 'c2', 'o2', 'login'));
  for (const c of ['c1', 'c2', 'c3']) run(at(23, 8, 0), (s) => counterCommand(s, c, { kind: 'open' }));
  const a1 = issue(at(23, 8, 0), 'a');
  const a2 = issue(at(23, 8, 2), 'a');
  const b1 = issue(at(23, 8, 5), 'b');
  run(at(23, 8, 10), (s) => callTicket(s, config, 'c1', a1));
  run(at(23, 8, 11), (s) => actOnCurrent(s, 'c1', 'start'));
  run(at(23, 8, 21), (s) => actOnCurrent(s, 'c1', 'finish'));
  run(at(23, 8, 21), (s) =>
    rateService(s, config, { counterId: 'c1', ticketId: a1, level: 3, reasons: [], dossierCode: null }),
  );
  run(at(23, 8, 22), (s) => callTicket(s, config, 'c2', a2));
  run(at(23, 8, 23), (s) => actOnCurrent(s, 'c2', 'start'));
  run(at(23, 8, 28), (s) => actOnCurrent(s, 'c2', 'finish'));
  run(at(23, 8, 29), (s) =>
    rateService(s, config, {
      counterId: 'c2',
      ticketId: a2,
      level: 1,
      reasons: ['attitude'],
      dossierCode: null,
    }),
  );
  run(at(23, 8, 35), (s) => callTicket(s, config, 'c3', b1));
  run(at(23, 8, 37), (s) => actOnCurrent(s, 'c3', 'no-show'));

  run(at(24, 8, 0), (s) => officerCommand(s, config, 'c1', 'o1', 'login'));
  for (const c of ['c1', 'c3']) run(at(24, 8, 0), (s) => counterCommand(s, c, { kind: 'open' }));
  day2Ticket = issue(at(24, 8, 0), 'a');
  run(at(24, 8, 4), (s) => callTicket(s, config, 'c1', day2Ticket));
  run(at(24, 8, 5), (s) => actOnCurrent(s, 'c1', 'start'));
  run(at(24, 8, 6), (s) => transferCurrent(s, config, 'c1', { kind: 'area', areaId: 'b' }));
  run(at(24, 8, 10), (s) => callTicket(s, config, 'c3', day2Ticket));
  run(at(24, 8, 12), (s) => actOnCurrent(s, 'c3', 'start'));
  run(at(24, 8, 20), (s) => actOnCurrent(s, 'c3', 'finish'));

  run(at(25, 9, 0), (s) => officerCommand(s, config, 'c1', 'o1', 'login'));
  run(at(25, 9, 0), (s) => counterCommand(s, 'c1', { kind: 'open' }));
  const today = issue(at(25, 9, 0), 'a');
  run(at(25, 9, 3), (s) => callTicket(s, config, 'c1', today));
}

const Q = (groupBy: ReportQuery['groupBy'], from = '2026-11-23', to = '2026-11-25'): ReportQuery => ({
  from,
  to,
  groupBy,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-reports-'));
  clock = new ManualClock(at(23, 7, 0));
  store = new EventStore({
    path: join(dir, 'hub.db'),
    deviceId: 'hub',
    config,
    clock,
    logger: silentLogger,
    outbox: false,
  });
  history();
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports over the event store', () => {
  it('by area: archived days from reports.db and today live', () => {
    const t = source().report(Q('area'));
    const a = t.rows.find((r) => r.key === 'a')!;
    expect(a).toMatchObject({
      label: 'Hộ tịch',
      issued: 4,
      served: 3,
      noShow: 0,
      ratings: 2,
      satisfiedRate: 0.5,
    });
    // Waits 10, 20, 4 (first call of the transferred ticket) and 3 (today, called): mean 9.25, p90 20.
    expect(a.waitMeanMin).toBe(9.25);
    expect(a.waitP90Min).toBe(20);
    // Services 10, 5 and 8 (from the start after the second call): mean 7.67, p90 10.
    expect(a.serviceMeanMin).toBe(7.67);
    expect(a.serviceP90Min).toBe(10);
    expect(a.reasons).toEqual({ 'Thái độ phục vụ': 1 });
    const b = t.rows.find((r) => r.key === 'b')!;
    expect(b).toMatchObject({ issued: 1, served: 0, noShow: 1, waitMeanMin: 30, serviceMeanMin: null });
    expect(t.total).toMatchObject({ issued: 5, served: 3, noShow: 1 });
    expect(existsSync(join(dir, 'reports.db'))).toBe(true);
    expect(statSync(join(dir, 'reports.db')).mode & 0o777).toBe(0o600);
  });

  it('by officer and counter: where each ticket ended', () => {
    const s = source();
    const o = s.report(Q('officer'));
    expect(o.rows.map((r) => [r.key, r.issued, r.served, r.noShow, r.ratings])).toEqual([
      ['o1', 1, 1, 0, 1],
      ['o2', 1, 1, 0, 1],
      [UNKNOWN_KEY, 2, 1, 1, 0],
    ]);
    const c = s.report(Q('counter'));
    expect(c.rows.map((r) => [r.key, r.served, r.noShow, r.serviceMeanMin])).toEqual([
      ['c1', 1, 0, 10],
      ['c2', 1, 0, 5],
      ['c3', 1, 1, 8],
    ]);
  });

  it('by day, and a range of one archived day agrees with the store’s own day summary', () => {
    const s = source();
    const d = s.report(Q('day'));
    expect(d.rows.map((r) => [r.key, r.label, r.issued, r.served])).toEqual([
      ['2026-11-23', '23/11/2026', 3, 2],
      ['2026-11-24', '24/11/2026', 1, 1],
      ['2026-11-25', '25/11/2026', 1, 0],
    ]);
    const one = s.report(Q('area', '2026-11-23', '2026-11-23'));
    const summary = store.archivedSummary('2026-11-23') as {
      areas: Record<string, { issued: number; served: number; waitMeanMin: number; serviceP90Min: number }>;
    };
    for (const area of ['a', 'b']) {
      const r = one.rows.find((x) => x.key === area)!;
      const f = summary.areas[area]!;
      expect([r.issued, r.served, r.waitMeanMin, r.serviceP90Min]).toEqual([
        f.issued,
        f.served,
        f.waitMeanMin,
        f.serviceP90Min,
      ]);
    }
    expect(s.days()).toEqual({ first: '2026-11-23', last: '2026-11-25' });
  });

  it('aggregates a past day again when a late upload adds to it', () => {
    const s = source();
    expect(s.report(Q('area', '2026-11-24', '2026-11-24')).total.ratings).toBe(0);
    // A rating pad that was offline uploads yesterday's rating of the transferred ticket.
    const late = {
      v: 1,
      id: 'pad-3:1',
      device: 'pad-3',
      seq: 1,
      hlc: encodeHlc({ ms: at(24, 8, 21), counter: 0, node: 'pad-3' }),
      day: '2026-11-24',
      type: 'rating.given',
      data: { counterId: 'c3', ticketId: day2Ticket, level: 3, reasons: [], dossierCode: null },
    };
    expect(store.ingest(late)).toBe('stored');
    const t = s.report(Q('area', '2026-11-24', '2026-11-24'));
    expect(t.total).toMatchObject({ ratings: 1, satisfiedRate: 1 });
    expect(t.rows.find((r) => r.key === 'a')!.ratings).toBe(1);
  });

  it('comes back the same when reports.db is deleted', () => {
    const first = source();
    const before = [first.report(Q('area')), first.report(Q('officer')), first.report(Q('day'))];
    first.close();
    for (const f of ['reports.db', 'reports.db-wal', 'reports.db-shm']) rmSync(join(dir, f), { force: true });
    const again = source();
    expect([again.report(Q('area')), again.report(Q('officer')), again.report(Q('day'))]).toEqual(before);
  });

  it('remakes a damaged reports.db from the events', () => {
    const before = source().report(Q('officer'));
    for (const s of open.splice(0)) s.close();
    for (const f of ['reports.db-wal', 'reports.db-shm']) rmSync(join(dir, f), { force: true });
    writeFileSync(join(dir, 'reports.db'), 'not a database, not even close '.repeat(200));
    expect(source().report(Q('officer'))).toEqual(before);
  });

  it('refuses a bad query with a reason', async () => {
    const s = source();
    const reason = (q: unknown): string => {
      try {
        s.report(q as ReportQuery);
        return 'accepted';
      } catch (e) {
        return e instanceof ReportQueryError ? e.reason : 'other';
      }
    };
    expect(reason(Q('area', '2026-11-25', '2026-11-23'))).toBe('bad-range');
    expect(reason(Q('area', '2026-02-30', '2026-03-01'))).toBe('bad-date');
    expect(reason({ from: '23/11/2026', to: '2026-11-25', groupBy: 'area' })).toBe('bad-date');
    expect(reason({ ...Q('area'), groupBy: 'kiosk' })).toBe('invalid-query');
    expect(reason({ ...Q('area'), extra: 1 })).toBe('invalid-query');
    await expect(s.xlsx(Q('area', '2026-11-25', '2026-11-23'))).rejects.toBeInstanceOf(ReportQueryError);
  });

  it('an empty range gives configured groups with zeros', () => {
    const t = source().report(Q('area', '2025-01-01', '2025-01-31'));
    expect(t.rows.map((r) => [r.key, r.issued, r.waitMeanMin])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
    ]);
    expect(source().report(Q('day', '2025-01-01', '2025-01-31')).rows).toEqual([]);
  });
});
