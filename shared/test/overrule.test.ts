/**
 * A call the hub assigned online was acknowledged to an officer and stands: a counter's earlier offline call of
 * the same ticket (a citizen showed the paper at a counter that was cut off) is set aside as `superseded`, and
 * what that counter did on top of it is rejected as conflicts. The outcome is the same in any arrival order.
 */
import { describe, expect, it } from 'vitest';
import {
  callNext,
  callTicket,
  counterCommand,
  issueTicket,
  printOutcome,
  actOnCurrent,
} from '../src/domain/commands.js';
import { QueueEngine, foldEvents } from '../src/domain/engine.js';
import type { QueueEvent } from '../src/domain/events.js';
import { stateHash } from '../src/domain/hash.js';
import { Prng } from '../src/sim/prng.js';
import { converges, statsMatchRecount } from '../src/sim/invariants.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

const config = testConfig();

/** The hub with two counters open and two printed tickets of area b, and a counter cut off with that view. */
function scene() {
  const hub = new Device('hub');
  const engine = new QueueEngine(config, DAY);
  for (const c of ['c2', 'c3']) hub.run(engine, counterCommand(engine.state, c, { kind: 'open' }));
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const r = issueTicket(
      engine.state,
      config,
      { areaId: 'b', priority: null, kioskId: 'kiosk-1', needsPrint: true },
      T0,
    );
    hub.run(engine, r);
    hub.run(engine, printOutcome(engine.state, r.ok ? r.ticketId! : '', { kind: 'printed', copies: 1 }));
    ids.push(r.ok ? r.ticketId! : '');
  }
  const shared = [...engine.events];
  // counter c2 is cut off now: its own copy of the day so far
  const c2 = new Device('counter-c2', T0 + 1_000);
  const c2view = foldEvents(config, DAY, shared);
  c2.observe(c2view);
  hub.now = T0 + 5_000;
  return { hub, engine, c2, c2view, ids, shared };
}

describe('an acknowledged hub call against an earlier offline call of the same ticket', () => {
  it('the hub call stands, the offline call is superseded and its follow-up rejected, in any order', () => {
    const { hub, engine, c2, c2view, ids, shared } = scene();
    const offline = c2.run(c2view, callTicket(c2view.state, config, 'c2', ids[0]!));
    c2.now += 1_000;
    const offlineFinish = c2.run(c2view, actOnCurrent(c2view.state, 'c2', 'finish'));
    // the hub, not knowing, gives c3 the head of queue b: the same ticket
    const next = callNext(engine.state, config, 'c3');
    expect(next.ok && next.ticketId).toBe(ids[0]);
    const online = hub.run(engine, next);

    const all: QueueEvent[] = [...shared, ...offline, ...offlineFinish, ...online];
    const s = foldEvents(config, DAY, all).state;
    const t = s.tickets.get(ids[0]!)!;
    expect(t.counterId).toBe('c3');
    expect(t.status).toBe('called');
    expect(s.counters.get('c2')!.current).toBeNull();
    expect(s.rejected.map((r) => [r.eventId, r.reason])).toEqual([
      [offline.at(-1)!.id, 'superseded'],
      [offlineFinish[0]!.id, 'wrong-status'],
    ]);
    // arrival order does not matter: offline events late, early, or one by one into a running engine
    const late = new QueueEngine(config, DAY);
    for (const e of [...shared, ...online, ...offline, ...offlineFinish]) late.apply(e);
    const running = new QueueEngine(config, DAY);
    running.applyMany([...shared, ...offline, ...offlineFinish]);
    for (const e of online) running.apply(e);
    expect(stateHash(late.state)).toBe(stateHash(s));
    expect(stateHash(running.state)).toBe(stateHash(s));
    expect(converges(config, DAY, all, new Prng(3))).toBe(true);
    expect(statsMatchRecount(config, s, all)).toBe(true);
  });

  it('an offline call after the hub`s call of the same ticket is the one rejected, as before', () => {
    const { hub, engine, c2, c2view, ids, shared } = scene();
    const online = hub.run(engine, callNext(engine.state, config, 'c3'));
    c2.now = hub.now + 10_000;
    const offline = c2.run(c2view, callTicket(c2view.state, config, 'c2', ids[0]!));
    const s = foldEvents(config, DAY, [...shared, ...online, ...offline]).state;
    expect(s.tickets.get(ids[0]!)!.counterId).toBe('c3');
    expect(s.rejected.map((r) => [r.eventId, r.reason])).toEqual([[offline.at(-1)!.id, 'not-callable']]);
  });

  it('a hub call to a counter that took another ticket offline: the offline call is superseded', () => {
    const { hub, engine, c2, c2view, ids, shared } = scene();
    // c2 cut off serves the second ticket on paper; the hub, not knowing, gives c2 the first
    const offline = c2.run(c2view, callTicket(c2view.state, config, 'c2', ids[1]!));
    const online = hub.run(engine, callTicket(engine.state, config, 'c2', ids[0]!));
    const s = foldEvents(config, DAY, [...shared, ...offline, ...online]).state;
    expect(s.counters.get('c2')!.current).toBe(ids[0]);
    expect(s.tickets.get(ids[1]!)!.status).toBe('waiting');
    expect(s.rejected.map((r) => r.reason)).toEqual(['superseded']);
  });
});
