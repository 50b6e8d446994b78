/**
 * The device's durable event store. One SQLite transaction per intent: the intent is checked against the
 * in-memory state, its events get (device, seq) identities and hybrid-logical-clock stamps, and the events, the
 * outbox rows and the ticket projection are written together. Only after COMMIT returns does the in-memory
 * engine change: a failed write leaves memory exactly as the disk is.
 *
 * Days: the engine holds the current business day. When the clock crosses into a new day the old day is
 * archived (its statistics stored in `days`) and a new engine starts numbering from the beginning. Nothing is
 * deleted.
 */
import type { CentreConfig } from '../config/schema.js';
import { businessDay } from '../domain/business-day.js';
import type { CommandResult } from '../domain/commands.js';
import { QueueEngine } from '../domain/engine.js';
import { EVENT_VERSION, validateEvent, type EventDraft, type QueueEvent } from '../domain/events.js';
import { authorise, authorsOf, type AuthorLookup } from '../sync/authority.js';
import { decodeHlc, encodeHlc, initialHlc, receive, tick, type Hlc } from '../domain/hlc.js';
import type { QueueState } from '../domain/state.js';
import { computeStatistics } from '../domain/stats.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import { classifyWriteError, openDatabase, StoreError, type Db } from './db.js';
import { projectEvent, type Statements, prepareStatements } from './projection.js';

export interface EventStoreOptions {
  readonly path: string;
  readonly deviceId: string;
  readonly config: CentreConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Keep own events in the outbox until acknowledged (default true). The hub sets false: it is where events
   * are acknowledged, its own go out with the answers and broadcasts, and an outbox nobody drains would only grow.
   */
  readonly outbox?: boolean;
}

export type IntentResult =
  | { readonly ok: true; readonly events: readonly QueueEvent[]; readonly ticketId: string | null }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** `forbidden`: valid, but its device may not write it (see sync/authority.ts), or it claims to be this device. */
export type IngestResult = 'stored' | 'duplicate' | 'deferred' | 'invalid' | 'forbidden';

export class EventStore {
  /** The SQLite handle stays inside the store: callers ask the questions below, never write SQL against it. */
  private readonly db: Db;
  readonly deviceId: string;
  private config: CentreConfig;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly st: Statements;
  private readonly keepsOutbox: boolean;
  private hlc: Hlc;
  private seq: number;
  private engine: QueueEngine;
  private closed = false;
  private commitsSinceCheckpoint = 0;
  private dayCache: { at: number; day: string } | null = null;
  /** One transaction wrapper made once (better-sqlite3 builds five functions per `db.transaction` call). */
  private readonly tx: (fn: () => void) => void;
  /**
   * True after a non-durable write (ingest, acknowledgement) left the connection at synchronous=NORMAL; every other write path calls
   * durableWrites() first, which puts it back to FULL. Switching lazily saves two statements per broadcast.
   */
  private relaxed = false;
  /**
   * Other devices' events taken by a non-durable ingest: already in the version vector and the engine, written
   * to SQLite by flush() on the next turn of the event loop (or before anything reads events from SQLite).
   */
  private pending: QueueEvent[] = [];
  private readonly pendingIds = new Set<string>();
  /** Cancels the scheduled flush, if one is scheduled. */
  private cancelFlush: (() => void) | null = null;
  private flushFailures = 0;
  /** device -> highest seq such that all of 1..seq are stored (the version vector). */
  private readonly vector = new Map<string, number>();
  /**
   * device -> no stored (or pending) event of it has a higher seq. Never lower than the truth, so a seq above it
   * is new without asking SQLite; after a rolled-back write it may be higher, which only costs a lookup.
   */
  private readonly highest = new Map<string, number>();
  /** Who may write what (the configuration's device list). */
  private authors: AuthorLookup;
  /** Refused events by `${device}:${reason}`; each key is logged once. */
  private readonly refused = new Map<string, number>();

  constructor(opts: EventStoreOptions) {
    this.deviceId = opts.deviceId;
    this.config = opts.config;
    this.clock = opts.clock;
    this.log = opts.logger.child('store');
    this.keepsOutbox = opts.outbox ?? true;
    this.authors = authorsOf(opts.config);
    this.db = openDatabase(opts.path);
    this.st = prepareStatements(this.db);
    this.tx = this.db.transaction((fn: () => void) => {
      fn();
    });
    const row = this.st.maxSeq.get(this.deviceId) as { s: number | null };
    this.seq = row.s ?? 0;
    const lastHlc = this.st.lastOwnHlc.get(this.deviceId) as { hlc: string } | undefined;
    const maxHlc = this.st.maxHlc.get() as { hlc: string | null };
    let h = (lastHlc && decodeHlc(lastHlc.hlc)) ?? initialHlc(this.deviceId);
    const seen = maxHlc.hlc !== null ? decodeHlc(maxHlc.hlc) : null;
    if (seen && seen.ms > h.ms) h = { ms: seen.ms, counter: seen.counter, node: this.deviceId };
    this.hlc = h;
    for (const r of this.st.vectorAll.all() as { device: string; contiguous: number }[])
      this.vector.set(r.device, r.contiguous);
    for (const r of this.db.prepare('SELECT device, MAX(seq) AS s FROM events GROUP BY device').all() as {
      device: string;
      s: number;
    }[])
      this.highest.set(r.device, r.s);
    this.engine = this.loadDay(this.today());
  }

  /** The current business day by the injected clock. */
  today(): string {
    // Formatting a date in a time zone costs microseconds and runs on every write: reuse it within a second.
    const now = this.clock.now();
    if (this.dayCache !== null && now >= this.dayCache.at && now - this.dayCache.at < 1000)
      return this.dayCache.day;
    const day = businessDay(now, this.config.centre.timeZone);
    this.dayCache = { at: now, day };
    return day;
  }

  get day(): string {
    return this.engine.day;
  }

  get state(): QueueState {
    return this.engine.state;
  }

  get queue(): QueueEngine {
    return this.engine;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Starts a new business day if the clock has crossed midnight in the centre's zone. */
  rollDay(): boolean {
    const today = this.today();
    if (today === this.engine.day) return false;
    const old = this.engine;
    if (today < old.day && old.events.length === 0) {
      // The day was taken from a clock that was ahead and nothing happened on it: follow the corrected clock.
      this.engine = this.loadDay(today);
      return true;
    }
    if (today < old.day) {
      // The clock went backwards across midnight: never reopen or renumber an archived day.
      this.log.warn('clock is behind the current business day; staying on it', {
        day: old.day,
        clock: today,
      });
      return false;
    }
    const summary = JSON.stringify(computeStatistics(old.state, this.config));
    this.durableWrites();
    this.tx(() => {
      this.st.ensureDay.run(old.day, encodeHlc(this.hlc));
      this.st.archiveDay.run(encodeHlc(this.hlc), summary, old.day);
    });
    this.log.info('business day archived', { day: old.day, next: today, events: old.events.length });
    this.engine = this.loadDay(today);
    return true;
  }

  /**
   * Runs one intent: `decide` sees the current state and returns event drafts (or a refusal). All drafts are
   * written in one transaction; the engine applies them only after commit.
   */
  commit(
    decide: (state: QueueState) => CommandResult,
    inTransaction?: (events: readonly QueueEvent[], ticketId: string | null) => void,
  ): IntentResult {
    this.assertOpen();
    this.rollDay();
    const decision = decide(this.engine.state);
    if (!decision.ok) return decision;
    const now = this.clock.now();
    let h = this.hlc;
    let seq = this.seq;
    let events: QueueEvent[] = [];
    for (let attempt = 0; ; attempt++) {
      h = this.hlc;
      seq = this.seq;
      events = [];
      for (const d of decision.drafts) {
        h = tick(h, now);
        seq++;
        events.push(this.envelope(d, seq, h));
      }
      this.durableWrites();
      try {
        this.tx(() => {
          this.st.ensureDay.run(this.engine.day, encodeHlc(h));
          for (const e of events) {
            this.writeEvent(e);
            if (this.keepsOutbox) this.st.insertOutbox.run(e.seq, e.id);
            this.advanceVector(e.device, e.seq);
          }
          inTransaction?.(events, decision.ticketId);
        });
        break;
      } catch (e) {
        this.reloadVector();
        const err = classifyWriteError(e);
        const taken = (this.st.maxSeq.get(this.deviceId) as { s: number | null }).s ?? 0;
        if (attempt === 0 && taken > this.seq) {
          // Our own sequence numbers are already used in our database (restored from an old copy, or taken
          // before this check existed): say so loudly and carry on above them rather than fail every write.
          this.log.error('own sequence numbers already taken; continuing above them', {
            from: this.seq + 1,
            to: taken,
          });
          this.seq = taken;
          continue;
        }
        this.log.error('intent not committed', { reason: err.reason, message: err.message });
        return { ok: false, reason: err.reason, message: err.message };
      }
    }
    this.hlc = h;
    this.seq = seq;
    // Safety net when nobody runs checkpoint(): keep the WAL bounded.
    if (++this.commitsSinceCheckpoint >= 20_000) this.checkpoint();
    for (const e of events) {
      const outcome = this.engine.apply(e);
      if (!outcome.applied) {
        // The command layer let through something the rules refuse: record it, loudly, as a conflict.
        this.log.error('own event rejected by the queue rules', {
          id: e.id,
          type: e.type,
          reason: outcome.reason,
        });
      }
    }
    return { ok: true, events, ticketId: decision.ticketId };
  }

  /** Stores one event from another device; see ingestMany. */
  ingest(input: unknown): IngestResult {
    return this.ingestMany([input]).results[0]!;
  }

  /**
   * Stores events from other devices (sync). Validation failures are logged once and skipped; events of a newer
   * version or unknown type are kept in `deferred_events`; duplicates are ignored. Returns what happened to each
   * input and the events that were new.
   *
   * `durable: true` (the default; the hub) writes them in one transaction and waits for the disk: the hub's
   * acknowledgement is a promise that the event is on disk.
   *
   * `durable: false` (a device storing copies of other devices' events) applies them to the version vector and
   * the queue state at once and writes them on the next turn of the event loop, in one transaction per batch,
   * without waiting for the disk (see flush). A screen shows the new state without waiting for its SD card, and
   * a burst of broadcasts costs one write. After a crash or power cut the last few copies may be missing,
   * consistently (the stored version vector never claims an event that is not stored) and catch-up fetches
   * them again from the hub.
   */
  ingestMany(
    inputs: readonly unknown[],
    opts: { durable?: boolean } = {},
  ): { results: IngestResult[]; stored: QueueEvent[] } {
    this.assertOpen();
    if (!(opts.durable ?? true)) return this.ingestLater(inputs);
    this.flush();
    this.durableWrites();
    return this.ingestInTransaction(inputs);
  }

  /** Writes the events taken by non-durable ingests (no fsync). Throws a StoreError if the write fails. */
  flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = null;
    if (this.pending.length === 0 || this.closed) return;
    this.relaxedWrites();
    const batch = this.pending;
    const devices = new Set<string>();
    try {
      this.tx(() => {
        for (const e of batch) {
          this.writeEvent(e);
          devices.add(e.device);
        }
        // Every pending event is written in this transaction, so the in-memory marks are now true on disk.
        for (const d of devices) this.st.vectorSet.run(d, this.vector.get(d) ?? 0);
      });
    } catch (e) {
      throw classifyWriteError(e);
    }
    this.pending = [];
    this.pendingIds.clear();
    this.flushFailures = 0;
    this.commitsSinceCheckpoint++;
  }

  private scheduleFlush(delayMs = 0): void {
    if (this.cancelFlush || this.closed) return;
    const run = (): void => {
      this.cancelFlush = null;
      try {
        this.flush();
      } catch (e) {
        // Kept in memory and retried; if the device stops first, catch-up fetches them again.
        this.flushFailures++;
        if (this.flushFailures === 1 || this.flushFailures % 100 === 0)
          this.log.error("copies of other devices' events not written; retrying", {
            events: this.pending.length,
            message: (e as Error).message,
          });
        this.scheduleFlush(Math.min(5_000, 50 * this.flushFailures));
      }
    };
    if (delayMs === 0) {
      const t = setImmediate(run);
      this.cancelFlush = () => clearImmediate(t);
    } else {
      const t = setTimeout(run, delayMs).unref();
      this.cancelFlush = () => clearTimeout(t);
    }
  }

  private ingestLater(inputs: readonly unknown[]): { results: IngestResult[]; stored: QueueEvent[] } {
    const { results, stored, hlc } = this.sortInputs(inputs, (e) => {
      this.pending.push(e);
      this.pendingIds.add(e.id);
      this.advanceVector(e.device, e.seq, false);
    });
    this.hlc = hlc;
    if (stored.length > 0) this.scheduleFlush();
    this.rollDay();
    this.engine.applyMany(stored);
    return { results, stored };
  }

  /**
   * Validates each input, skips what is stored or pending, and hands each new event to `take`; returns what
   * happened to each input, the new events, and the clock after receiving them (the caller keeps it once the
   * events are taken for good).
   */
  private sortInputs(
    inputs: readonly unknown[],
    take: (e: QueueEvent) => void,
  ): { results: IngestResult[]; stored: QueueEvent[]; hlc: Hlc } {
    const results: IngestResult[] = [];
    const stored: QueueEvent[] = [];
    const now = this.clock.now();
    let h = this.hlc;
    for (const input of inputs) {
      const v = validateEvent(input);
      if (!v.ok) {
        results.push(this.reject(input, v));
        continue;
      }
      const e = v.event;
      if (this.seen(e)) {
        results.push('duplicate');
        continue;
      }
      if (e.device === this.deviceId) {
        // Someone wrote events under our id, and the hub stored them: never take them as ours, and number our
        // own events above them so our writes do not collide with them anywhere.
        this.refuse(e.device, 'own-device', `event ${e.id} claims this device`, true);
        this.skipOwnSeq(e.seq);
        results.push('forbidden');
        continue;
      }
      const a = authorise(this.authors(e.device), e, (id) => this.engine.state.tickets.get(id)?.kioskId);
      if (!a.ok) {
        this.refuse(e.device, a.reason, `${e.id}: ${a.message}`);
        results.push('forbidden');
        continue;
      }
      try {
        h = receive(h, decodeHlc(e.hlc)!, now);
      } catch (err) {
        this.log.warn('event from a clock too far ahead', { id: e.id, message: (err as Error).message });
      }
      take(e);
      results.push('stored');
      stored.push(e);
    }
    return { results, stored, hlc: h };
  }

  private refuse(device: string, reason: string, message: string, loud = false): void {
    const key = `${device}:${reason}`;
    const n = (this.refused.get(key) ?? 0) + 1;
    this.refused.set(key, n);
    if (n > 1) return;
    if (loud) this.log.error('event refused', { device, reason, message });
    else this.log.warn('event refused', { device, reason, message });
  }

  /** Counts of refused events by `${device}:${reason}` (authority, own-device). */
  refusals(): Record<string, number> {
    return Object.fromEntries(this.refused);
  }

  /** Our sequence numbers up to `seq` are used by someone else: continue above them. */
  private skipOwnSeq(seq: number): void {
    if (seq <= this.seq) return;
    this.seq = seq;
    this.highest.set(this.deviceId, Math.max(seq, this.highest.get(this.deviceId) ?? 0));
    this.vector.set(this.deviceId, Math.max(seq, this.vector.get(this.deviceId) ?? 0));
  }

  /** The event row and its ticket projection; inside a transaction. */
  private writeEvent(e: QueueEvent): void {
    this.st.insertEvent.run(e.id, e.device, e.seq, e.hlc, e.day, e.type, e.v, JSON.stringify(e));
    projectEvent(this.st, e);
  }

  /** An input that did not validate: logged and refused, or kept for a newer version of this software. */
  private reject(input: unknown, v: { reason: string; message: string }): IngestResult {
    if (v.reason === 'invalid-event') {
      this.log.warn('invalid event rejected', { message: v.message });
      return 'invalid';
    }
    const raw = input as { id: string; device: string; seq: number; v: number };
    const r = this.st.insertDeferred.run(raw.id, raw.device, raw.seq, raw.v, JSON.stringify(input), v.reason);
    if (r.changes > 0) this.log.warn('event deferred', { id: raw.id, reason: v.reason });
    return r.changes > 0 ? 'deferred' : 'duplicate';
  }

  /** Whether this event is already stored or pending. */
  private seen(e: QueueEvent): boolean {
    if ((this.vector.get(e.device) ?? 0) >= e.seq) return true;
    return e.seq <= (this.highest.get(e.device) ?? 0) && this.has(e.id);
  }

  private has(id: string): boolean {
    return this.pendingIds.has(id) || this.st.hasEvent.get(id) !== undefined;
  }

  /** Writes that may be lost in a power cut (and redone after it) go through here first (see `relaxed`). */
  private relaxedWrites(): void {
    if (!this.relaxed && !this.db.inTransaction) {
      // SQLite applies PRAGMA synchronous when the statement is prepared: a prepared statement run again
      // does not switch reliably (measured), so these are executed afresh each time.
      this.db.exec('PRAGMA synchronous = NORMAL');
      this.relaxed = true;
    }
  }

  /** Every write that must survive a power cut goes through here first (see `relaxed`). */
  private durableWrites(): void {
    if (this.relaxed && !this.db.inTransaction) {
      this.db.exec('PRAGMA synchronous = FULL');
      this.relaxed = false;
    }
  }

  private ingestInTransaction(inputs: readonly unknown[]): { results: IngestResult[]; stored: QueueEvent[] } {
    let out: { results: IngestResult[]; stored: QueueEvent[]; hlc: Hlc } | null = null;
    try {
      this.tx(() => {
        out = this.sortInputs(inputs, (e) => {
          this.writeEvent(e);
          this.advanceVector(e.device, e.seq);
        });
      });
    } catch (e) {
      this.reloadVector();
      throw classifyWriteError(e);
    }
    const { results, stored, hlc } = out!;
    this.hlc = hlc;
    if (stored.length > 0) this.commitsSinceCheckpoint++;
    this.rollDay();
    this.engine.applyMany(stored);
    return { results, stored };
  }

  /** The version vector: for each device, all its events up to this seq are stored here. */
  versionVector(): Record<string, number> {
    return Object.fromEntries([...this.vector.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /**
   * Whether some device's events are held above a hole (its seq N+2 is here, N+1 is not): a broadcast was lost
   * on the way (a broker drops messages when a client's queue is full) and catch-up should fetch it.
   */
  hasGaps(): boolean {
    for (const [device, top] of this.highest)
      if (device !== this.deviceId && top > (this.vector.get(device) ?? 0)) return true;
    return false;
  }

  contiguousSeq(device: string): number {
    return this.vector.get(device) ?? 0;
  }

  /** Events this store has that a peer with `vector` lacks, in (device, seq) order, at most `limit`. */
  eventsAfter(vector: Readonly<Record<string, number>>, limit: number): QueueEvent[] {
    this.flush();
    const out: QueueEvent[] = [];
    for (const device of [...this.vector.keys()].sort()) {
      if (out.length >= limit) break;
      const rows = this.st.eventsAfter.all(device, vector[device] ?? 0, limit - out.length) as {
        body: string;
      }[];
      for (const r of rows) out.push(JSON.parse(r.body) as QueueEvent);
    }
    return out;
  }

  /** The stored event with this id, or null (copies not yet written are looked for too). */
  storedEvent(id: string): QueueEvent | null {
    this.flush();
    const row = this.db.prepare('SELECT body FROM events WHERE id = ?').get(id) as
      { body: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.body) as QueueEvent);
  }

  /** The business day of the event that issued this ticket, as stored; null if no such event. */
  ticketIssueDay(ticketId: string): string | null {
    this.flush();
    const row = this.db
      .prepare(
        "SELECT day FROM events WHERE type = 'ticket.issued' AND json_extract(body, '$.data.ticketId') = ?",
      )
      .get(ticketId) as { day: string } | undefined;
    return row?.day ?? null;
  }

  /** Every stored event id (all days). */
  eventIds(): Set<string> {
    this.flush();
    return new Set((this.db.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id));
  }

  /** Stored events (all days), optionally of one type, in (device, seq) order. */
  storedEvents(type?: QueueEvent['type']): QueueEvent[] {
    this.flush();
    const rows = (
      type === undefined
        ? this.db.prepare('SELECT body FROM events ORDER BY device, seq').all()
        : this.db.prepare('SELECT body FROM events WHERE type = ? ORDER BY device, seq').all(type)
    ) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as QueueEvent);
  }

  /** Rows of the events table (a duplicate would need a second row: the id is the primary key). */
  eventRowCount(): number {
    this.flush();
    return (this.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  }

  /** The ticket projection of a day: id and status of each ticket as the projection table has it. */
  projectedTickets(day: string): { id: string; status: string }[] {
    this.flush();
    return this.db.prepare('SELECT id, status FROM tickets WHERE day = ?').all(day) as {
      id: string;
      status: string;
    }[];
  }

  getMeta(key: string): string | null {
    return (this.st.getMeta.get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.durableWrites();
    this.st.setMeta.run(key, value);
  }

  /** The stored answer to a request already handled (idempotency), or null. */
  requestResponse(device: string, requestId: string): string | null {
    return (this.st.getRequest.get(device, requestId) as { response: string } | undefined)?.response ?? null;
  }

  /** Records a request's answer; call inside commit's transaction so the answer and its events land together. */
  recordRequest(device: string, requestId: string, response: string): void {
    this.st.putRequest.run(device, requestId, response);
  }

  leases(day: string): { area: string; kiosk: string; first: number; last: number }[] {
    return this.st.leasesOf.all(day) as { area: string; kiosk: string; first: number; last: number }[];
  }

  addLease(day: string, area: string, kiosk: string, first: number, last: number): void {
    this.durableWrites();
    this.st.insertLease.run(day, area, kiosk, first, last);
  }

  /** Runs `fn` in one SQLite transaction. */
  transaction<T>(fn: () => T): T {
    this.durableWrites();
    let out: T | undefined;
    this.tx(() => {
      out = fn();
    });
    return out as T;
  }

  /** Own events not yet acknowledged by the hub, oldest first. */
  pendingOutbox(limit = 500): QueueEvent[] {
    return (this.st.outbox.all(limit) as { body: string }[]).map((r) => JSON.parse(r.body) as QueueEvent);
  }

  /**
   * The hub has durably stored our events up to `seq`: their outbox rows go. Written without waiting for the disk
   * (like the copies of other devices' events): a deletion lost in a power cut only brings rows back that are
   * sent again and that the hub recognises as the events it already has, while an fsync here would hold the
   * event loop on every acknowledgement (measured on the kiosk: a few ms in front of the next answer).
   */
  acknowledge(seq: number): number {
    this.relaxedWrites();
    return this.st.ackOutbox.run(seq).changes;
  }

  eventsOfDay(day: string): QueueEvent[] {
    this.flush();
    return (this.st.eventsOfDay.all(day) as { body: string }[]).map((r) => JSON.parse(r.body) as QueueEvent);
  }

  /**
   * How many events each business day holds, in day order, for the days from `fromDay` on (all when null):
   * the reports aggregate a day again when its count changes (a late upload from an offline device).
   */
  dayEventCounts(fromDay: string | null = null): { day: string; events: number }[] {
    this.flush();
    return this.db
      .prepare('SELECT day, COUNT(*) AS events FROM events WHERE day >= ? GROUP BY day ORDER BY day')
      .all(fromDay ?? '') as { day: string; events: number }[];
  }

  archivedSummary(day: string): unknown {
    const r = this.st.daySummary.get(day) as { summary: string | null } | undefined;
    return r?.summary ? (JSON.parse(r.summary) as unknown) : null;
  }

  /**
   * Moves committed pages from the WAL into the database file. Devices call this on an idle timer (see
   * startMaintenance) so that the fsync of a checkpoint never lands inside an intent.
   */
  checkpoint(): void {
    this.commitsSinceCheckpoint = 0;
    this.flush();
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Runs checkpoint() every `everyMs`; returns a function that stops it. */
  startMaintenance(everyMs = 10_000): () => void {
    const t = setInterval(() => {
      if (!this.closed && this.commitsSinceCheckpoint > 0) this.checkpoint();
    }, everyMs);
    t.unref();
    return () => clearInterval(t);
  }

  close(): void {
    if (this.closed) return;
    try {
      this.flush();
    } catch (e) {
      this.log.error("copies of other devices' events lost at close; catch-up will fetch them", {
        events: this.pending.length,
        message: (e as Error).message,
      });
    }
    this.closed = true;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private envelope(d: EventDraft, seq: number, h: Hlc): QueueEvent {
    return {
      v: EVENT_VERSION,
      id: `${this.deviceId}:${seq}`,
      device: this.deviceId,
      seq,
      hlc: encodeHlc(h),
      day: this.engine.day,
      type: d.type,
      data: d.data,
    } as QueueEvent;
  }

  /**
   * Moves the device's contiguous mark forward over `seq` and any later events already taken; writes it too
   * unless the events are pending (flush writes the mark with them).
   */
  private advanceVector(device: string, seq: number, write = true): void {
    const top = Math.max(seq, this.highest.get(device) ?? 0);
    this.highest.set(device, top);
    let v = this.vector.get(device) ?? 0;
    if (seq !== v + 1) return;
    v = seq;
    while (v < top && this.has(`${device}:${v + 1}`)) v++;
    this.vector.set(device, v);
    if (write) this.st.vectorSet.run(device, v);
  }

  /** After a rolled-back transaction, the in-memory vector must match the disk again. */
  private reloadVector(): void {
    this.vector.clear();
    for (const r of this.st.vectorAll.all() as { device: string; contiguous: number }[])
      this.vector.set(r.device, r.contiguous);
  }

  /**
   * Switches to a newer configuration without reopening (the hub, when an admin saves one on the dashboard):
   * who may write what follows its device list, and today's state is folded again from the stored events under
   * it, exactly as a restart with that configuration would. The caller has checked that the change is safe
   * mid-day (same centre and time zone, every event of today still applies: see hub/src/live-config.ts).
   */
  setConfig(config: CentreConfig): void {
    this.assertOpen();
    this.config = config;
    this.authors = authorsOf(config);
    this.dayCache = null;
    this.engine = this.loadDay(this.engine.day);
  }

  private loadDay(day: string): QueueEngine {
    const engine = new QueueEngine(this.config, day);
    engine.applyMany(this.eventsOfDay(day));
    return engine;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('write-failed', 'the store is closed');
  }
}
