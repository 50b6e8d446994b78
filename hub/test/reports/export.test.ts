/**
 * The CSV and XLSX exports read back with independent readers (Python's csv module and openpyxl, Debian's
 * python3-openpyxl) and compared with a naive recount straight from the stored events, not from the aggregates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { compareEvents, hlcMs, type QueueEvent } from '@motcua/shared/domain/events';
import { ManualClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { EventStore } from '@motcua/shared/store/event-store';
import { bucketWidthMin, UNKNOWN_KEY } from '../../src/reports/aggregate.js';
import { historyDays } from '../../src/reports/history.js';
import { createReportSource, type ReportSourceHandle } from '../../src/reports/source.js';
import type { ReportQuery } from '../../src/reports/types.js';

// Debian's interpreter, where python3-openpyxl installs (a `python3` earlier on PATH may lack it).
const PYTHON = '/usr/bin/python3';
const READER = fileURLToPath(new URL('./read-exports.py', import.meta.url));

const base = testCentreConfig();
const config = testCentreConfig({
  // A comma and quotes (CSV quoting), and a name a spreadsheet program would take for a formula.
  areas: base.areas.map((a) => (a.id === 'a' ? { ...a, name: 'Hộ tịch, "khai sinh"' } : a)),
  officers: [
    { id: 'o1', name: 'Nguyễn Văn An' },
    { id: 'o2', name: '=Trần Thị Bình' },
  ],
});

interface Cell {
  v: string | number | null;
  t: string;
  fmt: string;
}
interface Read {
  csv: { bom: boolean; crlf: boolean; rows: string[][] };
  xlsx: { sheets: string[]; frozen: string | null; rows: Cell[][] };
}

interface Figures {
  issued: number;
  served: number;
  noShow: number;
  waits: number[];
  services: number[];
  levels: number[];
  reasons: Record<string, number>;
}

/** A deliberately naive recount: walk the events in order, keep each ticket's times, count at the end. */
function recount(events: readonly QueueEvent[], by: 'area' | 'officer'): Map<string, Figures> {
  interface T {
    area: string;
    issued: number;
    firstCall: number | null;
    lastCall: number | null;
    started: number | null;
    finished: number | null;
    end: 'done' | 'no_show' | null;
    officer: string | null;
  }
  const tickets = new Map<string, T>();
  const atCounter = new Map<string, string>();
  const ratings: { ticket: string | null; level: number; reasons: readonly string[] }[] = [];
  for (const e of [...events].sort(compareEvents)) {
    const t = hlcMs(e);
    if (e.type === 'officer.logged_in') atCounter.set(e.data.counterId, e.data.officerId);
    else if (e.type === 'officer.logged_out') atCounter.delete(e.data.counterId);
    else if (e.type === 'ticket.issued')
      tickets.set(e.data.ticketId, {
        area: e.data.areaId,
        issued: t,
        firstCall: null,
        lastCall: null,
        started: null,
        finished: null,
        end: null,
        officer: null,
      });
    else if (e.type === 'ticket.called') {
      const k = tickets.get(e.data.ticketId)!;
      k.firstCall ??= t;
      k.lastCall = t;
      k.started = null;
      k.officer = e.data.officerId ?? atCounter.get(e.data.counterId) ?? null;
    } else if (e.type === 'ticket.started') tickets.get(e.data.ticketId)!.started = t;
    else if (e.type === 'ticket.transferred') tickets.get(e.data.ticketId)!.started = null;
    else if (e.type === 'ticket.finished') {
      const k = tickets.get(e.data.ticketId)!;
      k.end = 'done';
      k.finished = t;
    } else if (e.type === 'ticket.no_show') tickets.get(e.data.ticketId)!.end = 'no_show';
    else if (e.type === 'rating.given')
      ratings.push({ ticket: e.data.ticketId, level: e.data.level, reasons: e.data.reasons });
  }
  const out = new Map<string, Figures>();
  const fig = (key: string): Figures => {
    let f = out.get(key);
    if (!f)
      out.set(
        key,
        (f = { issued: 0, served: 0, noShow: 0, waits: [], services: [], levels: [], reasons: {} }),
      );
    return f;
  };
  for (const k of tickets.values()) {
    if (by === 'officer' && k.end === null) continue;
    const f = fig(by === 'area' ? k.area : (k.officer ?? UNKNOWN_KEY));
    f.issued++;
    if (k.end === 'done') f.served++;
    if (k.end === 'no_show') f.noShow++;
    if (k.firstCall !== null) f.waits.push((k.firstCall - k.issued) / 60_000);
    if (k.end === 'done') f.services.push((k.finished! - (k.started ?? k.lastCall!)) / 60_000);
  }
  for (const r of ratings) {
    const k = tickets.get(r.ticket!)!;
    const f = fig(by === 'area' ? k.area : (k.officer ?? UNKNOWN_KEY));
    f.levels.push(r.level);
    for (const id of r.reasons) {
      const label = config.rating.reasons.find((x) => x.id === id)!.label;
      f.reasons[label] = (f.reasons[label] ?? 0) + 1;
    }
  }
  return out;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const nearestRankP90 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1]!;

let dir: string;
let store: EventStore;
let reports: ReportSourceHandle;
let events: QueueEvent[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-export-'));
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 1, 0));
  store = new EventStore({
    path: join(dir, 'hub.db'),
    deviceId: 'hub',
    config,
    clock,
    logger: silentLogger,
    outbox: false,
  });
  for (const d of historyDays(config, { firstDay: '2026-11-23', days: 3, ticketsPerDay: 120, seed: 7 })) {
    const r = store.ingestMany(d.events);
    expect(r.results.every((x) => x === 'stored')).toBe(true);
  }
  events = store.storedEvents();
  reports = createReportSource({ store, config, dataDir: dir, clock, logger: silentLogger });
});

afterAll(() => {
  reports.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readBack(q: ReportQuery): Promise<Read> {
  const csvPath = join(dir, `${q.groupBy}.csv`);
  const xlsxPath = join(dir, `${q.groupBy}.xlsx`);
  writeFileSync(csvPath, reports.csv(q));
  writeFileSync(xlsxPath, await reports.xlsx(q));
  return JSON.parse(execFileSync(PYTHON, [READER, csvPath, xlsxPath], { encoding: 'utf8' })) as Read;
}

const HEADERS = [
  'Mã',
  'Khu vực',
  'Đã cấp',
  'Đã phục vụ',
  'Vắng mặt',
  'Chờ TB (phút)',
  'Chờ P90 (phút)',
  'Phục vụ TB (phút)',
  'Phục vụ P90 (phút)',
  'Lượt đánh giá',
  'Tỷ lệ hài lòng (%)',
  'Lý do: Thái độ phục vụ',
  'Lý do: Thời gian chờ',
  'Lý do: Hướng dẫn chưa rõ',
  'Lý do: Yêu cầu bổ sung nhiều lần',
  'Lý do: Khác',
];

/** Checks one exported row (cells by header) against the recount. */
function expectMatches(row: Record<string, number | null>, f: Figures, issuedHeader: string): void {
  expect(row[issuedHeader]).toBe(f.issued);
  expect(row['Đã phục vụ']).toBe(f.served);
  expect(row['Vắng mặt']).toBe(f.noShow);
  expect(row['Chờ TB (phút)']).toBeCloseTo(mean(f.waits), 2);
  const wp = nearestRankP90(f.waits);
  expect(Math.abs(row['Chờ P90 (phút)']! - wp)).toBeLessThanOrEqual(bucketWidthMin(wp * 60_000) + 0.005);
  expect(row['Phục vụ TB (phút)']).toBeCloseTo(mean(f.services), 2);
  const sp = nearestRankP90(f.services);
  expect(Math.abs(row['Phục vụ P90 (phút)']! - sp)).toBeLessThanOrEqual(bucketWidthMin(sp * 60_000) + 0.005);
  expect(row['Lượt đánh giá']).toBe(f.levels.length);
  // Satisfied on the default 3-level scale: levels 3 and 2.
  const happy = f.levels.filter((l) => l >= 2).length;
  expect(row['Tỷ lệ hài lòng (%)']).toBeCloseTo((100 * happy) / f.levels.length, 1);
  for (const r of config.rating.reasons) expect(row[`Lý do: ${r.label}`]).toBe(f.reasons[r.label] ?? 0);
}

describe('exports read back independently', () => {
  it('the year so far by area: CSV and XLSX hold the recount', async () => {
    const q: ReportQuery = { from: '2026-11-23', to: '2026-11-25', groupBy: 'area' };
    const read = await readBack(q);
    const truth = recount(events, 'area');
    expect(truth.get('a')!.levels.length).toBeGreaterThan(0);

    // CSV: byte-order mark, CRLF, Vietnamese headings, the quoted label intact.
    expect(read.csv.bom).toBe(true);
    expect(read.csv.crlf).toBe(true);
    expect(read.csv.rows[0]).toEqual(HEADERS);
    expect(read.csv.rows.map((r) => r[1])).toEqual([
      'Khu vực',
      'Hộ tịch, "khai sinh"',
      'Chứng thực',
      'Tổng cộng',
    ]);
    for (const key of ['a', 'b']) {
      const r = read.csv.rows.find((x) => x[0] === key)!;
      // Numbers with '.' decimals, nothing else.
      for (const v of r.slice(2)) expect(v).toMatch(/^(\d+(\.\d+)?)?$/);
      const row = Object.fromEntries(HEADERS.map((h, i) => [h, r[i] === '' ? null : Number(r[i])]));
      expectMatches(row, truth.get(key)!, 'Đã cấp');
    }

    // XLSX: the same headings, typed cells, the heading row frozen.
    const [head, ...body] = read.xlsx.rows;
    expect(head!.map((c) => c.v)).toEqual(HEADERS);
    expect(read.xlsx.frozen).toBe('A2');
    for (const key of ['a', 'b']) {
      const cells = body.find((r) => r[0]!.v === key)!;
      for (const c of cells.slice(2)) if (c.v !== null) expect(c.t).toBe('n');
      expect(cells[1]!.t).toBe('s');
      const row = Object.fromEntries(HEADERS.map((h, i) => [h, cells[i]!.v as number | null]));
      expectMatches(row, truth.get(key)!, 'Đã cấp');
    }
    const total = body.find((r) => r[1]!.v === 'Tổng cộng')!;
    expect(total[2]!.v).toBe(truth.get('a')!.issued + truth.get('b')!.issued);
  });

  it('by officer: the officer at the last call, and no formula ever', async () => {
    const read = await readBack({ from: '2026-11-23', to: '2026-11-25', groupBy: 'officer' });
    const truth = recount(events, 'officer');
    const headers = HEADERS.map((h) => (h === 'Khu vực' ? 'Cán bộ' : h === 'Đã cấp' ? 'Đã tiếp nhận' : h));
    expect(read.csv.rows[0]).toEqual(headers);
    for (const key of ['o1', 'o2', UNKNOWN_KEY]) {
      const cells = read.xlsx.rows.find((r) => r[0]!.v === key)!;
      const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]!.v as number | null]));
      expectMatches(row, truth.get(key)!, 'Đã tiếp nhận');
    }
    // The name that looks like a formula: a text cell in the XLSX, prefixed with an apostrophe in the CSV.
    const o2 = read.xlsx.rows.find((r) => r[0]!.v === 'o2')!;
    expect(o2[1]).toMatchObject({ v: '=Trần Thị Bình', t: 's' });
    expect(read.csv.rows.find((r) => r[0] === 'o2')![1]).toBe("'=Trần Thị Bình");
  });
});
