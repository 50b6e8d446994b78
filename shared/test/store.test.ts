import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actOnCurrent, callNext, counterCommand, issueTicket, printOutcome } from '../src/domain/commands.js';
import { stateHash } from '../src/domain/hash.js';
import { ManualClock } from '../src/runtime/clock.js';
import { memoryLogger, silentLogger } from '../src/runtime/logger.js';
import type { QueueEvent } from '../src/domain/events.js';
import { EventStore } from '../src/store/event-store.js';
import { openDatabase, StoreError } from '../src/store/db.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

const config = testConfig();
const open: EventStore[] = [];
function store(path: string, clock = new ManualClock(T0), deviceId = 'kiosk-1'): EventStore {
  const s = new EventStore({ path, deviceId, config, clock, logger: silentLogger });
  open.push(s);
  return s;
}
afterEach(() => {
  while (open.length) open.pop()!.close();
});
const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'motcua-store-')), 'device.db');
const issue = (s: EventStore, area = 'a') =>
  s.commit((st) =>
    issueTicket(st, config, { areaId: area, priority: null, kioskId: 'kiosk-1', needsPrint: true }, T0),
  );

// These are white-box tests of the store itself: they reach its private SQLite handle (`store['db']`) to read
// pragmas and to make the disk "full" on the store's own connection. Nothing outside the store does this.
describe('the SQLite store', () => {
  it('reopens with WAL and synchronous=FULL (2) every time', () => {
    const path = tmp();
    store(path).close();
    const s = store(path);
    expect(s['db'].pragma('synchronous', { simple: true })).toBe(2);
    expect(s['db'].pragma('journal_mode', { simple: true })).toBe('wal');
    // better-sqlite3's default on a plain reopen is NORMAL (1): the store must not rely on it
    const raw = new Database(path);
    expect(raw.pragma('synchronous', { simple: true })).not.toBe(2);
    raw.close();
  });

  it('refuses a database written by a newer version', () => {
    const path = tmp();
    store(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(path)).toThrow(StoreError);
  });

  it('an intent writes its events, outbox rows and ticket row in one transaction, and survives a reopen', () => {
    const path = tmp();
    const s = store(path);
    const r = issue(s);
    expect(r.ok).toBe(true);
    s.commit((st) => printOutcome(st, r.ok ? r.ticketId! : '', { kind: 'printed', copies: 1 }));
    const hash = stateHash(s.state);
    s.close();
    const again = store(path);
    expect(stateHash(again.state)).toBe(hash);
    expect(again.pendingOutbox().map((e) => e.seq)).toEqual([1, 2]);
    expect(again['db'].prepare('SELECT area, number, printed FROM tickets').all()).toEqual([
      { area: 'a', number: 1001, printed: 1 },
    ]);
    // the next number continues, it is not reused
    const n = issue(again);
    expect(n.ok && again.state.tickets.get(n.ticketId!)!.number).toBe(1002);
  });

  it('UNIQUE(area, day, number) is enforced by the database itself', () => {
    const s = store(tmp());
    issue(s);
    expect(() =>
      s['db']
        .prepare(
          `INSERT INTO tickets (id, day, area, number, status, issued_event) VALUES ('x', ?, 'a', 1001, 'waiting', 'kiosk-1:1')`,
        )
        .run(s.day),
    ).toThrow(/UNIQUE/);
  });

  it('the outbox empties only as far as the hub acknowledged', () => {
    const s = store(tmp());
    for (let i = 0; i < 5; i++) issue(s);
    expect(s.acknowledge(3)).toBe(3);
    expect(s.pendingOutbox().map((e) => e.seq)).toEqual([4, 5]);
  });

  it('a full disk refuses the intent with a clear reason and changes nothing in memory', () => {
    const s = store(tmp());
    issue(s);
    const before = stateHash(s.state);
    const pages = s['db'].pragma('page_count', { simple: true }) as number;
    s['db'].pragma(`max_page_count = ${pages}`);
    let r = issue(s);
    for (let i = 0; i < 200 && r.ok; i++) r = issue(s);
    expect(r).toMatchObject({ ok: false, reason: 'disk-full' });
    const committed = (s['db'].prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    expect(s.state.tickets.size).toBe(committed);
    expect(stateHash(s.state)).not.toBe(before);
    s['db'].pragma('max_page_count = 1073741823');
    expect(issue(s).ok).toBe(true);
  });

  it('at midnight the day is archived and numbering starts again; nothing is deleted', () => {
    const clock = new ManualClock(T0);
    const path = tmp();
    const s = store(path, clock);
    issue(s);
    issue(s);
    s.commit((st) => counterCommand(st, 'c1', { kind: 'open' }));
    clock.set(T0 + 24 * 3600_000);
    const r = issue(s);
    expect(s.day).toBe('2026-11-24');
    expect(r.ok && s.state.tickets.get(r.ticketId!)!.number).toBe(1001);
    expect(s.archivedSummary('2026-11-23')).toMatchObject({ day: '2026-11-23', centre: { issued: 2 } });
    expect((s['db'].prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(4);
    // a clock that jumps back never reopens the archived day
    clock.set(T0);
    expect(s.rollDay()).toBe(false);
    expect(s.day).toBe('2026-11-24');
  });

  it('an event that fails validation is rejected and logged once; a newer version is kept, not dropped', () => {
    const { logger, records } = memoryLogger();
    const s = new EventStore({ path: tmp(), deviceId: 'hub', config, clock: new ManualClock(T0), logger });
    open.push(s);
    expect(s.ingest({ nonsense: true })).toBe('invalid');
    expect(s.ingest('{"not": "an object"}')).toBe('invalid');
    const future = {
      v: 9,
      id: 'kiosk-2:1',
      device: 'kiosk-2',
      seq: 1,
      hlc: '001763860000000-000000-kiosk-2',
      day: '2026-11-23',
      type: 'ticket.teleported',
      data: {},
    };
    expect(s.ingest(future)).toBe('deferred');
    expect(s.ingest(future)).toBe('duplicate');
    expect(records.filter((r) => r.level === 'warn').map((r) => r.message)).toEqual([
      'invalid event rejected',
      'invalid event rejected',
      'event deferred',
    ]);
    expect(s['db'].prepare('SELECT id, reason FROM deferred_events').all()).toEqual([
      { id: 'kiosk-2:1', reason: 'unknown-version' },
    ]);
  });

  it('ingested events from another device are applied once, and what this device does next sorts after them', () => {
    const hub = store(tmp(), new ManualClock(T0), 'hub');
    const kiosk = new Device('kiosk-2', T0 + 60_000);
    const r = issueTicket(
      hub.state,
      config,
      { areaId: 'a', priority: null, kioskId: 'kiosk-2', needsPrint: true },
      T0,
    );
    if (!r.ok) throw new Error(r.message);
    const e1 = kiosk.stamp(r.drafts[0]!);
    const e2 = kiosk.stamp({ type: 'ticket.printed', data: { ticketId: r.ticketId!, copies: 1 } });
    expect([hub.ingest(e1), hub.ingest(e2), hub.ingest(e1)]).toEqual(['stored', 'stored', 'duplicate']);
    hub.commit((st) => counterCommand(st, 'c1', { kind: 'open' }));
    // the hub's clock is a minute behind the kiosk's, but its call still comes after the print
    const call = hub.commit((st) => callNext(st, config, 'c1'));
    expect(call.ok && call.events[0]!.hlc > e2.hlc).toBe(true);
    expect(hub.state.tickets.get(r.ticketId!)!.status).toBe('called');
    hub.commit((st) => actOnCurrent(st, 'c1', 'finish'));
    expect(hub.state.rejected).toEqual([]);
  });
});

describe('replicated events', () => {
  it('after a non-durable ingest, the device own intents and stored settings still commit with synchronous=FULL', () => {
    const hub = store(tmp(), new ManualClock(T0), 'hub');
    const kiosk = new Device('kiosk-2', T0);
    const sync = (): unknown => hub['db'].pragma('synchronous', { simple: true });
    const replicate = (): void => {
      const r = issueTicket(
        hub.state,
        config,
        { areaId: 'a', priority: null, kioskId: 'kiosk-2', needsPrint: false },
        T0,
      );
      if (!r.ok) throw new Error(r.message);
      expect(hub.ingestMany([kiosk.stamp(r.drafts[0]!)], { durable: false }).stored).toHaveLength(1);
      hub.flush();
      // copies of other devices' events do not wait for the disk
      expect(sync()).toBe(1);
    };
    replicate();
    let during: unknown = null;
    const own = hub.commit(
      (st) => issueTicket(st, config, { areaId: 'a', priority: null, kioskId: 'hub', needsPrint: false }, T0),
      () => (during = sync()),
    );
    expect(own.ok).toBe(true);
    expect(during).toBe(2);
    replicate();
    hub.transaction(() => (during = sync()));
    expect(during).toBe(2);
    replicate();
    hub.setMeta('k', 'v');
    expect(sync()).toBe(2);
    replicate();
    hub.ingestMany([], { durable: true });
    expect(sync()).toBe(2);
    expect(hub.versionVector()).toEqual({ 'kiosk-2': 4, hub: 1 });
  });

  const kioskIssues = (n: number): QueueEvent[] => {
    const kiosk = new Device('kiosk-2', T0);
    return Array.from({ length: n }, (_, i) =>
      kiosk.stamp({
        type: 'ticket.issued',
        data: {
          ticketId: `test:${DAY}:a:${1500 + i}`,
          areaId: 'a',
          number: 1500 + i,
          priority: null,
          kioskId: 'kiosk-2',
          needsPrint: false,
          series: 'local',
        },
      }),
    );
  };
  const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

  it('a copy of another device event is shown at once and written on the next turn, in one transaction', async () => {
    const path = tmp();
    const s = store(path, new ManualClock(T0), 'board-1');
    const [e1, e2, e3] = kioskIssues(3);
    // out of order: 2 before 1; the mark moves over both once 1 arrives
    expect(s.ingestMany([e2, e3], { durable: false }).results).toEqual(['stored', 'stored']);
    expect(s.contiguousSeq('kiosk-2')).toBe(0);
    expect(s.ingestMany([e1, e2], { durable: false }).results).toEqual(['stored', 'duplicate']);
    expect(s.contiguousSeq('kiosk-2')).toBe(3);
    expect(s.state.tickets.size).toBe(3);
    // not on disk yet, and the stored version vector does not claim them (another connection reads the file)
    const other = new Database(path, { readonly: true });
    expect(count(other, 'SELECT COUNT(*) AS n FROM events')).toBe(0);
    expect(count(other, "SELECT COUNT(*) AS n FROM vector WHERE device = 'kiosk-2'")).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(count(other, 'SELECT COUNT(*) AS n FROM events')).toBe(3);
    expect(count(other, 'SELECT COUNT(*) AS n FROM tickets')).toBe(3);
    expect(other.prepare("SELECT contiguous FROM vector WHERE device = 'kiosk-2'").get()).toEqual({
      contiguous: 3,
    });
    other.close();
  });

  it('anything that reads events from SQLite, and close(), writes the pending copies first', () => {
    const path = tmp();
    const s = store(path, new ManualClock(T0), 'board-1');
    const evs = kioskIssues(2);
    s.ingestMany(evs, { durable: false });
    expect(s.eventsAfter({}, 10).map((e) => e.id)).toEqual(['kiosk-2:1', 'kiosk-2:2']);
    s.ingestMany(kioskIssues(3).slice(2), { durable: false });
    s.close();
    const again = store(path, new ManualClock(T0), 'board-1');
    expect(again.versionVector()).toEqual({ 'kiosk-2': 3 });
    expect(again.state.tickets.size).toBe(3);
  });

  it('when the copies cannot be written (disk full), they stay shown, the error is logged, and they are written once there is room', async () => {
    const { logger, records } = memoryLogger();
    const path = tmp();
    const s = new EventStore({ path, deviceId: 'board-1', config, clock: new ManualClock(T0), logger });
    open.push(s);
    const pages = s['db'].pragma('page_count', { simple: true }) as number;
    s['db'].pragma(`max_page_count = ${pages}`);
    const evs = kioskIssues(200);
    s.ingestMany(evs, { durable: false });
    await new Promise((r) => setImmediate(r));
    expect(s.state.tickets.size).toBe(200);
    expect(s.contiguousSeq('kiosk-2')).toBe(200);
    expect(count(s['db'], 'SELECT COUNT(*) AS n FROM events')).toBe(0);
    expect(records.filter((r) => r.message.includes('not written')).length).toBe(1);
    s['db'].pragma('max_page_count = 1073741823');
    await vi.waitFor(() => expect(count(s['db'], 'SELECT COUNT(*) AS n FROM events')).toBe(200), {
      timeout: 5_000,
    });
    expect(s['db'].prepare("SELECT contiguous FROM vector WHERE device = 'kiosk-2'").get()).toEqual({
      contiguous: 200,
    });
  });
});
