/**
 * Intents: what a kiosk, an officer or a rating pad asks for, checked against the state and turned into event
 * drafts. Pure. The checks here are the user-facing ones (with a reason code for the screen); the reducer is
 * the final authority and rejects anything these let through.
 */
import type { CentreConfig } from '../config/schema.js';
import { RATING_COMMENT_MAX, cleanComment, commentLength } from './comment.js';
import { makeTicketId, type EventDraft } from './events.js';
import { issuingWindow } from './hours.js';
import { counterServes } from './reduce.js';
import { isCallable, pickNext } from './order.js';
import type { QueueState, TicketState } from './state.js';

export type CommandReason =
  | 'unknown-area'
  | 'unknown-counter'
  | 'unknown-ticket'
  | 'unknown-officer'
  | 'unknown-priority'
  | 'unknown-rating'
  | 'centre-closed'
  | 'outside-hours'
  | 'issuing-stopped'
  | 'quota-reached'
  | 'range-exhausted'
  | 'queue-empty'
  | 'counter-not-open'
  | 'counter-busy'
  | 'no-current-ticket'
  | 'wrong-status'
  | 'not-printed'
  | 'area-not-served'
  | 'already-rated'
  /** A rating comment longer than RATING_COMMENT_MAX once cleaned. */
  | 'comment-too-long';

export type CommandResult =
  | { readonly ok: true; readonly drafts: readonly EventDraft[]; readonly ticketId: string | null }
  | { readonly ok: false; readonly reason: CommandReason; readonly message: string };

const no = (reason: CommandReason, message: string): CommandResult => ({ ok: false, reason, message });
const yes = (drafts: EventDraft[], ticketId: string | null = null): CommandResult => ({
  ok: true,
  drafts,
  ticketId,
});

export interface IssueRequest {
  readonly areaId: string;
  readonly priority: string | null;
  readonly kioskId: string;
  readonly needsPrint: boolean;
  /** Set when the number comes from elsewhere (a leased block); otherwise the next free number. */
  readonly number?: number;
  readonly series?: 'hub' | 'lease' | 'kiosk' | 'local';
}

export function issueTicket(
  s: QueueState,
  config: CentreConfig,
  req: IssueRequest,
  nowMs: number,
): CommandResult {
  const area = config.areas.find((a) => a.id === req.areaId);
  if (!area) return no('unknown-area', `unknown area ${req.areaId}`);
  if (req.priority !== null && !config.priorityCategories.some((p) => p.id === req.priority))
    return no('unknown-priority', `unknown priority category ${req.priority}`);
  const window = issuingWindow(config, nowMs);
  if (!window.open) return no(window.reason, `issuing is closed (${window.reason})`);
  const st = s.areas.get(area.id)!;
  if (st.issued >= area.dailyQuota)
    return no('quota-reached', `${area.name}: daily quota of ${area.dailyQuota} reached`);
  const number = req.number ?? Math.max(st.lastNumber + 1, area.numberRange.from);
  if (req.number === undefined && number > area.numberRange.to)
    return no('range-exhausted', `${area.name}: numbers up to ${area.numberRange.to} are used`);
  const ticketId = makeTicketId(config.centre.id, s.day, area.id, number);
  return yes(
    [
      {
        type: 'ticket.issued',
        data: {
          ticketId,
          areaId: area.id,
          number,
          priority: req.priority,
          kioskId: req.kioskId,
          needsPrint: req.needsPrint,
          series: req.series ?? 'local',
        },
      },
    ],
    ticketId,
  );
}

function openCounter(s: QueueState, counterId: string): CommandResult | null {
  const c = s.counters.get(counterId);
  if (!c) return no('unknown-counter', `unknown counter ${counterId}`);
  if (c.status !== 'open') return no('counter-not-open', `counter ${counterId} is ${c.status}`);
  return null;
}

/** Drafts that end what the counter is doing now, so "next" means "done with this one, call the next". */
function finishCurrent(s: QueueState, counterId: string): EventDraft[] {
  const cur = s.counters.get(counterId)?.current;
  return cur ? [{ type: 'ticket.finished', data: { ticketId: cur, counterId, dossierCode: null } }] : [];
}

export function callNext(s: QueueState, config: CentreConfig, counterId: string): CommandResult {
  const bad = openCounter(s, counterId);
  if (bad) return bad;
  const next = pickNext(s, config, counterId);
  if (!next) return no('queue-empty', 'nobody is waiting for this counter');
  const officerId = s.counters.get(counterId)!.officerId;
  return yes(
    [
      ...finishCurrent(s, counterId),
      { type: 'ticket.called', data: { ticketId: next.id, counterId, officerId } },
    ],
    next.id,
  );
}

/** Calls one given ticket (a citizen showing a paper ticket, or a number typed on the keypad). */
export function callTicket(
  s: QueueState,
  config: CentreConfig,
  counterId: string,
  ticketId: string,
): CommandResult {
  const bad = openCounter(s, counterId);
  if (bad) return bad;
  const t = s.tickets.get(ticketId);
  if (!t) return no('unknown-ticket', `unknown ticket ${ticketId}`);
  if (t.needsPrint && !t.printed && t.status === 'waiting')
    return no('not-printed', `ticket ${ticketId} was never printed`);
  if (!isCallable(t)) return no('wrong-status', `ticket ${ticketId} is ${t.status}`);
  if (
    t.directedCounterId !== null
      ? t.directedCounterId !== counterId
      : !counterServes(config, counterId, t.queueAreaId)
  )
    return no('area-not-served', `counter ${counterId} does not serve this ticket`);
  const officerId = s.counters.get(counterId)!.officerId;
  return yes(
    [...finishCurrent(s, counterId), { type: 'ticket.called', data: { ticketId, counterId, officerId } }],
    ticketId,
  );
}

function current(s: QueueState, counterId: string, statuses: readonly string[]): TicketState | CommandResult {
  const c = s.counters.get(counterId);
  if (!c) return no('unknown-counter', `unknown counter ${counterId}`);
  if (c.current === null) return no('no-current-ticket', `counter ${counterId} has no current ticket`);
  const t = s.tickets.get(c.current)!;
  if (!statuses.includes(t.status)) return no('wrong-status', `ticket ${t.id} is ${t.status}`);
  return t;
}

type CurrentAction = 'recall' | 'start' | 'finish' | 'no-show';

export function actOnCurrent(
  s: QueueState,
  counterId: string,
  action: CurrentAction,
  dossierCode: string | null = null,
): CommandResult {
  const allowed = action === 'finish' ? ['called', 'serving'] : ['called'];
  const t = current(s, counterId, allowed);
  if (!('id' in t)) return t;
  const ref = { ticketId: t.id, counterId };
  switch (action) {
    case 'recall':
      return yes([{ type: 'ticket.recalled', data: ref }], t.id);
    case 'start':
      return yes([{ type: 'ticket.started', data: ref }], t.id);
    case 'finish':
      return yes([{ type: 'ticket.finished', data: { ...ref, dossierCode } }], t.id);
    case 'no-show':
      return yes([{ type: 'ticket.no_show', data: ref }], t.id);
    default: {
      const never: never = action;
      return never;
    }
  }
}

export function transferCurrent(
  s: QueueState,
  config: CentreConfig,
  counterId: string,
  to: { kind: 'area'; areaId: string } | { kind: 'counter'; counterId: string },
  toFront = false,
  note?: string,
): CommandResult {
  const t = current(s, counterId, ['called', 'serving']);
  if (!('id' in t)) return t;
  if (to.kind === 'area' && !config.areas.some((a) => a.id === to.areaId))
    return no('unknown-area', `unknown area ${to.areaId}`);
  if (to.kind === 'counter' && !s.counters.has(to.counterId))
    return no('unknown-counter', `unknown counter ${to.counterId}`);
  // An empty note is no note: the field stays absent, so events without one are byte-identical to before.
  const text = note?.trim() ?? '';
  const data = { ticketId: t.id, counterId, to, toFront, ...(text === '' ? {} : { note: text }) };
  return yes([{ type: 'ticket.transferred', data }], t.id);
}

export function holdCurrent(s: QueueState, counterId: string, reason: string): CommandResult {
  const t = current(s, counterId, ['called', 'serving']);
  if (!('id' in t)) return t;
  return yes([{ type: 'ticket.held', data: { ticketId: t.id, counterId, reason } }], t.id);
}

export function returnHeld(s: QueueState, counterId: string, ticketId: string): CommandResult {
  const bad = openCounter(s, counterId);
  if (bad) return bad;
  const c = s.counters.get(counterId)!;
  if (!c.held.has(ticketId)) return no('wrong-status', `ticket ${ticketId} is not held at ${counterId}`);
  if (c.current !== null) return no('counter-busy', `counter ${counterId} is serving ${c.current}`);
  return yes([{ type: 'ticket.returned', data: { ticketId, counterId } }], ticketId);
}

export function cancelTicket(s: QueueState, ticketId: string, reason: string): CommandResult {
  const t = s.tickets.get(ticketId);
  if (!t) return no('unknown-ticket', `unknown ticket ${ticketId}`);
  if (t.status !== 'waiting' && t.status !== 'held')
    return no('wrong-status', `ticket ${ticketId} is ${t.status}`);
  return yes([{ type: 'ticket.cancelled', data: { ticketId, reason } }], ticketId);
}

export function printOutcome(
  s: QueueState,
  ticketId: string,
  outcome:
    | { kind: 'printed'; copies: number }
    | { kind: 'failed'; reason: string }
    | { kind: 'voided'; reason: string },
): CommandResult {
  const t = s.tickets.get(ticketId);
  if (!t) return no('unknown-ticket', `unknown ticket ${ticketId}`);
  switch (outcome.kind) {
    case 'printed':
      if (t.status === 'voided' || t.status === 'cancelled')
        return no('wrong-status', `ticket ${ticketId} is ${t.status}`);
      return yes([{ type: 'ticket.printed', data: { ticketId, copies: outcome.copies } }], ticketId);
    case 'failed':
      return yes([{ type: 'ticket.print_failed', data: { ticketId, reason: outcome.reason } }], ticketId);
    case 'voided':
      if (t.status !== 'waiting') return no('wrong-status', `ticket ${ticketId} is ${t.status}`);
      return yes([{ type: 'ticket.voided', data: { ticketId, reason: outcome.reason } }], ticketId);
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export function counterCommand(
  s: QueueState,
  counterId: string,
  action: { kind: 'open' } | { kind: 'pause'; reason: string } | { kind: 'close' },
): CommandResult {
  const c = s.counters.get(counterId);
  if (!c) return no('unknown-counter', `unknown counter ${counterId}`);
  switch (action.kind) {
    case 'open':
      return yes([{ type: 'counter.opened', data: { counterId } }]);
    case 'pause':
      if (c.status !== 'open') return no('counter-not-open', `counter ${counterId} is ${c.status}`);
      return yes([{ type: 'counter.paused', data: { counterId, reason: action.reason } }]);
    case 'close':
      if (c.current !== null) return no('counter-busy', `counter ${counterId} is serving ${c.current}`);
      return yes([{ type: 'counter.closed', data: { counterId } }]);
    default: {
      const never: never = action;
      return never;
    }
  }
}

export function officerCommand(
  s: QueueState,
  config: CentreConfig,
  counterId: string,
  officerId: string,
  action: 'login' | 'logout',
): CommandResult {
  if (!s.counters.has(counterId)) return no('unknown-counter', `unknown counter ${counterId}`);
  if (config.officers.length > 0 && !config.officers.some((o) => o.id === officerId))
    return no('unknown-officer', `unknown officer ${officerId}`);
  if (action === 'login') return yes([{ type: 'officer.logged_in', data: { officerId, counterId } }]);
  if (s.counters.get(counterId)!.officerId !== officerId)
    return no('wrong-status', `officer ${officerId} is not logged in at ${counterId}`);
  return yes([{ type: 'officer.logged_out', data: { officerId, counterId } }]);
}

export function rateService(
  s: QueueState,
  config: CentreConfig,
  r: {
    counterId: string;
    ticketId: string | null;
    level: number;
    reasons: string[];
    dossierCode: string | null;
    /** Free text; cleaned here (comment.ts), dropped when nothing is left. */
    comment?: string | null;
  },
): CommandResult {
  if (!s.counters.has(r.counterId)) return no('unknown-counter', `unknown counter ${r.counterId}`);
  const comment = r.comment == null ? '' : cleanComment(r.comment);
  if (commentLength(comment) > RATING_COMMENT_MAX)
    return no('comment-too-long', `the comment is longer than ${RATING_COMMENT_MAX} characters`);
  if (!config.rating.levels.some((l) => l.value === r.level))
    return no('unknown-rating', `unknown level ${r.level}`);
  if (r.reasons.some((x) => !config.rating.reasons.some((y) => y.id === x)))
    return no('unknown-rating', 'unknown reason');
  if (r.ticketId !== null) {
    const t = s.tickets.get(r.ticketId);
    if (!t) return no('unknown-ticket', `unknown ticket ${r.ticketId}`);
    if (t.status !== 'done' || t.counterId !== r.counterId)
      return no('wrong-status', 'ticket was not served here');
    if (t.rated) return no('already-rated', `ticket ${r.ticketId} was already rated`);
  }
  const data = {
    counterId: r.counterId,
    ticketId: r.ticketId,
    level: r.level,
    reasons: r.reasons,
    dossierCode: r.dossierCode,
    ...(comment === '' ? {} : { comment }),
  };
  return yes([{ type: 'rating.given', data }], r.ticketId);
}
