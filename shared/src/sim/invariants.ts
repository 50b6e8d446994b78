/** Checks that every device and the hub must satisfy, used by `motcua simulate` and the property tests. */
import type { CentreConfig } from '../config/schema.js';
import { foldEvents } from '../domain/engine.js';
import { compareEvents, type QueueEvent } from '../domain/events.js';
import { stateHash } from '../domain/hash.js';
import type { QueueState } from '../domain/state.js';
import { computeStatistics } from '../domain/stats.js';
import type { Prng } from './prng.js';
import { recount } from './recount.js';

/** The same events, shuffled and with duplicates, fold to the same hash. */
export function converges(
  config: CentreConfig,
  day: string,
  events: readonly QueueEvent[],
  rng: Prng,
): boolean {
  const reference = stateHash(foldEvents(config, day, [...events].sort(compareEvents)).state);
  for (let i = 0; i < 3; i++) {
    const noisy = rng.shuffle([...events, ...events.filter(() => rng.chance(0.3))]);
    const engine = foldEvents(config, day, []);
    // Feed in chunks so both the incremental path and the re-fold path are exercised.
    for (let k = 0; k < noisy.length;) {
      const n = 1 + rng.int(0, Math.ceil(noisy.length / 8));
      engine.applyMany(noisy.slice(k, k + n));
      k += n;
    }
    for (const e of noisy.slice(0, 20)) engine.apply(e);
    if (stateHash(engine.state) !== reference) return false;
  }
  return true;
}

/** Two or more distinct tickets that reached citizens with the same area, business day and number. */
export interface NumberCollision {
  readonly day: string;
  readonly areaId: string;
  readonly number: number;
  /** The ids of the `ticket.issued` events, one per distinct ticket. */
  readonly issuances: readonly string[];
}

/**
 * The user's invariant, checked on the events rather than on a folded state: no two distinct tickets that
 * reached a citizen (were printed) share area, business day and number. A fold keys tickets by area and number,
 * so it keeps one of two colliding tickets and rejects the other; the events keep both. A ticket is one
 * `ticket.issued` event (duplicates of the same event count once); it reached a citizen when a `ticket.printed`
 * for its ticket id was written by the device that issued it or by the kiosk it was issued for (the hub issues
 * for a kiosk and the kiosk prints). Two kiosks' colliding tickets share a ticket id, so the printing device is
 * what tells their prints apart. Rejected events are deliberately kept: a rejected issuance whose paper was
 * printed is exactly the collision this looks for.
 */
export function printedNumberCollisions(events: readonly QueueEvent[]): NumberCollision[] {
  const printedBy = new Set<string>();
  for (const e of events) if (e.type === 'ticket.printed') printedBy.add(`${e.device}|${e.data.ticketId}`);
  const groups = new Map<string, { day: string; areaId: string; number: number; ids: Set<string> }>();
  for (const e of events) {
    if (e.type !== 'ticket.issued') continue;
    const t = e.data.ticketId;
    if (!printedBy.has(`${e.device}|${t}`) && !printedBy.has(`${e.data.kioskId}|${t}`)) continue;
    const key = `${e.day}|${e.data.areaId}|${e.data.number}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { day: e.day, areaId: e.data.areaId, number: e.data.number, ids: new Set() }));
    g.ids.add(e.id);
  }
  return [...groups.values()]
    .filter((g) => g.ids.size > 1)
    .map((g) => ({ day: g.day, areaId: g.areaId, number: g.number, issuances: [...g.ids].sort() }));
}

/** No ticket is held by two counters, and counters and tickets agree on who holds what. */
export function singleCounterPerTicket(s: QueueState): boolean {
  const holder = new Map<string, string>();
  for (const c of s.counters.values()) {
    for (const id of [...(c.current ? [c.current] : []), ...c.held]) {
      if (holder.has(id)) return false;
      holder.set(id, c.id);
    }
  }
  for (const t of s.tickets.values()) {
    const active = t.status === 'called' || t.status === 'serving' || t.status === 'held';
    if (active !== holder.has(t.id)) return false;
    if (active && holder.get(t.id) !== t.counterId) return false;
  }
  return true;
}

/** Every call of a paper ticket came after it was printed. */
export function neverCalledUnprinted(events: readonly QueueEvent[], rejected: ReadonlySet<string>): boolean {
  const printed = new Set<string>();
  const needs = new Map<string, boolean>();
  for (const e of [...events].sort(compareEvents)) {
    if (rejected.has(e.id)) continue;
    if (e.type === 'ticket.issued') needs.set(e.data.ticketId, e.data.needsPrint);
    if (e.type === 'ticket.printed') printed.add(e.data.ticketId);
    if (e.type === 'ticket.called' && needs.get(e.data.ticketId) === true && !printed.has(e.data.ticketId))
      return false;
  }
  return true;
}

export function statsMatchRecount(
  config: CentreConfig,
  s: QueueState,
  events: readonly QueueEvent[],
): boolean {
  const stats = computeStatistics(s, config);
  const naive = recount(config, events, new Set(s.rejected.map((r) => r.eventId)));
  for (const a of config.areas) {
    const f = stats.areas[a.id]!;
    const n = naive.areas[a.id]!;
    if (
      f.issued !== n.issued ||
      f.served !== n.served ||
      f.noShow !== n.noShow ||
      f.waiting !== n.waiting ||
      f.waitMeanMin !== n.waitMeanMin ||
      f.serviceP90Min !== n.serviceP90Min
    )
      return false;
  }
  for (const c of config.counters) {
    const f = stats.counters[c.id]!;
    const n = naive.counters[c.id]!;
    if (f.served !== n.served || f.noShow !== n.noShow) return false;
  }
  return JSON.stringify(sortKeys(stats.centre.ratings)) === JSON.stringify(sortKeys(naive.ratings));
}

function sortKeys(o: Record<string, number>): [string, number][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** With one numbering authority, each area's numbers run from its first number without gaps. */
export function consecutiveNumbers(config: CentreConfig, s: QueueState): boolean {
  for (const a of config.areas) {
    const nums = [...(s.numbers.get(a.id)?.keys() ?? [])].sort((x, y) => x - y);
    if (nums.some((n, i) => n !== a.numberRange.from + i)) return false;
  }
  return true;
}
