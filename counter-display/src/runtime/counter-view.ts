/**
 * What the officer's panel shows, computed from the counter's copy of the queue state: the counter and its
 * officer, the current and held tickets (with a transfer's note), the waiting count and next numbers of each
 * area it serves, tickets transferred to it, the day's figures, the log-in list (who needs a PIN, who is locked
 * out), the pause reasons, and when a recall is allowed again. JSON only: it crosses to the screen as is.
 */
import {
  areaCallOrder,
  computeStatistics,
  displayNumber,
  isCallable,
  type CentreConfig,
  type QueueState,
  type TicketState,
} from '@motcua/shared';
import type { PinGate } from './officer-pin.js';

export interface CounterTicketView {
  readonly ticketId: string;
  readonly display: string;
  readonly areaId: string;
  readonly number: number;
  readonly status: string;
  readonly priority: string | null;
  readonly callCount: number;
  /** The note sent with the transfer that brought it here, and the number of the counter that sent it. */
  readonly transferNote: string | null;
  readonly fromCounter: number | null;
}

export interface CounterOfficerView {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  /** Must type a PIN to log in here. */
  readonly pin: boolean;
  /** Seconds until log-in is allowed again after too many wrong PINs (0: not locked). */
  readonly lockedForS: number;
  readonly attemptsLeft: number;
}

export interface CounterView {
  /** Which page set the screen shows. */
  readonly role: 'counter';
  readonly counterId: string;
  readonly number: number;
  readonly day: string;
  /** The runtime's clock when the view was made (ms): the screen counts down from it. */
  readonly now: number;
  readonly hubOnline: boolean;
  readonly status: 'closed' | 'open' | 'paused';
  readonly pauseReason: string | null;
  readonly officer: { readonly id: string; readonly name: string | null } | null;
  readonly current: CounterTicketView | null;
  readonly held: readonly CounterTicketView[];
  /** Waiting tickets per area this counter serves (in its order of preference), with the next few numbers. */
  readonly waiting: readonly {
    readonly areaId: string;
    readonly name: string;
    readonly nameEn: string | null;
    readonly count: number;
    readonly next: readonly CounterTicketView[];
    /** The area's number range: a typed number belongs to the area whose range holds it. */
    readonly from: number;
    readonly to: number;
  }[];
  /** Tickets transferred to this counter by name, waiting (called first by "next"). */
  readonly directed: readonly CounterTicketView[];
  /** Areas "call next" can take while the hub is unreachable. */
  readonly soleAreas: readonly string[];
  /** Seconds until the current ticket may be recalled (0: now, or nothing to recall). */
  readonly recallReadyInS: number;
  readonly recallIntervalS: number;
  readonly pauseReasons: readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  readonly officers: readonly CounterOfficerView[];
  /** Transfer targets. */
  readonly areas: readonly { readonly id: string; readonly name: string; readonly nameEn: string | null }[];
  readonly counters: readonly {
    readonly id: string;
    readonly number: number;
    readonly name: string | null;
  }[];
  /** This counter's figures for the day. */
  readonly figures: {
    readonly served: number;
    readonly noShow: number;
    readonly serviceMeanMin: number | null;
  };
}

export interface ViewInputs {
  readonly config: CentreConfig;
  readonly counterId: string;
  readonly day: string;
  readonly now: number;
  readonly hubOnline: boolean;
  readonly soleAreas: readonly string[];
  readonly pins: PinGate;
}

/** Seconds left before the ticket's next recall is allowed. */
export function recallWaitS(t: TicketState | undefined, intervalS: number, now: number): number {
  if (t?.status !== 'called' || t.lastCalledAt === null) return 0;
  // lastCalledAt is the hub's stamp; a device clock a little behind it must not make the wait longer than the
  // interval itself.
  return Math.min(intervalS, Math.max(0, Math.ceil((t.lastCalledAt + intervalS * 1000 - now) / 1000)));
}

export function counterView(s: QueueState, i: ViewInputs): CounterView {
  const { config, counterId } = i;
  const counter = config.counters.find((c) => c.id === counterId)!;
  const areaOf = new Map(config.areas.map((a) => [a.id, a]));
  const numberOf = new Map(config.counters.map((c) => [c.id, c.number]));
  const ticketView = (t: TicketState | undefined): CounterTicketView | null => {
    const area = t ? areaOf.get(t.areaId) : undefined;
    if (!t || !area) return null;
    return {
      ticketId: t.id,
      display: displayNumber(area, t.number),
      areaId: t.areaId,
      number: t.number,
      status: t.status,
      priority: t.priority,
      callCount: t.callCount,
      transferNote: t.transferNote,
      fromCounter: t.transferredFrom === null ? null : (numberOf.get(t.transferredFrom) ?? null),
    };
  };
  const some = <T>(x: T | null): x is T => x !== null;
  const c = s.counters.get(counterId);
  const officerId = c?.officerId ?? null;
  const currentTicket = c?.current == null ? undefined : s.tickets.get(c.current);
  const panel = config.counterPanel;
  const mine = computeStatistics(s, config).counters[counterId];
  const directed = [...(s.waitingByCounter.get(counterId) ?? [])]
    .map((id) => s.tickets.get(id))
    .filter((t): t is TicketState => t !== undefined && isCallable(t))
    .sort((a, b) => a.queueTime - b.queueTime);
  return {
    role: 'counter',
    counterId,
    number: counter.number,
    day: i.day,
    now: i.now,
    hubOnline: i.hubOnline,
    status: c?.status ?? 'closed',
    pauseReason: c?.pauseReason ?? null,
    officer:
      officerId === null
        ? null
        : { id: officerId, name: config.officers.find((x) => x.id === officerId)?.name ?? null },
    current: ticketView(currentTicket),
    held: [...(c?.held ?? [])].map((t) => ticketView(s.tickets.get(t))).filter(some),
    waiting: counter.areas.map((a) => {
      const order = areaCallOrder(s, config, a).filter(isCallable);
      return {
        areaId: a,
        name: areaOf.get(a)?.name ?? a,
        nameEn: areaOf.get(a)?.nameEn ?? null,
        count: order.length,
        next: order.slice(0, panel.nextNumbersShown).map(ticketView).filter(some),
        from: areaOf.get(a)?.numberRange.from ?? 0,
        to: areaOf.get(a)?.numberRange.to ?? 0,
      };
    }),
    directed: directed.map(ticketView).filter(some),
    soleAreas: i.soleAreas,
    recallReadyInS: recallWaitS(currentTicket, panel.recallIntervalS, i.now),
    recallIntervalS: panel.recallIntervalS,
    pauseReasons: panel.pauseReasons,
    officers: config.officers.map((o) => ({
      id: o.id,
      name: o.name,
      title: o.title ?? null,
      pin: i.pins.needsPin(o.id),
      lockedForS: i.pins.lockedForS(o.id),
      attemptsLeft: i.pins.attemptsLeft(o.id),
    })),
    areas: config.areas.map((a) => ({ id: a.id, name: a.name, nameEn: a.nameEn ?? null })),
    counters: config.counters
      .filter((x) => x.id !== counterId)
      .map((x) => ({ id: x.id, number: x.number, name: x.name ?? null })),
    figures: {
      served: mine?.served ?? 0,
      noShow: mine?.noShow ?? 0,
      serviceMeanMin: mine?.serviceMeanMin ?? null,
    },
  };
}
