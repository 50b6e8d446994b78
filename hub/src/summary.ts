/** The retained bus/state summary: what a display that has just started needs to show at once. */
import { displayNumber, type CentreConfig, type QueueState } from '@motcua/shared';

export interface StateSummary {
  day: string;
  counters: {
    id: string;
    number: number;
    status: string;
    pauseReason: string | null;
    officerId: string | null;
    current: { ticketId: string; display: string; status: string } | null;
  }[];
  waiting: Record<string, number>;
  lastCalls: { ticketId: string; display: string; counterNumber: number; at: number }[];
  conflicts: { eventId: string; type: string; reason: string; detail: string }[];
}

export function summarise(s: QueueState, config: CentreConfig, lastN = 8): StateSummary {
  const areaOf = new Map(config.areas.map((a) => [a.id, a]));
  const counterNo = new Map(config.counters.map((c) => [c.id, c.number]));
  const show = (ticketId: string): string => {
    const t = s.tickets.get(ticketId)!;
    return displayNumber(areaOf.get(t.areaId)!, t.number);
  };
  const calls = [...s.tickets.values()]
    .filter((t) => t.lastCalledAt !== null && t.counterId !== null)
    .sort((a, b) => b.lastCalledAt! - a.lastCalledAt!)
    .slice(0, lastN);
  return {
    day: s.day,
    counters: config.counters.map((c) => {
      const st = s.counters.get(c.id)!;
      const cur = st.current === null ? null : s.tickets.get(st.current)!;
      return {
        id: c.id,
        number: c.number,
        status: st.status,
        pauseReason: st.pauseReason,
        officerId: st.officerId,
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
