/**
 * A simulated day at a centre, driven through the real commands, the real event store (SQLite in memory) and
 * the queue rules, with a seeded random generator: citizens arrive, take tickets, printers sometimes fail,
 * officers call, serve, transfer, hold, mark no-shows, and citizens rate.
 */
import type { CentreConfig } from '../config/schema.js';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  holdCurrent,
  issueTicket,
  officerCommand,
  printOutcome,
  rateService,
  returnHeld,
  transferCurrent,
} from '../domain/commands.js';
import { stateHash } from '../domain/hash.js';
import { computeStatistics, type Statistics } from '../domain/stats.js';
import { ManualClock } from '../runtime/clock.js';
import { silentLogger } from '../runtime/logger.js';
import { EventStore } from '../store/event-store.js';
import {
  consecutiveNumbers,
  converges,
  neverCalledUnprinted,
  singleCounterPerTicket,
  statsMatchRecount,
  printedNumberCollisions,
} from './invariants.js';
import { Prng } from './prng.js';

export interface SimulationResult {
  seed: number;
  centre: string;
  day: string;
  events: number;
  tickets: number;
  stateHash: string;
  statistics: Statistics;
  invariants: Record<string, boolean>;
}

/** Monday 2026-11-23, 07:00 in Asia/Ho_Chi_Minh (UTC+7). */
export const SIM_DAY_START = Date.UTC(2026, 10, 23, 0, 0);

interface Desk {
  id: string;
  serviceUntil: number;
  calledAt: number;
  holdUntil: number;
  held: string | null;
}

export function simulateDay(config: CentreConfig, seed: number, citizens?: number): SimulationResult {
  const rng = new Prng(seed);
  const clock = new ManualClock(SIM_DAY_START);
  const store = new EventStore({ path: ':memory:', deviceId: 'hub', config, clock, logger: silentLogger });
  const perDay = citizens ?? Math.min(1500, config.counters.length * 45);
  const openMs = 10 * 3600_000;
  const arrivalMean = openMs / perDay;
  let nextArrival = SIM_DAY_START + rng.exp(arrivalMean);
  const desks: Desk[] = config.counters.map((c) => ({
    id: c.id,
    serviceUntil: 0,
    calledAt: 0,
    holdUntil: 0,
    held: null,
  }));
  const areas = config.areas.map((a) => a.id);
  const cats = config.priorityCategories.map((p) => p.id);
  config.counters.forEach((c, i) => {
    const officer = config.officers[i % Math.max(1, config.officers.length)];
    if (officer) store.commit((s) => officerCommand(s, config, c.id, officer.id, 'login'));
    store.commit((s) => counterCommand(s, c.id, { kind: 'open' }));
  });
  const end = SIM_DAY_START + openMs;
  for (let t = SIM_DAY_START; t < end; t += 20_000) {
    clock.set(t);
    while (nextArrival <= t) {
      nextArrival += rng.exp(arrivalMean);
      const priority = cats.length > 0 && rng.chance(0.12) ? rng.pick(cats) : null;
      const r = store.commit((s) =>
        issueTicket(
          s,
          config,
          { areaId: rng.pick(areas), priority, kioskId: 'kiosk-1', needsPrint: true },
          t,
        ),
      );
      if (!r.ok || r.ticketId === null) continue;
      const id = r.ticketId;
      if (rng.chance(0.96)) store.commit((s) => printOutcome(s, id, { kind: 'printed', copies: 1 }));
      else {
        store.commit((s) => printOutcome(s, id, { kind: 'failed', reason: 'paper-out' }));
        store.commit((s) =>
          rng.chance(0.5)
            ? printOutcome(s, id, { kind: 'printed', copies: 1 })
            : printOutcome(s, id, { kind: 'voided', reason: 'print failed' }),
        );
      }
    }
    for (const d of desks) step(store, config, rng, d, t);
  }
  const s = store.state;
  const events = store.eventsOfDay(store.day);
  const rejected = new Set(s.rejected.map((r) => r.eventId));
  const projection = store.projectedTickets(store.day);
  const invariants = {
    convergence: converges(config, store.day, events, rng),
    unique_numbers: printedNumberCollisions(events).length === 0,
    consecutive_numbers: consecutiveNumbers(config, s),
    single_counter_per_ticket: singleCounterPerTicket(s),
    never_called_unprinted: neverCalledUnprinted(events, rejected),
    stats_match_recount: statsMatchRecount(config, s, events),
    commands_agree_with_rules: s.rejected.length === 0,
    projection_matches_state:
      projection.length === s.tickets.size &&
      projection.every((p) => s.tickets.get(p.id)?.status === p.status),
  };
  const result: SimulationResult = {
    seed,
    centre: config.centre.id,
    day: store.day,
    events: events.length,
    tickets: s.tickets.size,
    stateHash: stateHash(s),
    statistics: computeStatistics(s, config),
    invariants,
  };
  store.close();
  return result;
}

function step(store: EventStore, config: CentreConfig, rng: Prng, d: Desk, t: number): void {
  const c = store.state.counters.get(d.id)!;
  if (c.status !== 'open') return;
  if (d.held !== null && t >= d.holdUntil && c.current === null) {
    const id = d.held;
    d.held = null;
    if (store.commit((s) => returnHeld(s, d.id, id)).ok) d.serviceUntil = t + rng.exp(4 * 60_000);
    return;
  }
  const cur = c.current !== null ? store.state.tickets.get(c.current)! : null;
  if (cur?.status === 'called') {
    if (t - d.calledAt < 60_000) return;
    if (rng.chance(0.06)) {
      if (cur.callCount < 2) store.commit((s) => actOnCurrent(s, d.id, 'recall'));
      else store.commit((s) => actOnCurrent(s, d.id, 'no-show'));
      return;
    }
    store.commit((s) => actOnCurrent(s, d.id, 'start'));
    const area = config.areas.find((a) => a.id === cur.queueAreaId)!;
    d.serviceUntil = t + rng.exp(area.defaultServiceMinutes * 60_000);
    return;
  }
  if (cur?.status === 'serving') {
    if (t < d.serviceUntil) return;
    const roll = rng.next();
    if (roll < 0.03) {
      store.commit((s) =>
        transferCurrent(s, config, d.id, { kind: 'area', areaId: rng.pick(config.areas).id }),
      );
      return;
    }
    if (roll < 0.05 && d.held === null) {
      d.held = cur.id;
      d.holdUntil = t + rng.exp(15 * 60_000);
      store.commit((s) => holdCurrent(s, d.id, 'bổ sung giấy tờ'));
      return;
    }
    store.commit((s) =>
      actOnCurrent(s, d.id, 'finish', rng.chance(0.7) ? `H${rng.int(10000, 99999)}` : null),
    );
    if (rng.chance(0.6)) {
      const levels = config.rating.levels.map((l) => l.value);
      const level = rng.chance(0.7) ? Math.max(...levels) : rng.pick(levels);
      const reasons = level <= config.rating.reasonsAtOrBelow ? [rng.pick(config.rating.reasons).id] : [];
      store.commit((s) =>
        rateService(s, config, { counterId: d.id, ticketId: cur.id, level, reasons, dossierCode: null }),
      );
    }
  }
  if (c.current === null || store.state.counters.get(d.id)!.current === null) {
    const r = store.commit((s) => callNext(s, config, d.id));
    if (r.ok) d.calledAt = t;
  }
}
