/**
 * Properties of the estimated wait printed on tickets (domain/wait-estimate.ts) over random halls, and the
 * parts it learns from today's record (domain/wait-model.ts) checked against independent computations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  issueTicket,
  printOutcome,
  type CommandResult,
} from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import { peopleAhead } from '../src/domain/order.js';
import { estimatedWaitMinutes, ticketWaitEstimate } from '../src/domain/wait-estimate.js';
import { areaTimings, issuingMinutesLeft, remainingMinutes } from '../src/domain/wait-model.js';
import type { CentreConfig } from '../src/config.js';
import { Prng } from '../src/sim/prng.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

// Seeded, so a failure replays (MOTCUA_FC_SEED=<n>; fast-check prints the seed and path of a failure).
fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_202) });

type Op =
  | { kind: 'issue'; area: 'a' | 'b'; priority: boolean }
  | { kind: 'open' | 'pause' | 'call' | 'finish'; counter: 'c1' | 'c2' | 'c3' }
  | { kind: 'wait'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      area: fc.constantFrom('a' as const, 'b' as const),
      priority: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('open' as const, 'pause' as const, 'call' as const, 'finish' as const),
      counter: fc.constantFrom('c1' as const, 'c2' as const, 'c3' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 20 }) }),
  },
);

/** Areas a and b; counters c1: [a], c2: [a, b], c3: [b]; the ops applied where the rules allow them. */
function hallAfter(ops: readonly Op[], config: CentreConfig = testConfig()) {
  const engine = new QueueEngine(config, DAY);
  const dev = new Device('hub');
  const s = () => engine.state;
  const run = (r: CommandResult): string | null => {
    if (!r.ok) return null;
    dev.run(engine, r);
    return r.ticketId;
  };
  for (const op of ops) {
    if (op.kind === 'wait') dev.now += op.minutes * 60_000;
    else if (op.kind === 'issue') {
      const id = run(
        issueTicket(
          s(),
          config,
          { areaId: op.area, priority: op.priority ? 'elderly' : null, kioskId: 'k1', needsPrint: true },
          dev.now,
        ),
      );
      if (id !== null) run(printOutcome(s(), id, { kind: 'printed', copies: 1 }));
    } else if (op.kind === 'open') run(counterCommand(s(), op.counter, { kind: 'open' }));
    else if (op.kind === 'pause')
      run(counterCommand(s(), op.counter, { kind: 'pause', reason: 'nghỉ giải lao' }));
    else if (op.kind === 'call') run(callNext(s(), config, op.counter));
    else {
      run(actOnCurrent(s(), op.counter, 'start'));
      run(actOnCurrent(s(), op.counter, 'finish'));
    }
  }
  return { config, engine, dev, s, run };
}

describe('estimated wait: properties over random halls', () => {
  it('never shrinks with more people ahead, and is a whole number of minutes or null for all', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.constantFrom('a', 'b'), (ops, area) => {
        const q = hallAfter(ops);
        let before = -1;
        const nulls = new Set<boolean>();
        for (let ahead = 0; ahead <= 12; ahead++) {
          const m = estimatedWaitMinutes(q.s(), q.config, area, ahead, q.dev.now);
          nulls.add(m === null);
          if (m === null) continue;
          expect(Number.isInteger(m)).toBe(true);
          expect(m).toBeGreaterThanOrEqual(before);
          before = m;
        }
        // whether a counter will call the ticket does not depend on how many are ahead
        expect(nulls.size).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('zero when nobody is ahead and a counter serving the area is open and free', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const q = hallAfter(ops);
        // c1 serves area a only; finish whatever it has and open it
        const c1 = q.s().counters.get('c1')!;
        if (c1.current !== null) {
          q.run(actOnCurrent(q.s(), 'c1', 'start'));
          q.run(actOnCurrent(q.s(), 'c1', 'finish'));
        }
        q.run(counterCommand(q.s(), 'c1', { kind: 'open' }));
        expect(q.s().counters.get('c1')).toMatchObject({ status: 'open', current: null });
        expect(estimatedWaitMinutes(q.s(), q.config, 'a', 0, q.dev.now)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('the kiosk\'s "about N minutes" for a newcomer is what the newcomer\'s ticket then prints', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.constantFrom('a', 'b'), (ops, area) => {
        const q = hallAfter(ops);
        const waiting = [...q.s().waitingByArea.get(area)!].filter((id) => {
          const t = q.s().tickets.get(id)!;
          return t.status === 'waiting' && t.printed;
        }).length;
        const shown = estimatedWaitMinutes(q.s(), q.config, area, waiting, q.dev.now);
        const r = issueTicket(
          q.s(),
          q.config,
          { areaId: area, priority: null, kioskId: 'k1', needsPrint: true },
          q.dev.now,
        );
        const id = q.run(r)!;
        const printed = ticketWaitEstimate(q.s(), q.config, id, q.dev.now);
        // a normal newcomer has every printed ticket of its area ahead of it
        expect(printed.peopleAhead).toBe(waiting);
        expect(printed.estimatedWaitMinutes).toBe(shown);
      }),
      { numRuns: 100 },
    );
  });
});

describe('estimated wait: what it learns and projects', () => {
  it('uses the service times measured today: quick services today, a shorter estimate', () => {
    const q = hallAfter([{ kind: 'open', counter: 'c1' }]);
    const issue = (): string => {
      const id = q.run(
        issueTicket(
          q.s(),
          q.config,
          { areaId: 'a', priority: null, kioskId: 'k1', needsPrint: true },
          q.dev.now,
        ),
      )!;
      q.run(printOutcome(q.s(), id, { kind: 'printed', copies: 1 }));
      return id;
    };
    for (let i = 0; i < 3; i++) issue();
    const id = issue();
    // nothing measured yet: the configured 10 minutes per citizen; 3 ahead at one idle counter, called at 30
    expect(ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes).toBe(30);
    // the same queue after 12 citizens of area a took 4 minutes each at c1 earlier today
    const fresh = hallAfter([{ kind: 'open', counter: 'c1' }]);
    for (let i = 0; i < 12; i++) {
      const t = fresh.run(
        issueTicket(
          fresh.s(),
          fresh.config,
          { areaId: 'a', priority: null, kioskId: 'k1', needsPrint: true },
          fresh.dev.now,
        ),
      )!;
      fresh.run(printOutcome(fresh.s(), t, { kind: 'printed', copies: 1 }));
      fresh.run(callNext(fresh.s(), fresh.config, 'c1'));
      fresh.dev.now += 4 * 60_000;
      fresh.run(actOnCurrent(fresh.s(), 'c1', 'start'));
      fresh.run(actOnCurrent(fresh.s(), 'c1', 'finish'));
    }
    expect(areaTimings(fresh.s(), fresh.config).get('a')!.mean).toBeCloseTo((3 * 10 + 12 * 4) / 15, 9);
    let last = '';
    for (let i = 0; i < 4; i++) {
      last = fresh.run(
        issueTicket(
          fresh.s(),
          fresh.config,
          { areaId: 'a', priority: null, kioskId: 'k1', needsPrint: true },
          fresh.dev.now,
        ),
      )!;
      fresh.run(printOutcome(fresh.s(), last, { kind: 'printed', copies: 1 }));
    }
    // 3 ahead, one idle counter: 3 × 5.2 minutes
    expect(ticketWaitEstimate(fresh.s(), fresh.config, last, fresh.dev.now).estimatedWaitMinutes).toBe(16);
  });

  it('a shared counter kept busy by arrivals in its first area gives less to its second', () => {
    // c2 serves a first, then b; c3 (b only) is open too. Area a has been getting a citizen every 3 minutes.
    const steady = hallAfter([
      { kind: 'open', counter: 'c2' },
      { kind: 'open', counter: 'c3' },
    ]);
    const quiet = hallAfter([
      { kind: 'open', counter: 'c2' },
      { kind: 'open', counter: 'c3' },
    ]);
    for (const q of [steady, quiet]) q.dev.now = T0 - 30 * 60_000;
    for (let i = 0; i < 10; i++) {
      const id = steady.run(
        issueTicket(
          steady.s(),
          steady.config,
          { areaId: 'a', priority: null, kioskId: 'k1', needsPrint: true },
          steady.dev.now,
        ),
      )!;
      steady.run(printOutcome(steady.s(), id, { kind: 'printed', copies: 1 }));
      steady.run(callNext(steady.s(), steady.config, 'c2'));
      steady.run(actOnCurrent(steady.s(), 'c2', 'start'));
      steady.dev.now += 3 * 60_000;
      steady.run(actOnCurrent(steady.s(), 'c2', 'finish'));
    }
    quiet.dev.now = steady.dev.now;
    const estimates = [steady, quiet].map((q) => {
      let id = '';
      for (let i = 0; i < 4; i++) {
        id = q.run(
          issueTicket(
            q.s(),
            q.config,
            { areaId: 'b', priority: null, kioskId: 'k1', needsPrint: true },
            q.dev.now,
          ),
        )!;
        q.run(printOutcome(q.s(), id, { kind: 'printed', copies: 1 }));
      }
      return ticketWaitEstimate(q.s(), q.config, id, q.dev.now).estimatedWaitMinutes!;
    });
    // quiet: c2 and c3 share b's queue; steady: c2 keeps taking a's newcomers, c3 does most of b
    expect(estimates[0]).toBeGreaterThan(estimates[1]!);
  });

  it('no arrivals are projected past the issuing cut-off', () => {
    const mon = [{ open: '07:00', close: '11:30' }];
    const config = testConfig({ hours: { mon, stopIssuingBeforeCloseMin: 30 } });
    // 10:50 local: issuing stops at 11:00
    expect(issuingMinutesLeft(config, Date.UTC(2026, 10, 23, 3, 50))).toBeCloseTo(10, 9);
    expect(issuingMinutesLeft(config, Date.UTC(2026, 10, 23, 4, 10))).toBe(0);
    expect(issuingMinutesLeft(config, Date.UTC(2026, 10, 23, 6, 0))).toBe(0);
  });

  it('a priority ticket is counted among its own class before it is printed', () => {
    const q = hallAfter(
      [
        { kind: 'open', counter: 'c1' },
        { kind: 'call', counter: 'c1' },
        ...Array.from({ length: 6 }, (): Op => ({ kind: 'issue', area: 'a', priority: false })),
      ],
      testConfig({ priorityPolicy: { mode: 'priority-first' } }),
    );
    const r = issueTicket(
      q.s(),
      q.config,
      { areaId: 'a', priority: 'elderly', kioskId: 'k1', needsPrint: true },
      q.dev.now,
    );
    const id = q.run(r)!;
    // not printed yet (the kiosk prints after estimating): still first in the call order, not behind six
    expect(peopleAhead(q.s(), q.config, id)).toBe(0);
    q.run(printOutcome(q.s(), id, { kind: 'printed', copies: 1 }));
    expect(peopleAhead(q.s(), q.config, id)).toBe(0);
  });

  it("a busy counter's time left is the log-normal's mean residual life (checked by sampling)", () => {
    const rng = new Prng(7);
    const timing = { mean: 12, sigma: 0.6 };
    const mu = Math.log(timing.mean) - timing.sigma ** 2 / 2;
    const draws: number[] = [];
    for (let i = 0; i < 400_000; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      draws.push(Math.exp(mu + timing.sigma * z));
    }
    expect(remainingMinutes(timing, 0)).toBeCloseTo(12, 9);
    for (const elapsed of [3, 10, 20, 35]) {
      const longer = draws.filter((x) => x > elapsed);
      const sampled = longer.reduce((a, x) => a + x - elapsed, 0) / longer.length;
      expect(remainingMinutes(timing, elapsed)).toBeCloseTo(sampled, 0);
    }
    // overdue services are expected to go on: more left at 35 minutes than at 20
    expect(remainingMinutes(timing, 35)).toBeGreaterThan(remainingMinutes(timing, 20));
  });
});
