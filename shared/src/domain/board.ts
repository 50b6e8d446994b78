/**
 * The hall board's view of a business day: every counter's current number, the last calls, how many wait per
 * area, and the conflicts the queue rules rejected. Pure: computed from a QueueState and the config, so the hub
 * publishes it (bus/state, for a display that has just started) and any device computes the same from its own
 * copy of the events, which keeps a board right while the hub is down.
 */
import type { CentreConfig } from '../config/schema.js';
import { displayNumber } from './numbering.js';
import type { QueueState } from './state.js';

export interface BoardCounter {
  readonly id: string;
  readonly number: number;
  readonly status: string;
  readonly pauseReason: string | null;
  readonly officerId: string | null;
  readonly current: { readonly ticketId: string; readonly display: string; readonly status: string } | null;
}

export interface BoardCall {
  readonly ticketId: string;
  readonly display: string;
  readonly counterNumber: number;
  readonly at: number;
}

export interface BoardConflict {
  readonly eventId: string;
  readonly type: string;
  readonly reason: string;
  readonly detail: string;
}

export interface BoardView {
  readonly day: string;
  readonly counters: readonly BoardCounter[];
  /** Waiting tickets per area id. */
  readonly waiting: Readonly<Record<string, number>>;
  /** Newest first. */
  readonly lastCalls: readonly BoardCall[];
  /** The last 20 rejected events (two counters calling one ticket while cut off, …). */
  readonly conflicts: readonly BoardConflict[];
}

export function boardView(s: QueueState, config: CentreConfig, lastN = 8): BoardView {
  const areaOf = new Map(config.areas.map((a) => [a.id, a]));
  const counterNo = new Map(config.counters.map((c) => [c.id, c.number]));
  const show = (ticketId: string): string => {
    const t = s.tickets.get(ticketId)!;
    const area = areaOf.get(t.areaId);
    return area ? displayNumber(area, t.number) : String(t.number);
  };
  const calls = [...s.tickets.values()]
    .filter((t) => t.lastCalledAt !== null && t.counterId !== null)
    .sort((a, b) => b.lastCalledAt! - a.lastCalledAt!)
    .slice(0, lastN);
  return {
    day: s.day,
    counters: config.counters.map((c) => {
      const st = s.counters.get(c.id);
      const cur = st?.current == null ? null : (s.tickets.get(st.current) ?? null);
      return {
        id: c.id,
        number: c.number,
        status: st?.status ?? 'closed',
        pauseReason: st?.pauseReason ?? null,
        officerId: st?.officerId ?? null,
        current: cur ? { ticketId: cur.id, display: show(cur.id), status: cur.status } : null,
      };
    }),
    waiting: Object.fromEntries(config.areas.map((a) => [a.id, s.waitingByArea.get(a.id)?.size ?? 0])),
    lastCalls: calls.map((t) => ({
      ticketId: t.id,
      display: show(t.id),
      counterNumber: counterNo.get(t.counterId!) ?? 0,
      at: t.lastCalledAt!,
    })),
    conflicts: s.rejected.slice(-20).map((r) => ({ ...r })),
  };
}
