/**
 * The estimated wait printed on tickets (domain/wait-estimate.ts): hand-checked cases for each thing it takes
 * into account, and its edge cases. The simulation (sim.test.ts) measures it over whole days.
 */
import { describe, expect, it } from 'vitest';
import { actOnCurrent, callNext, counterCommand, issueTicket, printOutcome } from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import { stateHash } from '../src/domain/hash.js';
import {
  estimatedWaitMinutes,
  naiveWaitMinutes,
  occupancyMinutes,
  ticketWaitEstimate,
} from '../src/domain/wait-estimate.js';
import type { CentreConfig } from '../src/config.js';
import { DAY, Device, testConfig } from './helpers.js';

// Areas a (10 min) and b; counters c1: [a], c2: [a, b] (a first), c3: [b].
function hall(config: CentreConfig = testConfig()) {
  const engine = new QueueEngine(config, DAY);
  const dev = new Device('hub');
  const s = () => engine.state;
  const issue = (areaId = 'a', priority: string | null = null, print = true): string => {
    const r = issueTicket(s(), config, { areaId, priority, kioskId: 'k1', needsPrint: true }, dev.now);
    dev.run(engine, r);
    if (!r.ok || r.ticketId === null) throw new Error('not issued');
    const id = r.ticketId;
    if (print) dev.run(engine, printOutcome(s(), id, { kind: 'printed', copies: 1 }));
    return id;
  };
  const open = (...ids: string[]) =>
    ids.forEach((c) => dev.run(engine, counterCommand(s(), c, { kind: 'open' })));
  const call = (c: string) => dev.run(engine, callNext(s(), config, c));
  return { config, engine, dev, s, issue, open, call };
}

describe('estimated wait: edge cases', () => {
  it('no counter open for the area: null ("unknown"), never zero', () => {
    const q = hall();
    const id = q.issue('a');
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 0)).toBeNull();
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now)).toEqual({
      peopleAhead: 0,
      estimatedWaitMinutes: null,
    });
    expect(naiveWaitMinutes(q.s(), q.config, 'a', 0)).toBeNull();
    // a counter open for another area only does not count
    q.open('c3');
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBeNull();
  });

  it('a paused counter (officer on a break) is expected back after a break, not at once and not never', () => {
    const q = hall();
    q.open('c1');
    const id = q.issue('a');
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(0);
    q.dev.run(q.engine, counterCommand(q.s(), 'c1', { kind: 'pause', reason: 'nghỉ giải lao' }));
    // no break seen yet today: a quarter of an hour
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(15);
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now + 10 * 60_000).estimatedWaitMinutes).toBe(5);
    // overdue: back soon, not already back
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now + 40 * 60_000).estimatedWaitMinutes).toBe(2);
    // the screen without an instant cannot tell when the break began: no estimate
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 0)).toBeNull();
  });

  it("break lengths are learned from today's breaks; a counter paused over lunch or closed is not expected", () => {
    const mon = [
      { open: '07:00', close: '11:30' },
      { open: '13:30', close: '17:00' },
    ];
    const q = hall(testConfig({ hours: { mon, stopIssuingBeforeCloseMin: 0 } }));
    q.open('c1');
    q.dev.run(q.engine, counterCommand(q.s(), 'c1', { kind: 'pause', reason: 'nghỉ giải lao' }));
    q.dev.now += 6 * 60_000;
    q.open('c1');
    const id = q.issue('a');
    q.dev.run(q.engine, counterCommand(q.s(), 'c1', { kind: 'pause', reason: 'nghỉ giải lao' }));
    // one 6-minute break seen, shrunk towards 15 minutes with the weight of two: (2 × 15 + 6) ÷ 3 = 12
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(12);
    // a look at 12:00, between the sessions (07:00–11:30, 13:30–17:00): not expected back before the afternoon
    const noon = Date.UTC(2026, 10, 23, 5, 0);
    expect(ticketWaitEstimate(q.s(), q.config, id, noon).estimatedWaitMinutes).toBeNull();
    q.open('c1');
    q.dev.run(q.engine, counterCommand(q.s(), 'c1', { kind: 'close' }));
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBeNull();
  });

  it('a ticket no longer waiting has no estimate; an unknown one neither', () => {
    const q = hall();
    q.open('c1');
    const id = q.issue('a');
    q.call('c1');
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBeNull();
    expect(ticketWaitEstimate(q.s(), q.config, 'nope', q.dev.now).estimatedWaitMinutes).toBeNull();
  });

  it('an unprinted ticket (the kiosk estimates before printing) counts itself in its queue', () => {
    const q = hall();
    q.open('c1');
    q.issue('a');
    const id = q.issue('a', null, false);
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now)).toEqual({
      peopleAhead: 1,
      estimatedWaitMinutes: 10,
    });
  });

  it('is pure: the same state and instant give the same figure, and the state is not touched', () => {
    const q = hall();
    q.open('c1', 'c2');
    for (let i = 0; i < 5; i++) q.issue(i % 2 ? 'a' : 'b');
    const id = q.issue('b');
    const before = stateHash(q.s());
    const a = ticketWaitEstimate(q.s(), q.config, id, q.dev.now);
    const b = ticketWaitEstimate(q.s(), q.config, id, q.dev.now);
    expect(a).toEqual(b);
    expect(stateHash(q.s())).toBe(before);
  });
});

describe('estimated wait: what it takes into account', () => {
  it('whole people: 3 ahead at 2 idle counters are called at 0, 0 and 10 min; the newcomer at 10', () => {
    const q = hall();
    q.open('c1', 'c2');
    for (let i = 0; i < 3; i++) q.issue('a');
    const id = q.issue('a');
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(10);
    expect(naiveWaitMinutes(q.s(), q.config, 'a', 3)).toBe(15);
  });

  it('a shared counter busy with its first area gives nothing to its second', () => {
    const q = hall();
    q.open('c2', 'c3');
    for (let i = 0; i < 4; i++) q.issue('a');
    q.issue('b');
    const id = q.issue('b');
    // c3 takes the first b at once and this one after 10 min; c2 keeps to area a (its first)
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(10);
    // the baseline counts c2 as a whole counter for b: 1 × 10 ÷ 2
    expect(naiveWaitMinutes(q.s(), q.config, 'b', 1)).toBe(5);
  });

  it('a busy counter frees up when its citizen is expected to be done', () => {
    const q = hall();
    q.open('c1');
    q.issue('a');
    q.call('c1');
    const id = q.issue('a');
    // called 4 minutes ago, 10 minutes per citizen: about 6 minutes left
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now + 4 * 60_000).estimatedWaitMinutes).toBe(6);
    // long overdue: a long service is likely a long one (log-normal times): minutes more, not free at once
    const overdue = ticketWaitEstimate(q.s(), q.config, id, q.dev.now + 30 * 60_000).estimatedWaitMinutes!;
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(overdue).toBeLessThanOrEqual(10);
    // without an instant (a screen), half-way through
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 0)).toBe(5);
  });

  it('time per citizen: measured counter time (no-shows included), shrunk towards the configured figure', () => {
    const q = hall();
    q.open('c1');
    expect(occupancyMinutes(q.s(), q.config).get('a')).toBe(10);
    for (let i = 0; i < 3; i++) q.issue('a');
    for (let i = 0; i < 2; i++) {
      q.call('c1');
      q.dev.now += 60_000;
      q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'start'));
      q.dev.now += 3 * 60_000;
      q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'finish'));
    }
    q.call('c1');
    q.dev.now += 2 * 60_000;
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'no-show'));
    // (3 × 10 + 4 + 4 + 2) ÷ 6
    expect(occupancyMinutes(q.s(), q.config).get('a')).toBeCloseTo(40 / 6, 9);
  });

  it('a priority ticket is estimated from its place in the call order, ahead of normal ones', () => {
    const q = hall(testConfig({ priorityPolicy: { mode: 'priority-first' } }));
    q.open('c1');
    for (let i = 0; i < 3; i++) q.issue('a');
    const normal = q.issue('a');
    const priority = q.issue('a', 'elderly');
    expect(ticketWaitEstimate(q.s(), q.config, priority, q.dev.now)).toEqual({
      peopleAhead: 0,
      estimatedWaitMinutes: 0,
    });
    const est = ticketWaitEstimate(q.s(), q.config, normal, q.dev.now);
    expect(est.peopleAhead).toBe(4);
    // 4 ahead at 10 min each: 40 min, plus the priority citizens expected meanwhile (one just came: a rate of
    // one per 10 min over the shortest window), at most one per normal ticket ahead under priority-first
    expect(est.estimatedWaitMinutes).toBeGreaterThan(40);
    expect(est.estimatedWaitMinutes).toBeLessThanOrEqual(80);
  });

  it('a normal ticket expects later priority citizens to be called before it, as the policy allows', () => {
    const q = hall(testConfig({ priorityPolicy: { mode: 'priority-first' } }));
    q.open('c1');
    // one priority ticket every 10 minutes in the last 30 (the window the rate is taken over)
    for (let i = 0; i < 3; i++) {
      q.issue('a', 'elderly');
      q.dev.run(q.engine, callNext(q.s(), q.config, 'c1'));
      q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'finish'));
      q.dev.now += 10 * 60_000;
    }
    for (let i = 0; i < 3; i++) q.issue('a');
    const id = q.issue('a');
    const est = ticketWaitEstimate(q.s(), q.config, id, q.dev.now);
    expect(est.peopleAhead).toBe(3);
    // 3 ahead take ~30 min (occupancy shrinks towards 10 from three 0-minute samples: 5 min each → 15 min),
    // and the priority citizens expected meanwhile come first: more than the 3 ahead alone
    const alone = estimatedWaitMinutes(q.s(), q.config, 'a', 3);
    expect(alone).not.toBeNull();
    expect(est.estimatedWaitMinutes!).toBeGreaterThan(alone!);
  });
});
