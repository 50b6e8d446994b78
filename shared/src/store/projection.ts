/** Prepared statements, and the ticket projection updated in the same transaction as each event. */
import type { Statement } from 'better-sqlite3';
import type { QueueEvent } from '../domain/events.js';
import type { Db } from './db.js';

export interface Statements {
  readonly maxSeq: Statement;
  readonly lastOwnHlc: Statement;
  readonly maxHlc: Statement;
  readonly insertEvent: Statement;
  readonly insertOutbox: Statement;
  readonly insertDeferred: Statement;
  readonly hasEvent: Statement;
  readonly outbox: Statement;
  readonly ackOutbox: Statement;
  readonly eventsOfDay: Statement;
  readonly ensureDay: Statement;
  readonly archiveDay: Statement;
  readonly daySummary: Statement;
  readonly insertTicket: Statement;
  readonly setStatus: Statement;
  readonly setPrinted: Statement;
  readonly vectorAll: Statement;
  readonly vectorSet: Statement;
  readonly eventsAfter: Statement;
  readonly getMeta: Statement;
  readonly setMeta: Statement;
  readonly getRequest: Statement;
  readonly putRequest: Statement;
  readonly leasesOf: Statement;
  readonly insertLease: Statement;
}

export function prepareStatements(db: Db): Statements {
  return {
    maxSeq: db.prepare('SELECT MAX(seq) AS s FROM events WHERE device = ?'),
    lastOwnHlc: db.prepare('SELECT hlc FROM events WHERE device = ? ORDER BY seq DESC LIMIT 1'),
    maxHlc: db.prepare('SELECT MAX(hlc) AS hlc FROM events'),
    insertEvent: db.prepare(
      'INSERT INTO events (id, device, seq, hlc, day, type, v, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertOutbox: db.prepare('INSERT INTO outbox (seq, event_id) VALUES (?, ?)'),
    insertDeferred: db.prepare(
      'INSERT OR IGNORE INTO deferred_events (id, device, seq, v, body, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    hasEvent: db.prepare('SELECT 1 FROM events WHERE id = ?'),
    outbox: db.prepare(
      'SELECT e.body FROM outbox o JOIN events e ON e.id = o.event_id ORDER BY o.seq LIMIT ?',
    ),
    ackOutbox: db.prepare('DELETE FROM outbox WHERE seq <= ?'),
    eventsOfDay: db.prepare('SELECT body FROM events WHERE day = ? ORDER BY hlc, id'),
    ensureDay: db.prepare('INSERT OR IGNORE INTO days (day, opened_hlc) VALUES (?, ?)'),
    archiveDay: db.prepare('UPDATE days SET archived_hlc = ?, summary = ? WHERE day = ?'),
    daySummary: db.prepare('SELECT summary FROM days WHERE day = ?'),
    // OR IGNORE: a number another device already used is a conflict the queue rules report, not a crash.
    insertTicket: db.prepare(
      `INSERT OR IGNORE INTO tickets (id, day, area, number, status, issued_event) VALUES (?, ?, ?, ?, 'waiting', ?)`,
    ),
    setStatus: db.prepare('UPDATE tickets SET status = ?, counter = ? WHERE id = ?'),
    setPrinted: db.prepare('UPDATE tickets SET printed = 1 WHERE id = ?'),
    vectorAll: db.prepare('SELECT device, contiguous FROM vector'),
    vectorSet: db.prepare(
      'INSERT INTO vector (device, contiguous) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET contiguous = excluded.contiguous',
    ),
    eventsAfter: db.prepare('SELECT body FROM events WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    getRequest: db.prepare('SELECT response FROM requests WHERE device = ? AND request_id = ?'),
    putRequest: db.prepare('INSERT OR IGNORE INTO requests (device, request_id, response) VALUES (?, ?, ?)'),
    leasesOf: db.prepare('SELECT area, kiosk, first, last FROM leases WHERE day = ? ORDER BY area, first'),
    insertLease: db.prepare('INSERT INTO leases (day, area, kiosk, first, last) VALUES (?, ?, ?, ?, ?)'),
  };
}

export function projectEvent(st: Statements, e: QueueEvent): void {
  switch (e.type) {
    case 'ticket.issued':
      st.insertTicket.run(e.data.ticketId, e.day, e.data.areaId, e.data.number, e.id);
      return;
    case 'ticket.printed':
      st.setPrinted.run(e.data.ticketId);
      return;
    case 'ticket.called':
    case 'ticket.recalled':
      st.setStatus.run('called', e.data.counterId, e.data.ticketId);
      return;
    case 'ticket.started':
    case 'ticket.returned':
      st.setStatus.run('serving', e.data.counterId, e.data.ticketId);
      return;
    case 'ticket.finished':
      st.setStatus.run('done', e.data.counterId, e.data.ticketId);
      return;
    case 'ticket.no_show':
      st.setStatus.run('no_show', e.data.counterId, e.data.ticketId);
      return;
    case 'ticket.held':
      st.setStatus.run('held', e.data.counterId, e.data.ticketId);
      return;
    case 'ticket.transferred':
      st.setStatus.run('waiting', null, e.data.ticketId);
      return;
    case 'ticket.cancelled':
      st.setStatus.run('cancelled', null, e.data.ticketId);
      return;
    case 'ticket.voided':
      st.setStatus.run('voided', null, e.data.ticketId);
      return;
    case 'ticket.print_failed':
    case 'counter.opened':
    case 'counter.paused':
    case 'counter.closed':
    case 'officer.logged_in':
    case 'officer.logged_out':
    case 'rating.given':
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}
