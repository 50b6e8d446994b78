/**
 * Every invariant check can fail: each is fed a history (or a state) that breaks the rule it guards and must say
 * so, and a sound one on which it must not. A check that passes everything proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { callTicket, counterCommand, issueTicket, printOutcome } from '../src/domain/commands.js';
import { QueueEngine, foldEvents } from '../src/domain/engine.js';
import type { QueueEvent } from '../src/domain/events.js';
import { Prng } from '../src/sim/prng.js';
import {
  consecutiveNumbers,
  converges,
  neverCalledUnprinted,
  printedNumberCollisions,
  singleCounterPerTicket,
  statsMatchRecount,
} from '../src/sim/invariants.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

const config = testConfig();

/** A kiosk cut off from everything, issuing on its own view of the day. */
function kiosk(id: string, day = DAY) {
  const dev = new Device(id);
  const engine = new QueueEngine(config, day);
  const issue = (number?: number, print = true): QueueEvent[] => {
    const r = issueTicket(
      engine.state,
      config,
      {
        areaId: 'a',
        priority: null,
        kioskId: id,
        needsPrint: true,
        series: 'lease',
        ...(number ? { number } : {}),
      },
      T0,
    );
    if (!r.ok) throw new Error(r.message);
    const out = r.drafts.map((d) => dev.stamp(d, day));
    engine.applyMany(out);
    if (print) {
      const p = printOutcome(engine.state, r.ticketId!, { kind: 'printed', copies: 1 });
      if (!p.ok) throw new Error(p.message);
      const pe = p.drafts.map((d) => dev.stamp(d, day));
      engine.applyMany(pe);
      out.push(...pe);
    }
    return out;
  };
  return { dev, engine, issue };
}

describe('printedNumberCollisions: no two printed tickets share area, day and number', () => {
  it('two kiosks that both issue and print number 1500 of area a: a collision naming both issuances', () => {
    const k1 = kiosk('kiosk-1');
    const k2 = kiosk('kiosk-2');
    const events = [...k1.issue(1500), ...k2.issue(1500)];
    const found = printedNumberCollisions(events);
    expect(found).toEqual([{ day: DAY, areaId: 'a', number: 1500, issuances: ['kiosk-1:1', 'kiosk-2:1'] }]);
    // Why the old state-based check was blind: the fold keeps one ticket per area and number.
    const s = foldEvents(config, DAY, events).state;
    expect(s.tickets.size).toBe(1);
    expect(s.rejected.map((r) => r.reason)).toContain('duplicate-ticket');
  });

  it('a hub-issued number printed by its kiosk and the same number printed by another kiosk offline', () => {
    const hub = new Device('hub');
    const engine = new QueueEngine(config, DAY);
    const r = issueTicket(
      engine.state,
      config,
      { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: true, series: 'hub' },
      T0,
    );
    if (!r.ok) throw new Error(r.message);
    const issued = r.drafts.map((d) => hub.stamp(d));
    const printed = new Device('kiosk-1').stamp({
      type: 'ticket.printed',
      data: { ticketId: r.ticketId!, copies: 1 },
    });
    const k2 = kiosk('kiosk-2');
    const found = printedNumberCollisions([...issued, printed, ...k2.issue(1001)]);
    expect(found.map((c) => [c.number, c.issuances])).toEqual([[1001, ['hub:1', 'kiosk-2:1']]]);
  });

  it('sound histories: duplicates of one event, an unprinted second ticket, another day, another number', () => {
    const one = kiosk('kiosk-1').issue(1500);
    expect(printedNumberCollisions([...one, ...one, ...one])).toEqual([]);
    // kiosk-2's 1500 was never printed (the printer failed and it was voided): it never reached a citizen.
    expect(printedNumberCollisions([...one, ...kiosk('kiosk-2').issue(1500, false)])).toEqual([]);
    expect(printedNumberCollisions([...one, ...kiosk('kiosk-3', '2026-11-24').issue(1500)])).toEqual([]);
    expect(printedNumberCollisions([...one, ...kiosk('kiosk-4').issue(1501)])).toEqual([]);
  });
});

describe('the state checks fail on broken states', () => {
  function served() {
    const hub = new Device('hub');
    const engine = new QueueEngine(config, DAY);
    for (const c of ['c1', 'c2']) hub.run(engine, counterCommand(engine.state, c, { kind: 'open' }));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = issueTicket(
        engine.state,
        config,
        { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: true },
        T0,
      );
      hub.run(engine, r);
      hub.run(engine, printOutcome(engine.state, r.ok ? r.ticketId! : '', { kind: 'printed', copies: 1 }));
      ids.push(r.ok ? r.ticketId! : '');
    }
    hub.run(engine, callTicket(engine.state, config, 'c1', ids[0]!));
    return { engine, hub, ids };
  }

  it('singleCounterPerTicket: a ticket held by two counters, or a holder the ticket does not know', () => {
    const { engine, ids } = served();
    expect(singleCounterPerTicket(engine.state)).toBe(true);
    engine.state.counters.get('c2')!.current = ids[0]!;
    expect(singleCounterPerTicket(engine.state)).toBe(false);
    engine.state.counters.get('c2')!.current = null;
    engine.state.tickets.get(ids[0]!)!.counterId = 'c2';
    expect(singleCounterPerTicket(engine.state)).toBe(false);
  });

  it('neverCalledUnprinted: a call of a paper ticket before its print', () => {
    const hub = new Device('hub');
    const engine = new QueueEngine(config, DAY);
    const events = [hub.run(engine, counterCommand(engine.state, 'c1', { kind: 'open' }))].flat();
    const r = issueTicket(
      engine.state,
      config,
      { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: true },
      T0,
    );
    events.push(...hub.run(engine, r));
    const ticketId = r.ok ? r.ticketId! : '';
    const call = hub.stamp({ type: 'ticket.called', data: { ticketId, counterId: 'c1', officerId: null } });
    const print = hub.stamp({ type: 'ticket.printed', data: { ticketId, copies: 1 } });
    expect(neverCalledUnprinted([...events, print], new Set())).toBe(true);
    expect(neverCalledUnprinted([...events, call, print], new Set())).toBe(false);
    // A call the reducer rejected did not happen.
    expect(neverCalledUnprinted([...events, call, print], new Set([call.id]))).toBe(true);
  });

  it('statsMatchRecount: statistics of a state that does not come from its events', () => {
    const { engine } = served();
    expect(statsMatchRecount(config, engine.state, engine.events)).toBe(true);
    const other = served();
    other.hub.run(other.engine, callTicket(other.engine.state, config, 'c2', other.ids[1]!));
    other.hub.run(other.engine, callTicket(other.engine.state, config, 'c2', other.ids[2]!));
    expect(statsMatchRecount(config, other.engine.state, engine.events)).toBe(false);
  });

  it('consecutiveNumbers: a gap in an area`s numbers', () => {
    const { engine, hub } = served();
    expect(consecutiveNumbers(config, engine.state)).toBe(true);
    const r = issueTicket(
      engine.state,
      config,
      { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: true, number: 1500 },
      T0,
    );
    hub.run(engine, r);
    expect(consecutiveNumbers(config, engine.state)).toBe(false);
  });

  it('converges: two different events under one id fold differently depending on arrival', () => {
    const { engine } = served();
    expect(converges(config, DAY, engine.events, new Prng(1))).toBe(true);
    // A forged copy: same id and hlc as the first ticket's print, but it prints the second ticket instead.
    const print = engine.events.find((e) => e.type === 'ticket.printed')!;
    const ticket2 = engine.events.filter((e) => e.type === 'ticket.issued')[1]!;
    const forged = { ...print, data: { ticketId: ticket2.data.ticketId, copies: 1 } } as QueueEvent;
    const results = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      converges(config, DAY, [...engine.events, forged], new Prng(seed)),
    );
    expect(results).toContain(false);
  });
});
