import { describe, expect, it } from 'vitest';
import {
  actOnCurrent,
  callNext,
  callTicket,
  cancelTicket,
  counterCommand,
  holdCurrent,
  issueTicket,
  officerCommand,
  printOutcome,
  rateService,
  returnHeld,
  transferCurrent,
} from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import { peopleAhead, pickNext } from '../src/domain/order.js';
import { estimatedWaitMinutes } from '../src/domain/wait-estimate.js';
import { computeStatistics } from '../src/domain/stats.js';
import { businessDay, formatLocalDateTime } from '../src/domain/business-day.js';
import { issuingWindow } from '../src/domain/hours.js';
import { loadConfigFile, exampleConfigPaths, type CentreConfig } from '../src/config.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

function setup(config: CentreConfig = testConfig()) {
  const engine = new QueueEngine(config, DAY);
  const dev = new Device('hub');
  const s = () => engine.state;
  const issue = (areaId = 'a', priority: string | null = null, print = true): string => {
    const r = issueTicket(s(), config, { areaId, priority, kioskId: 'k1', needsPrint: true }, dev.now);
    dev.run(engine, r);
    const id = r.ok ? r.ticketId! : '';
    if (print) dev.run(engine, printOutcome(s(), id, { kind: 'printed', copies: 1 }));
    dev.now += 1000;
    return id;
  };
  const open = (...ids: string[]) =>
    ids.forEach((c) => dev.run(engine, counterCommand(s(), c, { kind: 'open' })));
  const next = (c: string): string | null => {
    const r = callNext(s(), config, c);
    if (!r.ok) return null;
    dev.run(engine, r);
    dev.now += 1000;
    return r.ticketId;
  };
  const numberOf = (id: string | null) => (id === null ? null : s().tickets.get(id)!.number);
  return { config, engine, dev, s, issue, open, next, numberOf };
}

describe('a ticket through its life', () => {
  it('issued → printed → called → started → finished, numbers consecutive per area', () => {
    const q = setup();
    const a = q.issue('a');
    const b = q.issue('a');
    const x = q.issue('b');
    expect([a, b, x].map(q.numberOf)).toEqual([1001, 1002, 2001]);
    q.open('c1');
    expect(q.next('c1')).toBe(a);
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'start'));
    q.dev.now += 5 * 60_000;
    // "next" finishes the current ticket and calls the next one
    expect(q.next('c1')).toBe(b);
    expect(q.s().tickets.get(a)!.status).toBe('done');
    expect(q.s().tickets.get(b)!.status).toBe('called');
  });

  const transitions: [string, (q: ReturnType<typeof setup>, id: string) => unknown, string][] = [
    ['recall keeps it called', (q) => actOnCurrent(q.s(), 'c1', 'recall'), 'called'],
    ['no-show', (q) => actOnCurrent(q.s(), 'c1', 'no-show'), 'no_show'],
    ['hold', (q) => holdCurrent(q.s(), 'c1', 'đi photo giấy tờ'), 'held'],
    [
      'transfer to an area puts it back in a queue',
      (q) => transferCurrent(q.s(), q.config, 'c1', { kind: 'area', areaId: 'b' }),
      'waiting',
    ],
    ['finish', (q) => actOnCurrent(q.s(), 'c1', 'finish', 'H12345'), 'done'],
  ];
  it.each(transitions)('%s', (_n, act, status) => {
    const q = setup();
    const id = q.issue();
    q.open('c1');
    q.next('c1');
    q.dev.run(q.engine, act(q, id) as never);
    expect(q.s().tickets.get(id)!.status).toBe(status);
  });

  it('held and returned: the counter serves it again', () => {
    const q = setup();
    const id = q.issue();
    const other = q.issue();
    q.open('c1');
    q.next('c1');
    q.dev.run(q.engine, holdCurrent(q.s(), 'c1', 'bổ sung giấy tờ'));
    expect(q.next('c1')).toBe(other);
    expect(returnHeld(q.s(), 'c1', id)).toMatchObject({ ok: false, reason: 'counter-busy' });
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'finish'));
    q.dev.run(q.engine, returnHeld(q.s(), 'c1', id));
    expect(q.s().tickets.get(id)!.status).toBe('serving');
    expect(q.s().counters.get('c1')!.current).toBe(id);
  });

  it('cancelled and voided tickets are never called', () => {
    const q = setup();
    const a = q.issue();
    const b = q.issue();
    const c = q.issue();
    q.dev.run(q.engine, cancelTicket(q.s(), a, 'công dân về'));
    q.dev.run(q.engine, printOutcome(q.s(), b, { kind: 'voided', reason: 'in lỗi' }));
    q.open('c1');
    expect(q.next('c1')).toBe(c);
    expect(q.next('c1')).toBeNull();
  });

  it('a number that was never printed is never called; after a reprint it is', () => {
    const q = setup();
    const a = q.issue('a', null, false);
    q.dev.run(q.engine, printOutcome(q.s(), a, { kind: 'failed', reason: 'paper-out' }));
    q.open('c1');
    expect(q.next('c1')).toBeNull();
    expect(callTicket(q.s(), q.config, 'c1', a)).toMatchObject({ ok: false, reason: 'not-printed' });
    q.dev.run(q.engine, printOutcome(q.s(), a, { kind: 'printed', copies: 1 }));
    expect(q.next('c1')).toBe(a);
  });

  it('transfer to a counter: only that counter calls it, before its own queue', () => {
    const q = setup();
    const a = q.issue('a');
    const b = q.issue('b');
    q.open('c1', 'c2', 'c3');
    q.next('c1');
    q.dev.run(q.engine, transferCurrent(q.s(), q.config, 'c1', { kind: 'counter', counterId: 'c3' }));
    expect(pickNext(q.s(), q.config, 'c2')?.id).toBe(b);
    expect(q.next('c3')).toBe(a);
  });
});

describe('counters and officers', () => {
  it('a closed or paused counter cannot call; the pause keeps its reason', () => {
    const q = setup();
    q.issue();
    expect(callNext(q.s(), q.config, 'c1')).toMatchObject({ ok: false, reason: 'counter-not-open' });
    q.open('c1');
    q.dev.run(q.engine, counterCommand(q.s(), 'c1', { kind: 'pause', reason: 'họp giao ban' }));
    expect(q.s().counters.get('c1')).toMatchObject({ status: 'paused', pauseReason: 'họp giao ban' });
    expect(callNext(q.s(), q.config, 'c1')).toMatchObject({ ok: false, reason: 'counter-not-open' });
  });
  it('a counter serving someone cannot close', () => {
    const q = setup();
    q.issue();
    q.open('c1');
    q.next('c1');
    expect(counterCommand(q.s(), 'c1', { kind: 'close' })).toMatchObject({
      ok: false,
      reason: 'counter-busy',
    });
  });
  it('officer log-in moves with the officer, and calls are attributed to them', () => {
    const q = setup();
    q.dev.run(q.engine, officerCommand(q.s(), q.config, 'c1', 'o1', 'login'));
    q.dev.run(q.engine, officerCommand(q.s(), q.config, 'c2', 'o1', 'login'));
    expect(q.s().counters.get('c1')!.officerId).toBeNull();
    expect(q.s().counters.get('c2')!.officerId).toBe('o1');
    const id = q.issue();
    q.open('c2');
    q.next('c2');
    expect(q.s().tickets.get(id)!.officerId).toBe('o1');
    expect(officerCommand(q.s(), q.config, 'c1', 'zz', 'login')).toMatchObject({
      ok: false,
      reason: 'unknown-officer',
    });
  });
});

describe('order within an area', () => {
  function order(policy: Record<string, unknown>, kinds: string, calls: number): string {
    const q = setup(testConfig({ priorityPolicy: policy }));
    const ids = new Map<string, string>();
    kinds.split('').forEach((k, i) => ids.set(q.issue('a', k === 'P' ? 'elderly' : null), `${k}${i}`));
    q.open('c1');
    const out: string[] = [];
    for (let i = 0; i < calls; i++) {
      const id = q.next('c1');
      if (id) out.push(ids.get(id)!);
    }
    return out.join(' ');
  }
  const table: [string, Record<string, unknown>, string, string][] = [
    ['fifo ignores priority', { mode: 'fifo' }, 'NNPNP', 'N0 N1 P2 N3 P4'],
    ['priority always first', { mode: 'priority-first' }, 'NNPNP', 'P2 P4 N0 N1 N3'],
    [
      'priority first with a cap of 1',
      { mode: 'priority-first', maxConsecutive: 1 },
      'NNPPP',
      'P2 N0 P3 N1 P4',
    ],
    [
      'one priority after every 2 normal',
      { mode: 'interleave', everyN: 2 },
      'NNNNNPPP',
      'P5 N0 N1 P6 N2 N3 P7 N4',
    ],
    ['interleave takes priority when no normal waits', { mode: 'interleave', everyN: 3 }, 'PPP', 'P0 P1 P2'],
  ];
  it.each(table)('%s', (_n, policy, kinds, expected) => {
    expect(order(policy, kinds, kinds.length)).toBe(expected);
  });

  it('a transferred ticket keeps its place by original issue time', () => {
    const q = setup();
    const first = q.issue('a');
    q.issue('b');
    const laterB = q.issue('b');
    q.open('c1', 'c3');
    q.next('c1');
    q.dev.run(q.engine, transferCurrent(q.s(), q.config, 'c1', { kind: 'area', areaId: 'b' }));
    expect(peopleAhead(q.s(), q.config, first)).toBe(0);
    expect(peopleAhead(q.s(), q.config, laterB)).toBe(2);
  });

  it('…or goes to the front when the config says so', () => {
    const q = setup(testConfig({ transferPlacement: 'front' }));
    const b1 = q.issue('b');
    const a1 = q.issue('a');
    q.open('c1', 'c3');
    q.next('c1');
    q.dev.run(q.engine, transferCurrent(q.s(), q.config, 'c1', { kind: 'area', areaId: 'b' }));
    expect(peopleAhead(q.s(), q.config, a1)).toBe(0);
    expect(peopleAhead(q.s(), q.config, b1)).toBe(1);
    expect(q.next('c3')).toBe(a1);
  });
});

describe('derived figures', () => {
  it('people ahead and estimated wait from open counters and recent service times', () => {
    const q = setup();
    const ids = [q.issue(), q.issue(), q.issue(), q.issue()];
    expect(ids.map((id) => peopleAhead(q.s(), q.config, id))).toEqual([0, 1, 2, 3]);
    // no counter open for the area: no estimate rather than a made-up one
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 3)).toBeNull();
    q.open('c1', 'c2');
    // default service time 10 min, 2 idle counters, 3 people ahead: two are called at once, the third and the
    // newcomer when those two services end → 10 min (whole people, not 3 × 10 ÷ 2)
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 3)).toBe(10);
    for (let i = 0; i < 3; i++) {
      q.next('c1');
      q.dev.now += 4 * 60_000;
      q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'finish'));
    }
    // three 4-minute counter times measured, shrunk towards the configured 10 (weight 3): (30 + 12) ÷ 6 = 7 min
    // per citizen; one ticket still waits, so with 3 ahead the newcomer is the second call of the second round
    expect(estimatedWaitMinutes(q.s(), q.config, 'a', 3)).toBe(7);
  });

  it('statistics per area, counter and officer', () => {
    const q = setup();
    q.dev.run(q.engine, officerCommand(q.s(), q.config, 'c1', 'o1', 'login'));
    q.open('c1');
    const a = q.issue();
    const b = q.issue();
    q.issue();
    q.dev.now += 60_000;
    q.next('c1');
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'start'));
    q.dev.now += 6 * 60_000;
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'finish'));
    q.dev.run(
      q.engine,
      rateService(q.s(), q.config, {
        counterId: 'c1',
        ticketId: a,
        level: 3,
        reasons: [],
        dossierCode: null,
      }),
    );
    expect(
      rateService(q.s(), q.config, {
        counterId: 'c1',
        ticketId: a,
        level: 3,
        reasons: [],
        dossierCode: null,
      }),
    ).toMatchObject({ ok: false, reason: 'already-rated' });
    q.next('c1');
    q.dev.run(q.engine, actOnCurrent(q.s(), 'c1', 'no-show'));
    const st = computeStatistics(q.s(), q.config);
    expect(st.areas.a).toMatchObject({
      issued: 3,
      served: 1,
      noShow: 1,
      waiting: 1,
      serviceMeanMin: 6,
      ratings: { '3': 1 },
    });
    expect(st.counters.c1).toMatchObject({ issued: null, served: 1, noShow: 1 });
    expect(st.officers.o1).toMatchObject({ served: 1, noShow: 1, ratings: { '3': 1 } });
    expect(q.s().tickets.get(b)!.status).toBe('no_show');
  });
});

describe('issuing rules', () => {
  it('daily quota and number range', () => {
    const cfg = testConfig({
      areas: [
        { id: 'a', departmentId: 'd1', name: 'A', numberRange: { from: 1, to: 2 }, dailyQuota: 2 },
        { id: 'b', departmentId: 'd1', name: 'B', numberRange: { from: 1, to: 9 }, dailyQuota: 1 },
      ],
    });
    const q = setup(cfg);
    q.issue('a');
    q.issue('a');
    expect(
      issueTicket(q.s(), cfg, { areaId: 'a', priority: null, kioskId: 'k', needsPrint: true }, T0),
    ).toMatchObject({ ok: false, reason: 'quota-reached' });
    q.issue('b');
    expect(
      issueTicket(q.s(), cfg, { areaId: 'b', priority: null, kioskId: 'k', needsPrint: true }, T0),
    ).toMatchObject({ ok: false, reason: 'quota-reached' });
  });

  const provincial = loadConfigFile(exampleConfigPaths.provincial);
  const at = (local: string) => Date.parse(`${local}+07:00`);
  const hours: [string, string, string][] = [
    ['Monday 07:30', '2026-11-23T07:30:00', 'open'],
    ['Monday 11:10, within 30 min of the noon close', '2026-11-23T11:10:00', 'issuing-stopped'],
    ['Monday 12:00, lunch', '2026-11-23T12:00:00', 'outside-hours'],
    ['Monday 06:00, before opening', '2026-11-23T06:00:00', 'outside-hours'],
    ['Sunday', '2026-11-22T09:00:00', 'centre-closed'],
    ['National Day holiday', '2026-09-02T09:00:00', 'centre-closed'],
    ['Saturday morning', '2026-11-21T08:00:00', 'open'],
  ];
  it.each(hours)('%s', (_n, local, expected) => {
    const w = issuingWindow(provincial, at(local));
    expect(w.open ? 'open' : w.reason).toBe(expected);
  });

  it('the business day is the date in Asia/Ho_Chi_Minh, not UTC', () => {
    // 23:30 UTC on the 22nd is 06:30 on the 23rd in Viet Nam
    expect(businessDay(Date.UTC(2026, 10, 22, 23, 30), 'Asia/Ho_Chi_Minh')).toBe('2026-11-23');
    expect(businessDay(Date.UTC(2026, 10, 22, 16, 59), 'Asia/Ho_Chi_Minh')).toBe('2026-11-22');
    expect(formatLocalDateTime(Date.UTC(2026, 10, 22, 23, 30), 'Asia/Ho_Chi_Minh')).toBe('23/11/2026 06:30');
  });
});

describe('conflicting events from devices that were cut off', () => {
  it('two counters calling the same ticket: the first in canonical order wins, the other is reported', () => {
    const q = setup();
    const id = q.issue();
    q.open('c1', 'c2');
    const c1 = new Device('counter-1', q.dev.now + 5000);
    const c2 = new Device('counter-2', q.dev.now + 3000);
    const e1 = c1.stamp({ type: 'ticket.called', data: { ticketId: id, counterId: 'c1', officerId: null } });
    const e2 = c2.stamp({ type: 'ticket.called', data: { ticketId: id, counterId: 'c2', officerId: null } });
    q.engine.apply(e1);
    q.engine.apply(e2);
    expect(q.s().tickets.get(id)!.counterId).toBe('c2');
    expect(q.s().rejected).toEqual([expect.objectContaining({ eventId: e1.id, reason: 'not-callable' })]);
  });
  it('two kiosks issuing the same number: one ticket, one reported duplicate', () => {
    const q = setup();
    const k1 = new Device('kiosk-1');
    const k2 = new Device('kiosk-2');
    const draft = issueTicket(
      q.s(),
      q.config,
      { areaId: 'a', priority: null, kioskId: 'k', needsPrint: false },
      T0,
    );
    if (!draft.ok) throw new Error('no draft');
    q.engine.apply(k1.stamp(draft.drafts[0]!));
    expect(q.engine.apply(k2.stamp(draft.drafts[0]!))).toEqual({
      applied: false,
      reason: 'duplicate-ticket',
    });
    expect(q.s().tickets.size).toBe(1);
  });
  it('an event of another day does not touch today', () => {
    const q = setup();
    const d = new Device('kiosk-1');
    const r = issueTicket(
      q.s(),
      q.config,
      { areaId: 'a', priority: null, kioskId: 'k', needsPrint: false },
      T0,
    );
    if (!r.ok) throw new Error('no draft');
    expect(q.engine.apply(d.stamp(r.drafts[0]!, '2026-11-24'))).toEqual({
      applied: false,
      reason: 'other-day',
    });
  });
});
