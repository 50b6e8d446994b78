/**
 * The supervisor's reports over the hub's event store. Past days are aggregated once, from their events, into
 * the reports database (reports.db in the hub's data folder) and merged from there; the current day is
 * computed live from the store's in-memory state. A past day is aggregated again when its event count changes
 * (an offline device uploading yesterday's events), and on start every day is checked, so the file can be
 * deleted at any time and comes back.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { CentreConfig } from '@motcua/shared/config/schema';
import type { Clock } from '@motcua/shared/runtime/clock';
import type { Logger } from '@motcua/shared/runtime/logger';
import type { EventStore } from '@motcua/shared/store/event-store';
import { aggregateDay, mergeAgg, type Agg } from './aggregate.js';
import { csvText } from './columns.js';
import { factsOfEvents, factsOfState } from './facts.js';
import { ReportsDb } from './reports-db.js';
import { buildTable } from './table.js';
import type { ReportQuery, ReportSource, ReportTable } from './types.js';
import { xlsxOf } from './xlsx.js';

export interface ReportSourceOptions {
  readonly store: EventStore;
  /**
   * The centre's configuration, or a getter for the one in force: the hub passes a getter, so areas and
   * counters saved on the dashboard are named in reports at once.
   */
  readonly config: CentreConfig | (() => CentreConfig);
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The reports database's file name in dataDir (default reports.db). */
  readonly fileName?: string;
}

export type ReportQueryErrorReason = 'invalid-query' | 'bad-date' | 'bad-range';

/** A report asked for with a malformed query; `reason` is for programs, `message` names the field. */
export class ReportQueryError extends Error {
  constructor(
    readonly reason: ReportQueryErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ReportQueryError';
  }
}

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd');
const querySchema = z
  .object({ from: dayString, to: dayString, groupBy: z.enum(['day', 'area', 'counter', 'officer']) })
  .strict();

function isCalendarDay(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
}

/** Validates a query from outside (the dashboard's URL); throws ReportQueryError naming the field. */
export function parseReportQuery(input: unknown): ReportQuery {
  const r = querySchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    const field = i?.path.join('.') ?? '';
    throw new ReportQueryError(
      field === 'from' || field === 'to' ? 'bad-date' : 'invalid-query',
      `${field === '' ? 'query' : field}: ${i?.message ?? 'invalid'}`,
    );
  }
  const q = r.data;
  for (const f of ['from', 'to'] as const)
    if (!isCalendarDay(q[f])) throw new ReportQueryError('bad-date', `${f}: ${q[f]} is not a calendar date`);
  if (q.from > q.to) throw new ReportQueryError('bad-range', `from (${q.from}) is after to (${q.to})`);
  return q;
}

/** "yyyy-MM-dd" minus n calendar days. */
export function dayMinus(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/** Past days whose events may still change (uploads are accepted for at most 7 business days back). */
const RECENT_DAYS = 8;

export interface ReportSourceHandle extends ReportSource {
  /**
   * Aggregates the past days not yet aggregated or whose events changed; returns how many. report() and days()
   * call it; the hub may also call it after a day is archived so the first report after midnight is quick.
   */
  sync(): number;
  close(): void;
}

export function createReportSource(o: ReportSourceOptions): ReportSourceHandle {
  const log = o.logger.child('reports');
  const given = o.config;
  const config = typeof given === 'function' ? given : (): CentreConfig => given;
  const db = new ReportsDb(join(o.dataDir, o.fileName ?? 'reports.db'));
  if (db.remade !== null)
    log.warn('reports file unreadable; made again from the events', { reason: db.remade });
  let closed = false;

  const syncFrom = (from: string | null): number => {
    const live = o.store.day;
    const counts = o.store.dayEventCounts(from);
    const stored = db.storedDays();
    let done = 0;
    for (const { day, events } of counts) {
      // Today (and a day ahead of it, from a clock that was ahead) is computed live, never stored: stored
      // and live at once it would count twice.
      if (day >= live || stored.get(day) === events) continue;
      const started = Date.now();
      const facts = factsOfEvents(config(), day, o.store.eventsOfDay(day));
      db.putDay(day, events, facts.tickets.length, aggregateDay(facts), o.clock.now());
      done++;
      log.debug(() => `day ${day} aggregated: ${events} events in ${Date.now() - started} ms`);
    }
    if (from === null) {
      // Days whose events are gone from the store (never, today; a restored backup, perhaps) are forgotten,
      // and so is a stored day that is now the live one (the clock was corrected backwards).
      const present = new Set(counts.map((c) => c.day));
      for (const day of stored.keys()) if (!present.has(day) || day >= live) db.deleteDay(day);
    }
    if (done > 0) log.info('report days aggregated', { days: done });
    return done;
  };

  /**
   * What the store holds, cheaply: its day and the sum of its version vector, which grows with every event
   * stored. Unchanged means no past day can have changed, and the day counts need not be asked for.
   */
  const storeMark = (): string =>
    `${o.store.day}:${Object.values(o.store.versionVector()).reduce((a, b) => a + b, 0)}`;
  let synced = '';

  const sync = (): number => {
    if (closed) throw new Error('the report source is closed');
    const mark = storeMark();
    if (mark === synced) return 0;
    const n = syncFrom(dayMinus(o.store.day, RECENT_DAYS));
    synced = mark;
    return n;
  };

  // On start: every day, against the store (the file may be new, old or from another version).
  synced = storeMark();
  syncFrom(null);

  const report = (input: ReportQuery): ReportTable => {
    const q = parseReportQuery(input);
    sync();
    const groups: Map<string, Agg> = db.load(q.groupBy, q.from, q.to);
    const live = o.store.day;
    if (q.from <= live && live <= q.to && o.store.queue.events.length > 0) {
      const today = aggregateDay(factsOfState(o.store.state))[q.groupBy];
      for (const [key, a] of today) {
        const into = groups.get(key);
        if (into) mergeAgg(into, a);
        else groups.set(key, a);
      }
    }
    return buildTable(q, groups, config());
  };

  return {
    report,
    csv: (q) => Buffer.from(csvText(report(q), config()), 'utf8'),
    // A bad query rejects the promise rather than throwing before it.
    xlsx: (q) => Promise.resolve().then(() => xlsxOf(report(q), config())),
    days: () => {
      sync();
      const r = db.range();
      if (o.store.queue.events.length === 0) return r;
      const live = o.store.day;
      return {
        first: r.first === null || live < r.first ? live : r.first,
        last: r.last === null || live > r.last ? live : r.last,
      };
    },
    sync,
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
