/**
 * The role → events table (sync/authority.ts), one case per role and event kind, and the same rule applied where
 * a device ingests what it receives: a forged event is refused, counted and logged once; an event claiming the
 * device itself is refused and the device numbers its own events above it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType, type QueueEvent } from '../../src/domain/events.js';
import { encodeHlc } from '../../src/domain/hlc.js';
import { counterCommand } from '../../src/domain/commands.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { EventStore } from '../../src/store/event-store.js';
import { EVENT_AUTHORITY, authorise, authorsOf, type Author } from '../../src/sync/authority.js';
import { DEVICE_ROLES } from '../../src/sync/topics.js';
import { DAY, T0, testConfig } from '../helpers.js';

const TICKET = `test:${DAY}:a:1001`;

/** A valid event of `type` written by `device`, naming counter `counter` and kiosk `kiosk` where it has them. */
function event(type: EventType, device: string, seq = 1, counter = 'c1', kiosk = device): QueueEvent {
  const ref = { ticketId: TICKET, counterId: counter };
  const data: Record<EventType, unknown> = {
    'ticket.issued': {
      ticketId: TICKET,
      areaId: 'a',
      number: 1001,
      priority: null,
      kioskId: kiosk,
      needsPrint: true,
      series: 'lease',
    },
    'ticket.printed': { ticketId: TICKET, copies: 1 },
    'ticket.print_failed': { ticketId: TICKET, reason: 'paper-out' },
    'ticket.voided': { ticketId: TICKET, reason: 'x' },
    'ticket.called': { ...ref, officerId: null },
    'ticket.recalled': ref,
    'ticket.started': ref,
    'ticket.finished': { ...ref, dossierCode: null },
    'ticket.no_show': ref,
    'ticket.transferred': { ...ref, to: { kind: 'area', areaId: 'b' }, toFront: false },
    'ticket.held': { ...ref, reason: 'x' },
    'ticket.returned': ref,
    'ticket.cancelled': { ticketId: TICKET, reason: 'x' },
    'counter.opened': { counterId: counter },
    'counter.paused': { counterId: counter, reason: 'x' },
    'counter.closed': { counterId: counter },
    'officer.logged_in': { officerId: 'o1', counterId: counter },
    'officer.logged_out': { officerId: 'o1', counterId: counter },
    'rating.given': { counterId: counter, ticketId: null, level: 5, reasons: [], dossierCode: null },
  };
  return {
    v: 1,
    id: `${device}:${seq}`,
    device,
    seq,
    hlc: encodeHlc({ ms: T0, counter: seq, node: device }),
    day: DAY,
    type,
    data: data[type],
  } as QueueEvent;
}

const AUTHORS: Record<(typeof DEVICE_ROLES)[number], Author> = {
  kiosk: { role: 'kiosk' },
  counter: { role: 'counter', counterId: 'c1' },
  ratingpad: { role: 'ratingpad', counterId: 'c1' },
  display: { role: 'display' },
  lookup: { role: 'lookup' },
};

describe('authority: role → events', () => {
  for (const role of DEVICE_ROLES) {
    for (const type of EVENT_TYPES) {
      const allowed = EVENT_AUTHORITY[role].includes(type);
      it(`${role} ${allowed ? 'may' : 'may not'} write ${type}`, () => {
        const r = authorise(AUTHORS[role], event(type, 'dev-1'));
        expect(r.ok).toBe(allowed);
        if (!allowed && !r.ok) expect(r.reason).toBe('role-forbids');
      });
    }
  }

  it('the hub may write everything; a display nothing; an unknown device nothing', () => {
    for (const type of EVENT_TYPES) {
      expect(authorise({ role: 'hub' }, event(type, 'hub')).ok).toBe(true);
      expect(authorise(null, event(type, 'x')).ok).toBe(false);
    }
    expect(EVENT_AUTHORITY.display).toEqual([]);
  });

  it('a counter only at its own counter; a pad only for its own counter; a kiosk only its own tickets', () => {
    expect(authorise(AUTHORS.counter, event('ticket.called', 'dev-1', 1, 'c2'))).toMatchObject({
      ok: false,
      reason: 'not-own-counter',
    });
    expect(authorise({ role: 'counter' }, event('counter.opened', 'dev-1'))).toMatchObject({ ok: false });
    expect(authorise(AUTHORS.ratingpad, event('rating.given', 'dev-1', 1, 'c2'))).toMatchObject({
      ok: false,
      reason: 'not-own-counter',
    });
    expect(authorise(AUTHORS.kiosk, event('ticket.issued', 'kiosk-1', 1, 'c1', 'kiosk-2'))).toMatchObject({
      ok: false,
      reason: 'not-own-ticket',
    });
    // printing a ticket known to be another kiosk's
    expect(authorise(AUTHORS.kiosk, event('ticket.printed', 'kiosk-1'), () => 'kiosk-2')).toMatchObject({
      ok: false,
      reason: 'not-own-ticket',
    });
    expect(authorise(AUTHORS.kiosk, event('ticket.printed', 'kiosk-1'), () => 'kiosk-1').ok).toBe(true);
  });

  it('a configuration without devices is open (tests, benches): roles unknown, everything allowed', () => {
    const lookup = authorsOf({ devices: [] });
    expect(lookup('anyone')).toBe('open');
    expect(authorise('open', event('ticket.cancelled', 'anyone')).ok).toBe(true);
  });
});

describe('devices apply the same rule when they ingest', () => {
  const stores: EventStore[] = [];
  afterEach(() => {
    while (stores.length) stores.pop()!.close();
  });
  const config = testConfig({
    devices: [
      { id: 'kiosk-1', role: 'kiosk' },
      { id: 'counter-c1', role: 'counter', counterId: 'c1' },
      { id: 'board-1', role: 'display' },
    ],
  });
  const open = (deviceId: string) => {
    const log = memoryLogger();
    const s = new EventStore({
      path: join(mkdtempSync(join(tmpdir(), 'motcua-auth-')), 'd.db'),
      deviceId,
      config,
      clock: new ManualClock(T0),
      logger: log.logger,
    });
    stores.push(s);
    return { s, log };
  };

  it('a forged event from a display is refused, counted and logged once; an allowed one is stored', () => {
    const { s, log } = open('counter-c1');
    const r = s.ingestMany([event('counter.opened', 'board-1', 1), event('counter.opened', 'board-1', 2)], {
      durable: false,
    });
    expect(r.results).toEqual(['forbidden', 'forbidden']);
    expect(s.refusals()).toEqual({ 'board-1:role-forbids': 2 });
    expect(log.records.filter((x) => x.message === 'event refused')).toHaveLength(1);
    expect(s.state.counters.get('c1')?.status).toBe('closed');
    expect(s.ingest(event('ticket.issued', 'kiosk-1', 1))).toBe('stored');
  });

  it('events claiming to be this device are refused loudly; its own numbering continues above them', () => {
    const { s, log } = open('counter-c1');
    const stolen = [180, 181, 182].map((n) => event('counter.opened', 'counter-c1', n));
    expect(s.ingestMany(stolen, { durable: false }).results).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(log.records.some((x) => x.level === 'error' && x.fields?.reason === 'own-device')).toBe(true);
    const c = s.commit((st) => counterCommand(st, 'c1', { kind: 'open' }));
    expect(c.ok).toBe(true);
    expect(c.ok && c.events[0]!.seq).toBe(183);
  });
});
