/**
 * A simulated business day at a centre, as a discrete-event simulation on a simulated clock: citizens arrive
 * by time of day (a Poisson process with a morning peak, sim/behaviour.ts), take tickets (printers sometimes
 * fail), officers call, citizens walk up or never come (recall, then no-show), services take a log-normal time
 * around the area's configured mean, some end in a transfer to another area, officers take breaks (the counter
 * is paused and reopened) and lunch between sessions, and citizens rate. Every action goes through the real
 * commands and the real event store (SQLite in memory), so the invariants checked at the end mean something.
 *
 * For every ticket it records the estimated wait as the kiosk prints it (ticketWaitEstimate, right after
 * issuing), the naive baseline's figure, and the actual wait (issue to first call), for sim/accuracy.ts.
 */
import type { CentreConfig } from '../config/schema.js';
import { localTime } from '../domain/business-day.js';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  issueTicket,
  officerCommand,
  printOutcome,
  rateService,
  transferCurrent,
} from '../domain/commands.js';
import { stateHash } from '../domain/hash.js';
import type { QueueState } from '../domain/state.js';
import { computeStatistics, type Statistics } from '../domain/stats.js';
import { naiveWaitMinutes, ticketWaitEstimate } from '../domain/wait-estimate.js';
import { ManualClock } from '../runtime/clock.js';
import { silentLogger } from '../runtime/logger.js';
import { EventStore } from '../store/event-store.js';
import { waitAccuracy, type WaitAccuracy, type WaitRecord } from './accuracy.js';
import { createBehaviour, issuingWindows, sessionsOf, type DayProfileName } from './behaviour.js';
import { EventQueue } from './event-queue.js';
import {
  consecutiveNumbers,
  converges,
  neverCalledUnprinted,
  printedNumberCollisions,
  singleCounterPerTicket,
  statsMatchRecount,
} from './invariants.js';
import { Prng } from './prng.js';

export interface SimulationOptions {
  /** Expected citizens over the day (default: 35 per counter). */
  readonly citizens?: number;
  readonly profile?: DayProfileName;
  /**
   * Another estimator to measure in place of the one printed on tickets (for analysis only: comparing
   * candidate estimators, or an upper bound on what any estimator could reach). Default ticketWaitEstimate.
   */
  readonly estimator?: typeof ticketWaitEstimate;
  /** Receives every ticket's wait record at the end of the day (for analysing the estimate's errors). */
  readonly onRecords?: (records: readonly WaitRecord[], state: QueueState) => void;
}

export interface SimulationResult {
  seed: number;
  centre: string;
  day: string;
  profile: DayProfileName;
  arrivals: number;
  events: number;
  tickets: number;
  stateHash: string;
  statistics: Statistics;
  wait_estimate_mae_min: number | null;
  baseline_mae_min: number | null;
  waitEstimate: WaitAccuracy;
  invariants: Record<string, boolean>;
}

/** Monday 2026-11-23, 07:00 in Asia/Ho_Chi_Minh (UTC+7). */
export const SIM_DAY_START = Date.UTC(2026, 10, 23, 0, 0);

type SimEvent =
  | { kind: 'arrive' }
  | { kind: 'walk-up'; desk: Desk }
  | { kind: 'recall'; desk: Desk }
  | { kind: 'no-show'; desk: Desk }
  | { kind: 'done'; desk: Desk }
  | { kind: 'break'; desk: Desk }
  | { kind: 'resume'; desk: Desk }
  | { kind: 'session-open' }
  | { kind: 'session-close' };

interface Desk {
  readonly id: string;
  /** Open with nothing to do: woken when a ticket it serves becomes callable. */
  idle: boolean;
  /** A break is due: taken when the current citizen is done. */
  breakDue: boolean;
  /** The called citizen will not come. */
  absent: boolean;
  /** Paused between sessions (or closed after the last one). */
  away: boolean;
}

export function simulateDay(
  config: CentreConfig,
  seed: number,
  options: SimulationOptions = {},
): SimulationResult {
  const rng = new Prng(seed);
  const profile = options.profile ?? 'morning-peak';
  const behaviour = createBehaviour(config, {
    profile,
    ...(options.citizens === undefined ? {} : { citizensPerDay: options.citizens }),
  });
  const clock = new ManualClock(SIM_DAY_START);
  const store = new EventStore({ path: ':memory:', deviceId: 'hub', config, clock, logger: silentLogger });
  const tz = config.centre.timeZone;
  const start = localTime(SIM_DAY_START, tz);
  const midnight = SIM_DAY_START - start.minuteOfDay * 60_000;
  const sessions = sessionsOf(config, start.weekday);
  const lastIssue = issuingWindows(config, start.weekday).at(-1)?.[1] ?? 0;
  const queue = new EventQueue<SimEvent>();
  const records: WaitRecord[] = [];
  let arrivals = 0;
  const minuteNow = (): number => (clock.now() - midnight) / 60_000;
  const sessionOpen = (): boolean => sessions.some(([a, b]) => minuteNow() >= a && minuteNow() < b);

  const desks: Desk[] = config.counters.map((c, i) => {
    const officer = config.officers[i % Math.max(1, config.officers.length)];
    if (officer) store.commit((s) => officerCommand(s, config, c.id, officer.id, 'login'));
    store.commit((s) => counterCommand(s, c.id, { kind: 'open' }));
    return { id: c.id, idle: true, breakDue: false, absent: false, away: false };
  });
  // Breaks, drawn as the demo draws them (sim/behaviour.ts).
  for (const d of desks) {
    sessions.forEach((session, i) => {
      const at = behaviour.breakAtMinute(rng, session, i);
      if (at !== null) queue.push(midnight + at * 60_000, { kind: 'break', desk: d });
    });
  }
  sessions.forEach(([open, close], i) => {
    if (i > 0) queue.push(midnight + open * 60_000, { kind: 'session-open' });
    queue.push(midnight + close * 60_000, { kind: 'session-close' });
  });
  const firstDelay = behaviour.nextArrivalDelayMs(rng, SIM_DAY_START);
  if (firstDelay !== null) queue.push(SIM_DAY_START + firstDelay, { kind: 'arrive' });

  const wake = (): void => {
    for (const d of desks) if (d.idle && !d.away) free(d);
  };

  /** The desk is done with its citizen: take a break, call the next, or go idle / away. */
  const free = (d: Desk): void => {
    const t = clock.now();
    if (d.breakDue) {
      d.breakDue = false;
      d.idle = false;
      store.commit((s) => counterCommand(s, d.id, { kind: 'pause', reason: 'nghỉ giải lao' }));
      queue.push(t + behaviour.breakMs(rng), { kind: 'resume', desk: d });
      return;
    }
    const r = store.commit((s) => callNext(s, config, d.id));
    if (r.ok) {
      d.idle = false;
      d.absent = behaviour.noShow(rng);
      queue.push(t + (d.absent ? 60_000 : behaviour.walkUpMs(rng)), {
        kind: d.absent ? 'recall' : 'walk-up',
        desk: d,
      });
      return;
    }
    d.idle = true;
    // Outside a session with nobody left: lunch (a pause), or the end of the day.
    if (!sessionOpen()) {
      d.away = true;
      const last = minuteNow() >= lastIssue;
      store.commit((s) =>
        last
          ? counterCommand(s, d.id, { kind: 'close' })
          : counterCommand(s, d.id, { kind: 'pause', reason: 'nghỉ trưa' }),
      );
    }
  };

  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const [t, ev] = next;
    clock.set(t);
    switch (ev.kind) {
      case 'arrive': {
        arrivals++;
        const delay = behaviour.nextArrivalDelayMs(rng, t);
        if (delay !== null) queue.push(t + delay, { kind: 'arrive' });
        const areaId = behaviour.pickArea(rng);
        const priority = behaviour.pickPriority(rng);
        const r = store.commit((s) =>
          issueTicket(s, config, { areaId, priority, kioskId: 'kiosk-1', needsPrint: true }, t),
        );
        if (!r.ok || r.ticketId === null) break;
        const id = r.ticketId;
        // What the kiosk prints, computed as the kiosk does: right after issuing, before printing.
        const s = store.state;
        const est = (options.estimator ?? ticketWaitEstimate)(s, config, id, t);
        records.push({
          ticketId: id,
          areaId,
          priority: priority !== null,
          issuedAt: t,
          peopleAhead: est.peopleAhead,
          estimateMin: est.estimatedWaitMinutes,
          baselineMin: naiveWaitMinutes(s, config, areaId, est.peopleAhead),
          actualMin: null,
        });
        if (rng.chance(0.97)) store.commit((st) => printOutcome(st, id, { kind: 'printed', copies: 1 }));
        else {
          store.commit((st) => printOutcome(st, id, { kind: 'failed', reason: 'paper-out' }));
          store.commit((st) =>
            rng.chance(0.5)
              ? printOutcome(st, id, { kind: 'printed', copies: 1 })
              : printOutcome(st, id, { kind: 'voided', reason: 'print failed' }),
          );
        }
        wake();
        break;
      }
      case 'walk-up': {
        store.commit((s) => actOnCurrent(s, ev.desk.id, 'start'));
        const cur = store.state.counters.get(ev.desk.id)!.current!;
        const area = store.state.tickets.get(cur)!.queueAreaId;
        queue.push(t + behaviour.serviceMs(rng, area), { kind: 'done', desk: ev.desk });
        break;
      }
      case 'recall':
        store.commit((s) => actOnCurrent(s, ev.desk.id, 'recall'));
        queue.push(t + 60_000, { kind: 'no-show', desk: ev.desk });
        break;
      case 'no-show':
        store.commit((s) => actOnCurrent(s, ev.desk.id, 'no-show'));
        free(ev.desk);
        break;
      case 'done': {
        const d = ev.desk;
        const curId = store.state.counters.get(d.id)!.current!;
        const cur = store.state.tickets.get(curId)!;
        const to = behaviour.transferTo(rng, cur.queueAreaId);
        if (to !== null) {
          store.commit((s) => transferCurrent(s, config, d.id, { kind: 'area', areaId: to }));
          free(d);
          wake();
          break;
        }
        store.commit((s) =>
          actOnCurrent(s, d.id, 'finish', rng.chance(0.7) ? `H${rng.int(10000, 99999)}` : null),
        );
        if (rng.chance(0.6)) rate(store, config, rng, d.id, curId);
        free(d);
        break;
      }
      case 'break':
        if (ev.desk.away) break;
        ev.desk.breakDue = true;
        if (ev.desk.idle) free(ev.desk);
        break;
      case 'resume':
        store.commit((s) => counterCommand(s, ev.desk.id, { kind: 'open' }));
        free(ev.desk);
        break;
      case 'session-close':
        // Counters with nobody waiting go to lunch or close; the others finish their queue first.
        for (const d of desks) if (d.idle && !d.away) free(d);
        break;
      case 'session-open':
        for (const d of desks) {
          if (!d.away) continue;
          d.away = false;
          store.commit((s) => counterCommand(s, d.id, { kind: 'open' }));
          free(d);
        }
        break;
    }
  }

  const s = store.state;
  for (const r of records) {
    const at = s.tickets.get(r.ticketId)?.firstCalledAt ?? null;
    r.actualMin = at === null ? null : (at - r.issuedAt) / 60_000;
  }
  options.onRecords?.(records, s);
  const accuracy = waitAccuracy(records);
  const events = store.eventsOfDay(store.day);
  const rejected = new Set(s.rejected.map((x) => x.eventId));
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
    profile,
    arrivals,
    events: events.length,
    tickets: s.tickets.size,
    stateHash: stateHash(s),
    statistics: computeStatistics(s, config),
    wait_estimate_mae_min: accuracy.maeMin,
    baseline_mae_min: accuracy.baselineMaeMin,
    waitEstimate: accuracy,
    invariants,
  };
  store.close();
  return result;
}

function rate(store: EventStore, config: CentreConfig, rng: Prng, counterId: string, ticketId: string): void {
  const levels = config.rating.levels.map((l) => l.value);
  const level = rng.chance(0.7) ? Math.max(...levels) : rng.pick(levels);
  const reasons = level <= config.rating.reasonsAtOrBelow ? [rng.pick(config.rating.reasons).id] : [];
  store.commit((s) => rateService(s, config, { counterId, ticketId, level, reasons, dossierCode: null }));
}
