/**
 * The reports database: one row per (group kind, day, key) holding that day's mergeable aggregate (see
 * aggregate.ts). A file of its own in the hub's data folder, owner-only, derived from the event store and
 * rebuilt from it whenever it is missing, damaged or written by another aggregation version: it is a cache the
 * year's reports are fast from, never a record.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  addEncodedHist,
  encodeHist,
  emptyAgg,
  type Agg,
  type DayAggregates,
  type Dist,
  type GroupKind,
  GROUP_KINDS,
} from './aggregate.js';

/** Bump when the meaning of a stored aggregate changes: every day is then aggregated again from its events. */
export const AGGREGATE_VERSION = 2;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS days (
    day TEXT PRIMARY KEY, events INTEGER NOT NULL, tickets INTEGER NOT NULL, aggregated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS groups (
    kind TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL,
    issued INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL,
    wait_n INTEGER NOT NULL, wait_sum INTEGER NOT NULL, wait_min INTEGER, wait_max INTEGER, wait_hist BLOB NOT NULL,
    service_n INTEGER NOT NULL, service_sum INTEGER NOT NULL, service_min INTEGER, service_max INTEGER,
    service_hist BLOB NOT NULL,
    levels TEXT NOT NULL, reasons TEXT NOT NULL,
    PRIMARY KEY (kind, day, key)
  ) STRICT, WITHOUT ROWID;
`;

interface GroupRow {
  key: string;
  issued: number;
  served: number;
  no_show: number;
  wait_n: number;
  wait_sum: number;
  wait_min: number | null;
  wait_max: number | null;
  wait_hist: Buffer;
  service_n: number;
  service_sum: number;
  service_min: number | null;
  service_max: number | null;
  service_hist: Buffer;
  levels: string;
  reasons: string;
}

function histBytes(h: Uint32Array): Buffer {
  const b = encodeHist(h);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function mergeStored(
  d: Dist,
  n: number,
  sum: number,
  min: number | null,
  max: number | null,
  hist: Buffer,
): void {
  if (n === 0) return;
  d.n += n;
  d.sumMs += sum;
  if (min !== null && min < d.minMs) d.minMs = min;
  if (max !== null && max > d.maxMs) d.maxMs = max;
  addEncodedHist(d.hist, hist);
}

function addJson(into: Record<string, number>, text: string): void {
  if (text === '{}') return;
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, number>))
    into[k] = (into[k] ?? 0) + v;
}

/** Opens (or makes) the file owner-only; a file that cannot be read as ours is moved out of the way and remade. */
function openFile(path: string): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
    for (const side of ['-wal', '-shm']) if (existsSync(path + side)) chmodSync(path + side, 0o600);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // A lost last write only means a day aggregated again: no need to wait for the disk on each one.
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}

export class ReportsDb {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly putDayRow: Database.Statement;
  private readonly dropDay: Database.Statement;
  private readonly dropDayRow: Database.Statement;
  private readonly byRange: Database.Statement;
  /** Why the file was thrown away and made again on open, or null. */
  readonly remade: string | null = null;

  constructor(readonly path: string) {
    let db: Database.Database;
    try {
      db = openFile(path);
      db.prepare('SELECT COUNT(*) FROM groups').get();
    } catch (e) {
      // Damaged or foreign: it is only a cache of the events, so start it again.
      this.remade = (e as Error).message;
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
      db = openFile(path);
    }
    this.db = db;
    const version = (
      db.prepare("SELECT value FROM meta WHERE key = 'aggregateVersion'").get() as
        { value: string } | undefined
    )?.value;
    if (version !== String(AGGREGATE_VERSION)) {
      db.transaction(() => {
        db.exec('DELETE FROM groups; DELETE FROM days;');
        db.prepare(
          "INSERT INTO meta (key, value) VALUES ('aggregateVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ).run(String(AGGREGATE_VERSION));
      })();
    }
    this.insert = db.prepare(
      `INSERT INTO groups (kind, day, key, issued, served, no_show, wait_n, wait_sum, wait_min, wait_max, wait_hist,
        service_n, service_sum, service_min, service_max, service_hist, levels, reasons)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.putDayRow = db.prepare(
      'INSERT INTO days (day, events, tickets, aggregated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (day) DO UPDATE SET events = excluded.events, tickets = excluded.tickets, aggregated_at = excluded.aggregated_at',
    );
    this.dropDay = db.prepare('DELETE FROM groups WHERE day = ?');
    this.dropDayRow = db.prepare('DELETE FROM days WHERE day = ?');
    this.byRange = db.prepare(
      `SELECT key, issued, served, no_show, wait_n, wait_sum, wait_min, wait_max, wait_hist,
        service_n, service_sum, service_min, service_max, service_hist, levels, reasons
       FROM groups WHERE kind = ? AND day >= ? AND day <= ?`,
    );
  }

  /** Aggregated days and the number of events each was aggregated from. */
  storedDays(): Map<string, number> {
    const rows = this.db.prepare('SELECT day, events FROM days').all() as { day: string; events: number }[];
    return new Map(rows.map((r) => [r.day, r.events]));
  }

  /** Replaces a day's aggregates, in one transaction. */
  putDay(day: string, events: number, tickets: number, aggs: DayAggregates, at: number): void {
    this.db.transaction(() => {
      this.dropDay.run(day);
      for (const kind of GROUP_KINDS)
        for (const [key, a] of aggs[kind]) {
          const w = a.wait;
          const s = a.service;
          this.insert.run(
            kind,
            day,
            key,
            a.issued,
            a.served,
            a.noShow,
            w.n,
            w.sumMs,
            w.n === 0 ? null : w.minMs,
            w.n === 0 ? null : w.maxMs,
            histBytes(w.hist),
            s.n,
            s.sumMs,
            s.n === 0 ? null : s.minMs,
            s.n === 0 ? null : s.maxMs,
            histBytes(s.hist),
            JSON.stringify(a.levels),
            JSON.stringify(a.reasons),
          );
        }
      this.putDayRow.run(day, events, tickets, at);
    })();
  }

  /** Forgets a day (its events are gone from the store). */
  deleteDay(day: string): void {
    this.db.transaction(() => {
      this.dropDay.run(day);
      this.dropDayRow.run(day);
    })();
  }

  /** The merged aggregate of each key of `kind` over the days from..to (inclusive). */
  load(kind: GroupKind, from: string, to: string, into = new Map<string, Agg>()): Map<string, Agg> {
    for (const r of this.byRange.iterate(kind, from, to) as IterableIterator<GroupRow>) {
      let a = into.get(r.key);
      if (!a) into.set(r.key, (a = emptyAgg()));
      a.issued += r.issued;
      a.served += r.served;
      a.noShow += r.no_show;
      mergeStored(a.wait, r.wait_n, r.wait_sum, r.wait_min, r.wait_max, r.wait_hist);
      mergeStored(a.service, r.service_n, r.service_sum, r.service_min, r.service_max, r.service_hist);
      addJson(a.levels, r.levels);
      addJson(a.reasons, r.reasons);
    }
    return into;
  }

  /** The first and last aggregated day. */
  range(): { first: string | null; last: string | null } {
    const r = this.db.prepare('SELECT MIN(day) AS first, MAX(day) AS last FROM days').get() as {
      first: string | null;
      last: string | null;
    };
    return { first: r.first, last: r.last };
  }

  close(): void {
    this.db.close();
  }
}
