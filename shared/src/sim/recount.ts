/**
 * A deliberately naive recount of the day's figures straight from the event list, written independently of
 * the reducer and stats modules. Tests and `motcua simulate` compare it with computeStatistics.
 */
import type { CentreConfig } from '../config/schema.js';
import { compareEvents, hlcMs, type QueueEvent } from '../domain/events.js';
import { mean, p90, type Figures } from '../domain/stats.js';

interface T {
  area: string;
  issuedAt: number;
  firstCall: number | null;
  lastCall: number | null;
  started: number | null;
  finished: number | null;
  end: 'done' | 'no_show' | null;
  waiting: boolean;
  counter: string | null;
  officer: string | null;
}

export interface Recount {
  areas: Record<
    string,
    Pick<Figures, 'issued' | 'served' | 'noShow' | 'waiting' | 'waitMeanMin' | 'serviceP90Min'>
  >;
  counters: Record<string, { served: number; noShow: number }>;
  ratings: Record<string, number>;
}

/** `rejected` are the ids of events the rules refused; they change nothing. */
export function recount(
  config: CentreConfig,
  events: readonly QueueEvent[],
  rejected: ReadonlySet<string>,
): Recount {
  const seen = new Set<string>();
  const list = events
    .filter((e) => {
      if (seen.has(e.id)) return false;
      seen.add(e.id);
      return !rejected.has(e.id);
    })
    .sort(compareEvents);
  const tickets = new Map<string, T>();
  const officerAt = new Map<string, string | null>();
  const ratings: Record<string, number> = {};
  for (const e of list) {
    const at = hlcMs(e);
    const d = e.data as Record<string, unknown>;
    const t = typeof d.ticketId === 'string' ? tickets.get(d.ticketId) : undefined;
    switch (e.type) {
      case 'ticket.issued':
        tickets.set(e.data.ticketId, {
          area: e.data.areaId,
          issuedAt: at,
          firstCall: null,
          lastCall: null,
          started: null,
          finished: null,
          end: null,
          waiting: true,
          counter: null,
          officer: null,
        });
        break;
      case 'officer.logged_in':
        officerAt.set(e.data.counterId, e.data.officerId);
        break;
      case 'officer.logged_out':
        officerAt.set(e.data.counterId, null);
        break;
      case 'ticket.called':
        if (t) {
          t.firstCall ??= at;
          t.lastCall = at;
          t.started = null;
          t.waiting = false;
          t.counter = e.data.counterId;
          t.officer = e.data.officerId ?? officerAt.get(e.data.counterId) ?? null;
        }
        break;
      case 'ticket.recalled':
        if (t) t.lastCall = at;
        break;
      case 'ticket.started':
        if (t) t.started = at;
        break;
      case 'ticket.returned':
        if (t) t.started ??= at;
        break;
      case 'ticket.finished':
        if (t) {
          t.finished = at;
          t.end = 'done';
        }
        break;
      case 'ticket.no_show':
        if (t) t.end = 'no_show';
        break;
      case 'ticket.transferred':
        if (t) {
          t.waiting = true;
          t.started = null;
        }
        break;
      case 'ticket.cancelled':
      case 'ticket.voided':
        if (t) t.waiting = false;
        break;
      case 'rating.given':
        ratings[String(e.data.level)] = (ratings[String(e.data.level)] ?? 0) + 1;
        break;
      case 'ticket.printed':
      case 'ticket.print_failed':
      case 'ticket.held':
      case 'counter.opened':
      case 'counter.paused':
      case 'counter.closed':
        break;
      default: {
        const never: never = e;
        throw new Error(`unhandled ${(never as QueueEvent).type}`);
      }
    }
  }
  const areas: Recount['areas'] = {};
  for (const a of config.areas) {
    const ts = [...tickets.values()].filter((t) => t.area === a.id);
    const waits = ts.filter((t) => t.firstCall !== null).map((t) => (t.firstCall! - t.issuedAt) / 60_000);
    const services = ts
      .filter((t) => t.end === 'done')
      .map((t) => (t.finished! - (t.started ?? t.lastCall!)) / 60_000);
    const r2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
    areas[a.id] = {
      issued: ts.length,
      served: ts.filter((t) => t.end === 'done').length,
      noShow: ts.filter((t) => t.end === 'no_show').length,
      waiting: ts.filter((t) => t.waiting).length,
      waitMeanMin: r2(mean(waits)),
      serviceP90Min: r2(p90(services)),
    };
  }
  const counters: Recount['counters'] = {};
  for (const c of config.counters) {
    const ts = [...tickets.values()].filter((t) => t.counter === c.id);
    counters[c.id] = {
      served: ts.filter((t) => t.end === 'done').length,
      noShow: ts.filter((t) => t.end === 'no_show').length,
    };
  }
  return { areas, counters, ratings };
}
