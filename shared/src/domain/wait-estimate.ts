/**
 * The estimated wait printed on a ticket and shown on the kiosk and look-up screens: minutes until the ticket
 * is first called. A pure, deterministic function of the state, the config and the instant.
 *
 * Why not "people ahead × mean service ÷ open counters" (kept as `naiveWaitMinutes`, the baseline the
 * simulation measures against): counters are shared between areas in an order of preference, so a counter
 * whose first area has a queue gives little to its second area; a counter busy with a citizen frees up only
 * when that service ends; a counter's time per citizen includes walking up and the recalls of no-shows, not
 * just the service; and people ahead are whole people (three citizens at two idle counters: the third is
 * called when the first service ends, not after 1.5 services). So the estimate replays the real "call next"
 * preference on counts: each open counter, from the moment it is expected to be free, takes the next ticket
 * from the first of its queues that has one (tickets transferred to it first), until the ticket in question
 * is reached. What it knows at the instant (domain/wait-model.ts), all from today's record and the config:
 * - time per citizen by area: recent counter occupancy (call to finish, no-shows included), shrunk towards
 *   the configured service time while there are few samples, with its spread (a log-normal fit);
 * - a busy counter is free after the log-normal's expected time left given how long it has been busy (an
 *   overdue service is probably a long one, not about to end);
 * - a paused counter (a break) is back after today's mean break length from when the pause began (none seen
 *   yet: a quarter of an hour); a counter paused over lunch or closed is not counted;
 * - citizens keep arriving at each area's recent rate until issuing stops for the session: later priority
 *   tickets go ahead of a normal one as the area's policy allows, and newcomers to an area that a shared
 *   counter puts first take that counter before the ticket's area.
 * Measured with `motcua simulate` (issue 13). What it cannot know: the spread of the services still to come
 * (on the provincial day, about 4 of its mean error of 7–10 minutes) and breaks that begin while the ticket
 * waits (the ticket's figure is then too low).
 */
import type { CentreConfig } from '../config/schema.js';
import { isCallable, meanServiceMinutes, openCountersFor, peopleAhead, policyFor } from './order.js';
import type { QueueState } from './state.js';
import {
  areaTimings,
  breakMinutes,
  issuingMinutesLeft,
  pausedCounterBackIn,
  remainingMinutes,
} from './wait-model.js';

export { OCCUPANCY_SAMPLES, occupancyMinutes } from './wait-model.js';

/**
 * Where a ticket stands: in an area's queue or in one counter's directed queue, with `position` before it.
 * `priority`: a priority ticket is not overtaken by later priority tickets; a normal one may be.
 */
export type QueueSlot =
  | {
      readonly kind: 'area';
      readonly areaId: string;
      readonly position: number;
      readonly priority?: boolean;
    }
  | { readonly kind: 'counter'; readonly counterId: string; readonly position: number };

/** Recent arrivals per minute, by area: the tickets issued in the last ARRIVAL_WINDOW_MIN minutes. */
export function arrivalRates(s: QueueState, nowMs: number): Map<string, { all: number; priority: number }> {
  let earliest = Infinity;
  for (const t of s.tickets.values()) earliest = Math.min(earliest, t.issuedAt);
  // Early in the day the window is what there is, but not so short that one ticket looks like a rush.
  const window = Math.max(MIN_ARRIVAL_WINDOW_MIN, Math.min(ARRIVAL_WINDOW_MIN, (nowMs - earliest) / 60_000));
  const from = nowMs - window * 60_000;
  const out = new Map<string, { all: number; priority: number }>();
  for (const t of s.tickets.values()) {
    if (t.issuedAt <= from || t.issuedAt > nowMs) continue;
    const r = out.get(t.areaId) ?? { all: 0, priority: 0 };
    r.all += 1 / window;
    if (t.priority !== null) r.priority += 1 / window;
    out.set(t.areaId, r);
  }
  return out;
}

export const ARRIVAL_WINDOW_MIN = 30;
const MIN_ARRIVAL_WINDOW_MIN = 10;
/** The replay gives up this far ahead (minutes) and answers with what it reached: a day is not longer. */
const HORIZON_MIN = 600;

/**
 * Minutes until the ticket at `slot` is called, replaying call-next on counts; null when no counter would ever
 * reach it. With `nowMs` (tickets, kiosk and look-up screens), arrivals, busy counters' time left and breaks
 * are projected as the module's header says. Without it, nobody else arrives, a busy counter is assumed to be
 * half-way through its citizen and a paused counter is not counted.
 */
export function projectWaitMinutes(
  s: QueueState,
  config: CentreConfig,
  slot: QueueSlot,
  nowMs?: number,
): number | null {
  const timings = areaTimings(s, config);
  const occupancy = new Map([...timings].map(([id, t]) => [id, t.mean]));
  const breakMin = nowMs === undefined ? 0 : breakMinutes(s, config);
  const areaCount = new Map<string, number>();
  for (const [areaId, ids] of s.waitingByArea) {
    let n = 0;
    for (const id of ids) if (isCallable(s.tickets.get(id)!)) n++;
    areaCount.set(areaId, n);
  }
  const directedCount = new Map<string, number>();
  for (const [counterId, ids] of s.waitingByCounter) {
    let n = 0;
    for (const id of ids) if (isCallable(s.tickets.get(id)!)) n++;
    directedCount.set(counterId, n);
  }
  // The ticket itself may not be callable yet (not printed): it still counts as one in its queue.
  const target = slot.kind === 'area' ? areaCount : directedCount;
  const key = slot.kind === 'area' ? slot.areaId : slot.counterId;
  target.set(key, Math.max(target.get(key) ?? 0, slot.position + 1));

  // Future arrivals per minute that are called before the target, at the area's recent rate, until issuing
  // stops for the session (nobody arrives after the cut-off, so the end of a peak is not projected past it):
  // for a normal ticket, later priority tickets in its own area (as the area's policy lets them in); for any
  // ticket, every citizen arriving in an area that a counter serving its area puts first (that counter takes
  // them before it turns to the ticket's area).
  const rate = new Map<string, number>();
  let arrivalsFor = 0;
  if (nowMs !== undefined && slot.kind === 'area') {
    const rates = arrivalRates(s, nowMs);
    const own = rates.get(slot.areaId);
    if (slot.priority !== true && own && policyFor(config, slot.areaId).mode !== 'fifo')
      rate.set(slot.areaId, own.priority);
    for (const c of config.counters) {
      const i = c.areas.indexOf(slot.areaId);
      for (const a of c.areas.slice(0, Math.max(0, i))) rate.set(a, rates.get(a)?.all ?? 0);
    }
    arrivalsFor = issuingMinutesLeft(config, nowMs);
  }
  // Arrivals by minute `at`, on a fluid schedule (one every 1/rate minutes); the epsilon keeps the count
  // at an arrival's own instant from rounding down, so a counter waiting for it does not wait forever.
  const arrived = (a: string, at: number): number =>
    Math.floor((rate.get(a) ?? 0) * Math.min(at, arrivalsFor) + 1e-9);
  // Later priority tickets called before the target: under "interleave", at most one per everyN normal calls
  // ahead; under "priority-first", at most maxConsecutive (else one) per normal call ahead. The cap keeps a
  // rate measured on a handful of tickets from predicting that a normal ticket is never called.
  const laterPriority = (areaId: string, at: number): number => {
    const policy = policyFor(config, areaId);
    const n = arrived(areaId, at);
    const cap =
      policy.mode === 'interleave'
        ? Math.floor(slot.position / policy.everyN)
        : slot.position * (policy.maxConsecutive ?? 1);
    return Math.min(n, cap);
  };
  const popped = new Map<string, number>();
  const available = (a: string, at: number): number =>
    (areaCount.get(a) ?? 0) + arrived(a, at) - (popped.get(a) ?? 0);

  interface Desk {
    readonly id: string;
    readonly areas: readonly string[];
    free: number;
  }
  const desks: Desk[] = [];
  for (const c of config.counters) {
    const st = s.counters.get(c.id);
    if (!st) continue;
    let free = 0;
    if (st.status === 'paused') {
      // An officer on a break comes back: the counter joins when the break is expected to end.
      const back = nowMs === undefined ? null : pausedCounterBackIn(st, config, nowMs, breakMin);
      if (back === null) continue;
      free = back;
    } else if (st.status !== 'open') continue;
    const cur = st.current !== null ? s.tickets.get(st.current) : undefined;
    if (cur) {
      const timing = timings.get(cur.queueAreaId) ?? { mean: 10, sigma: 0.5 };
      const since = cur.lastCalledAt;
      free +=
        nowMs === undefined || since === null
          ? timing.mean / 2
          : remainingMinutes(timing, (nowMs - since) / 60_000);
    }
    desks.push({ id: c.id, areas: c.areas, free });
  }
  const serves = (d: Desk): boolean =>
    slot.kind === 'area' ? d.areas.includes(slot.areaId) : d.id === slot.counterId;
  let taken = 0;
  for (;;) {
    if (!desks.some(serves)) return null;
    // The counter that frees up first calls next (ties: the config's order, as the simulation's officers).
    let d = desks[0]!;
    for (const x of desks) if (x.free < d.free) d = x;
    if (d.free > HORIZON_MIN) return HORIZON_MIN;
    let queue: string | null = null;
    let isTarget = false;
    const directed = (directedCount.get(d.id) ?? 0) > 0;
    if (directed) {
      queue = d.id;
      isTarget = slot.kind === 'counter' && slot.counterId === d.id;
      directedCount.set(d.id, directedCount.get(d.id)! - 1);
    } else {
      for (const a of d.areas) {
        if (available(a, d.free) > 0) {
          queue = a;
          isTarget = slot.kind === 'area' && slot.areaId === a;
          popped.set(a, (popped.get(a) ?? 0) + 1);
          break;
        }
      }
    }
    if (queue === null) {
      // Nothing for this counter now: it waits for the next expected arrival in its areas, or drops out.
      let next = Infinity;
      for (const a of d.areas) {
        const r = rate.get(a) ?? 0;
        const at = r > 0 ? (arrived(a, d.free) + 1) / r : Infinity;
        if (at <= arrivalsFor) next = Math.min(next, at);
      }
      if (next === Infinity) desks.splice(desks.indexOf(d), 1);
      else d.free = Math.max(next, d.free + 1e-6);
      continue;
    }
    if (isTarget) {
      // Later priority tickets that have arrived by now are called before a normal target.
      const jumpers = slot.kind === 'area' ? laterPriority(slot.areaId, d.free) : 0;
      if (taken++ >= slot.position + jumpers) return d.free;
    }
    // A ticket transferred to the counter is timed like the counter's own first area.
    const area = directed ? d.areas[0] : queue;
    d.free += (area !== undefined ? occupancy.get(area) : undefined) ?? 10;
  }
}

/**
 * Estimated minutes until a newcomer to the area is called, with `ahead` people before them (the kiosk's and
 * look-up screen's "about N minutes"). Null when no counter serving the area is open: the screen then says so
 * instead of inventing a figure.
 */
export function estimatedWaitMinutes(
  s: QueueState,
  config: CentreConfig,
  areaId: string,
  ahead: number,
  nowMs?: number,
): number | null {
  const m = projectWaitMinutes(s, config, { kind: 'area', areaId, position: ahead }, nowMs);
  return m === null ? null : Math.round(m);
}

export interface TicketEstimate {
  readonly peopleAhead: number;
  /** Rounded minutes; null when no open counter would call it. */
  readonly estimatedWaitMinutes: number | null;
}

/**
 * What goes on the ticket: people ahead and the estimated wait of one issued ticket. The kiosk prints this
 * and `motcua simulate` measures this, so the figure measured is the figure printed.
 */
export function ticketWaitEstimate(
  s: QueueState,
  config: CentreConfig,
  ticketId: string,
  nowMs: number,
): TicketEstimate {
  const t = s.tickets.get(ticketId);
  const ahead = peopleAhead(s, config, ticketId);
  if (!t || ahead === null) return { peopleAhead: ahead ?? 0, estimatedWaitMinutes: null };
  const slot: QueueSlot =
    t.directedCounterId !== null
      ? { kind: 'counter', counterId: t.directedCounterId, position: ahead }
      : { kind: 'area', areaId: t.queueAreaId, position: ahead, priority: t.priority !== null };
  const m = projectWaitMinutes(s, config, slot, nowMs);
  return { peopleAhead: ahead, estimatedWaitMinutes: m === null ? null : Math.round(m) };
}

/**
 * The naive baseline: people ahead × mean service time ÷ open counters serving the area. Kept to measure the
 * estimator against (`baseline_mae_min` in `motcua simulate`); null when no counter serving it is open.
 */
export function naiveWaitMinutes(
  s: QueueState,
  config: CentreConfig,
  areaId: string,
  ahead: number,
): number | null {
  const open = openCountersFor(s, config, areaId);
  if (open === 0) return null;
  return Math.round((ahead * meanServiceMinutes(s, config, areaId)) / open);
}
