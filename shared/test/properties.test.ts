/**
 * Properties of the queue rules under the conditions sync creates: several devices acting on their own view,
 * events delivered late, shuffled and duplicated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  holdCurrent,
  issueTicket,
  printOutcome,
  rateService,
  returnHeld,
  transferCurrent,
  type CommandResult,
} from '../src/domain/commands.js';
import { QueueEngine, foldEvents } from '../src/domain/engine.js';
import type { QueueEvent } from '../src/domain/events.js';
import { stateHash } from '../src/domain/hash.js';
import { areaCallOrder, areaHead } from '../src/domain/order.js';
import {
  consecutiveNumbers,
  printedNumberCollisions,
  singleCounterPerTicket,
  statsMatchRecount,
} from '../src/sim/invariants.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

// Seeded, so a failure replays (MOTCUA_FC_SEED=<n>; fast-check prints the seed and path of a failure).
fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

const config = testConfig({ priorityPolicy: { mode: 'interleave', everyN: 2, maxConsecutive: 2 } });
const counters = ['c1', 'c2', 'c3'];

type Op =
  | { kind: 'issue'; area: 'a' | 'b'; priority: boolean; print: 'ok' | 'fail' | 'void' }
  | {
      kind: 'next' | 'start' | 'finish' | 'noshow' | 'recall' | 'hold' | 'return' | 'pause' | 'open' | 'rate';
      counter: number;
    }
  | { kind: 'transfer'; counter: number; area: 'a' | 'b'; front: boolean }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'tick'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      area: fc.constantFrom('a' as const, 'b' as const),
      priority: fc.boolean(),
      print: fc.constantFrom('ok' as const, 'ok' as const, 'ok' as const, 'fail' as const, 'void' as const),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'next' as const,
        'start' as const,
        'finish' as const,
        'noshow' as const,
        'recall' as const,
        'hold' as const,
        'return' as const,
        'pause' as const,
        'open' as const,
        'rate' as const,
      ),
      counter: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counter: fc.nat(2),
      area: fc.constantFrom('a' as const, 'b' as const),
      front: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }),
  },
);

/**
 * Three replicas (think: a kiosk and two counters, cut off from each other) each run commands on their own
 * view and exchange events only on `sync`. Replica 0 issues; the counters act on what they have seen.
 */
function run(ops: Op[], oneReplica = false): { events: QueueEvent[]; replicas: QueueEngine[] } {
  const devices = [new Device('kiosk'), new Device('counter-a'), new Device('counter-b')];
  const shared = new QueueEngine(config, DAY);
  const replicas = devices.map(() => (oneReplica ? shared : new QueueEngine(config, DAY)));
  const all: QueueEvent[] = [];
  const heldBy = new Map<string, string[]>();
  const exec = (i: number, r: CommandResult): string | null => {
    if (!r.ok) return null;
    devices[i]!.observe(replicas[i]!);
    for (const d of r.drafts) {
      const e = devices[i]!.stamp(d);
      all.push(e);
      replicas[i]!.apply(e);
    }
    return r.ticketId;
  };
  for (const d of counters)
    exec(
      1 + (counters.indexOf(d) % 2),
      counterCommand(replicas[1 + (counters.indexOf(d) % 2)]!.state, d, { kind: 'open' }),
    );
  let now = T0;
  for (const op of ops) {
    if (op.kind === 'tick') {
      now += op.ms;
      for (const d of devices) d.now = now;
      continue;
    }
    if (op.kind === 'sync') {
      replicas[op.to]!.applyMany(replicas[op.from]!.events);
      continue;
    }
    if (op.kind === 'issue') {
      const s = replicas[0]!.state;
      const id = exec(
        0,
        issueTicket(
          s,
          config,
          { areaId: op.area, priority: op.priority ? 'elderly' : null, kioskId: 'k1', needsPrint: true },
          now,
        ),
      );
      if (id === null) continue;
      if (op.print === 'ok') exec(0, printOutcome(replicas[0]!.state, id, { kind: 'printed', copies: 1 }));
      else if (op.print === 'fail')
        exec(0, printOutcome(replicas[0]!.state, id, { kind: 'failed', reason: 'paper-out' }));
      else exec(0, printOutcome(replicas[0]!.state, id, { kind: 'voided', reason: 'in lỗi' }));
      continue;
    }
    const c = counters[op.counter]!;
    const i = 1 + (op.counter % 2);
    const s = replicas[i]!.state;
    switch (op.kind) {
      case 'next':
        exec(i, callNext(s, config, c));
        break;
      case 'start':
        exec(i, actOnCurrent(s, c, 'start'));
        break;
      case 'finish':
        exec(i, actOnCurrent(s, c, 'finish'));
        break;
      case 'noshow':
        exec(i, actOnCurrent(s, c, 'no-show'));
        break;
      case 'recall':
        exec(i, actOnCurrent(s, c, 'recall'));
        break;
      case 'hold': {
        const id = exec(i, holdCurrent(s, c, 'chờ bổ sung'));
        if (id) heldBy.set(c, [...(heldBy.get(c) ?? []), id]);
        break;
      }
      case 'return': {
        const id = heldBy.get(c)?.shift();
        if (id) exec(i, returnHeld(s, c, id));
        break;
      }
      case 'pause':
        exec(i, counterCommand(s, c, { kind: 'pause', reason: 'nghỉ giải lao' }));
        break;
      case 'open':
        exec(i, counterCommand(s, c, { kind: 'open' }));
        break;
      case 'rate': {
        const done = [...s.tickets.values()].find(
          (t) => t.status === 'done' && t.counterId === c && !t.rated,
        );
        if (done)
          exec(
            i,
            rateService(s, config, {
              counterId: c,
              ticketId: done.id,
              level: 3,
              reasons: [],
              dossierCode: null,
            }),
          );
        break;
      }
      case 'transfer':
        exec(i, transferCurrent(s, config, c, { kind: 'area', areaId: op.area }, op.front));
        break;
      default: {
        const never: never = op;
        throw new Error(String(never));
      }
    }
  }
  return { events: all, replicas };
}

const opsArb = fc.array(opArb, { minLength: 20, maxLength: 250, size: 'large' });

describe('queue state is a function of the set of events', () => {
  it('converges under shuffled and duplicated delivery', () => {
    fc.assert(
      fc.property(opsArb, fc.infiniteStream(fc.nat()), (ops, rand) => {
        const { events } = run(ops);
        const reference = stateHash(foldEvents(config, DAY, events).state);
        const it = rand[Symbol.iterator]();
        const r = (): number => it.next().value as number;
        const noisy = [...events, ...events.filter(() => r() % 3 === 0)];
        for (let i = noisy.length - 1; i > 0; i--) {
          const j = r() % (i + 1);
          [noisy[i], noisy[j]] = [noisy[j]!, noisy[i]!];
        }
        const one = new QueueEngine(config, DAY);
        for (const e of noisy) one.apply(e);
        expect(stateHash(one.state)).toBe(reference);
        expect(stateHash(foldEvents(config, DAY, noisy).state)).toBe(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('replicas that have exchanged everything have equal hashes', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { replicas } = run(ops);
        for (const a of replicas) for (const b of replicas) a.applyMany(b.events);
        const hashes = new Set(replicas.map((r) => stateHash(r.state)));
        expect(hashes.size).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('invariants hold even when cut-off devices conflict', () => {
  it('no number issued twice; numbers consecutive from the one issuer', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { events } = run(ops);
        const s = foldEvents(config, DAY, events).state;
        expect(printedNumberCollisions(events)).toEqual([]);
        expect(consecutiveNumbers(config, s)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('no ticket is held by two counters at once', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { events, replicas } = run(ops);
        expect(singleCounterPerTicket(foldEvents(config, DAY, events).state)).toBe(true);
        for (const r of replicas) expect(singleCounterPerTicket(r.state)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the statistics equal a naive recount from the events', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { events } = run(ops);
        const s = foldEvents(config, DAY, events).state;
        expect(statsMatchRecount(config, s, events)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a device that sees everything never produces an event the rules reject', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { replicas } = run(ops, true);
        expect(replicas[0]!.state.rejected).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the head of each area queue found in one pass is the first of the full call order, under every policy', () => {
    const policies = [
      { mode: 'interleave', everyN: 2, maxConsecutive: 2 },
      { mode: 'priority-first', maxConsecutive: 3 },
      { mode: 'priority-first', maxConsecutive: null },
      { mode: 'fifo', maxConsecutive: null },
    ] as const;
    const configs = policies.map((priorityPolicy) => testConfig({ priorityPolicy }));
    let compared = 0;
    fc.assert(
      fc.property(opsArb, fc.integer({ min: 0, max: 40 }), (ops, cut) => {
        const { events } = run(ops);
        // also part-way through the day, where queues are longer
        for (const evs of [events, events.slice(0, Math.floor((events.length * cut) / 40))])
          for (const c of configs) {
            const s = foldEvents(c, DAY, evs).state;
            for (const area of ['a', 'b']) {
              const order = areaCallOrder(s, c, area);
              if (order.length > 0) compared++;
              expect(areaHead(s, c, area)?.id ?? null).toBe(order[0]?.id ?? null);
            }
          }
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('the generated histories are not trivial (calls, services, and real conflicts happen)', () => {
    let called = 0;
    let done = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(opsArb, (ops) => {
        const s = foldEvents(config, DAY, run(ops).events).state;
        for (const t of s.tickets.values()) {
          if (t.firstCalledAt !== null) called++;
          if (t.status === 'done') done++;
        }
        conflicts += s.rejected.length;
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(called).toBeGreaterThan(100);
    expect(done).toBeGreaterThan(20);
    expect(conflicts).toBeGreaterThan(10);
  });
});
