/**
 * The queue rules as a fold over events. `applyEvent` checks one event against the state and either applies it
 * or records a rejection; it never throws on bad data. Because events are always folded in the canonical order
 * (see QueueEngine), the same set of events gives the same state on every device. When two devices did
 * conflicting things while cut off (two counters called the same ticket, two kiosks issued the same number),
 * the one later in that order is rejected here, and the rejection is what the supervisor sees.
 */
import type { CentreConfig } from '../config/schema.js';
import { hlcMs, type EventOf, type QueueEvent } from './events.js';
import {
  RECENT_SERVICE_SAMPLES,
  type AreaState,
  type CounterState,
  type QueueState,
  type RejectReason,
  type TicketState,
} from './state.js';

export function emptyState(config: CentreConfig, day: string): QueueState {
  const counters = new Map<string, CounterState>();
  for (const c of config.counters)
    counters.set(c.id, {
      id: c.id,
      status: 'closed',
      pauseReason: null,
      pausedAt: null,
      pauses: [],
      officerId: null,
      current: null,
      held: new Set(),
    });
  const areas = new Map<string, AreaState>();
  const waitingByArea = new Map<string, Set<string>>();
  for (const a of config.areas) {
    const everyN = (a.priorityPolicy ?? config.priorityPolicy).everyN;
    areas.set(a.id, {
      id: a.id,
      lastNumber: 0,
      issued: 0,
      normalSincePriority: everyN,
      consecutivePriority: 0,
      recentServiceMs: [],
    });
    waitingByArea.set(a.id, new Set());
  }
  return {
    day,
    tickets: new Map(),
    numbers: new Map(config.areas.map((a) => [a.id, new Map<number, string>()])),
    counters,
    areas,
    officers: new Map(),
    ratings: [],
    rejected: [],
    waitingByArea,
    waitingByCounter: new Map(config.counters.map((c) => [c.id, new Set<string>()])),
  };
}

/**
 * Rejections are data, not faults, and re-folds can meet thousands of them: a plain sentinel avoids the cost of
 * capturing an Error stack for each.
 */
class Reject {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {}
}

/**
 * A call by the hub that meets a ticket or a counter taken by a device's own (offline) call. The hub answered
 * its call to an officer, who has called the citizen: that must stand. The engine re-folds with the device's
 * call set aside as `superseded`, and what the device did on top of it is rejected in turn as conflicts.
 */
class Overruled {
  constructor(readonly eventId: string) {}
}

function fail(reason: RejectReason, detail: string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- sentinel caught in applyEvent, never escapes
  throw new Reject(reason, detail);
}

export type ApplyOutcome =
  | { readonly applied: true }
  | { readonly applied: false; readonly reason: RejectReason }
  /** Not applied: a hub call overrules this earlier device event; the engine re-folds without it. */
  | { readonly applied: false; readonly reason: 'overrules'; readonly overruled: string };

/** Applies one event (already validated, of this state's day) and reports whether it was applied. */
export function applyEvent(state: QueueState, config: CentreConfig, e: QueueEvent): ApplyOutcome {
  try {
    apply(state, config, e);
    return { applied: true };
  } catch (err) {
    if (err instanceof Overruled) return { applied: false, reason: 'overrules', overruled: err.eventId };
    if (!(err instanceof Reject)) throw err;
    state.rejected.push({ eventId: e.id, type: e.type, reason: err.reason, detail: err.detail });
    return { applied: false, reason: err.reason };
  }
}

function apply(s: QueueState, config: CentreConfig, e: QueueEvent): void {
  const at = hlcMs(e);
  switch (e.type) {
    case 'ticket.issued':
      issue(s, config, e, at);
      return;
    case 'ticket.printed': {
      const t = ticket(s, e.data.ticketId);
      if (t.status === 'voided' || t.status === 'cancelled') fail('wrong-status', `ticket is ${t.status}`);
      t.printed = true;
      t.printFailure = null;
      return;
    }
    case 'ticket.print_failed': {
      const t = ticket(s, e.data.ticketId);
      if (!t.printed) t.printFailure = e.data.reason;
      return;
    }
    case 'ticket.voided': {
      const t = ticket(s, e.data.ticketId);
      if (t.status !== 'waiting') fail('wrong-status', `cannot void a ticket that is ${t.status}`);
      leaveQueue(s, t);
      t.status = 'voided';
      return;
    }
    case 'ticket.called':
      call(s, config, e, at);
      return;
    case 'ticket.recalled': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['called']);
      t.lastCalledAt = at;
      t.callCount++;
      return;
    }
    case 'ticket.started': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['called']);
      t.status = 'serving';
      t.startedAt = at;
      return;
    }
    case 'ticket.finished': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['called', 'serving']);
      t.status = 'done';
      t.finishedAt = at;
      counter(s, e.data.counterId).current = null;
      const samples = s.areas.get(t.areaId)!.recentServiceMs;
      samples.push(at - (t.startedAt ?? t.lastCalledAt ?? at));
      if (samples.length > RECENT_SERVICE_SAMPLES) samples.shift();
      return;
    }
    case 'ticket.no_show': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['called']);
      t.status = 'no_show';
      t.finishedAt = at;
      counter(s, e.data.counterId).current = null;
      return;
    }
    case 'ticket.transferred':
      transfer(s, config, e, at);
      return;
    case 'ticket.held': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['called', 'serving']);
      const c = counter(s, e.data.counterId);
      t.status = 'held';
      c.current = null;
      c.held.add(t.id);
      return;
    }
    case 'ticket.returned': {
      const t = owned(s, e.data.ticketId, e.data.counterId, ['held']);
      const c = counter(s, e.data.counterId);
      if (c.status !== 'open') fail('counter-not-open', `counter ${c.id} is ${c.status}`);
      if (c.current !== null) fail('counter-busy', `counter ${c.id} is serving ${c.current}`);
      c.held.delete(t.id);
      c.current = t.id;
      t.status = 'serving';
      t.startedAt ??= at;
      return;
    }
    case 'ticket.cancelled': {
      const t = ticket(s, e.data.ticketId);
      if (t.status === 'waiting') leaveQueue(s, t);
      else if (t.status === 'held') counter(s, t.counterId!).held.delete(t.id);
      else fail('wrong-status', `cannot cancel a ticket that is ${t.status}`);
      t.status = 'cancelled';
      t.counterId = null;
      return;
    }
    case 'counter.opened': {
      const c = counter(s, e.data.counterId);
      endPause(c, at);
      c.status = 'open';
      c.pauseReason = null;
      return;
    }
    case 'counter.paused': {
      const c = counter(s, e.data.counterId);
      if (c.status !== 'open') fail('counter-not-open', `counter ${c.id} is ${c.status}`);
      c.status = 'paused';
      c.pauseReason = e.data.reason;
      c.pausedAt = at;
      return;
    }
    case 'counter.closed': {
      const c = counter(s, e.data.counterId);
      if (c.current !== null) fail('counter-busy', `counter ${c.id} is serving ${c.current}`);
      endPause(c, at);
      c.status = 'closed';
      c.pauseReason = null;
      return;
    }
    case 'officer.logged_in': {
      const { officerId, counterId } = e.data;
      if (config.officers.length > 0 && !config.officers.some((o) => o.id === officerId))
        fail('unknown-officer', `unknown officer ${officerId}`);
      const c = counter(s, counterId);
      const before = s.officers.get(officerId);
      if (before !== undefined) counter(s, before).officerId = null;
      if (c.officerId !== null) s.officers.delete(c.officerId);
      c.officerId = officerId;
      s.officers.set(officerId, counterId);
      return;
    }
    case 'officer.logged_out': {
      const c = counter(s, e.data.counterId);
      if (c.officerId !== e.data.officerId) fail('counter-mismatch', `${e.data.officerId} is not at ${c.id}`);
      c.officerId = null;
      s.officers.delete(e.data.officerId);
      return;
    }
    case 'rating.given':
      rate(s, config, e, at);
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}

function ticket(s: QueueState, id: string): TicketState {
  return s.tickets.get(id) ?? fail('unknown-ticket', `unknown ticket ${id}`);
}

/** Closes the counter's pause, if any, into its list of today's pauses (a handful a day). */
function endPause(c: CounterState, at: number): void {
  if (c.pausedAt !== null) c.pauses.push([c.pausedAt, Math.max(c.pausedAt, at)]);
  c.pausedAt = null;
}

function counter(s: QueueState, id: string): CounterState {
  return s.counters.get(id) ?? fail('unknown-counter', `unknown counter ${id}`);
}

function owned(s: QueueState, ticketId: string, counterId: string, statuses: readonly string[]): TicketState {
  const t = ticket(s, ticketId);
  counter(s, counterId);
  if (!statuses.includes(t.status)) fail('wrong-status', `ticket ${t.id} is ${t.status}`);
  if (t.counterId !== counterId)
    fail('counter-mismatch', `ticket ${t.id} is at counter ${t.counterId ?? 'none'}`);
  return t;
}

function leaveQueue(s: QueueState, t: TicketState): void {
  s.waitingByArea.get(t.queueAreaId)?.delete(t.id);
  if (t.directedCounterId !== null) s.waitingByCounter.get(t.directedCounterId)?.delete(t.id);
}

function joinQueue(s: QueueState, t: TicketState): void {
  if (t.directedCounterId !== null) s.waitingByCounter.get(t.directedCounterId)!.add(t.id);
  else s.waitingByArea.get(t.queueAreaId)!.add(t.id);
}

function issue(s: QueueState, config: CentreConfig, e: EventOf<'ticket.issued'>, at: number): void {
  const d = e.data;
  const area = s.areas.get(d.areaId) ?? fail('unknown-area', `unknown area ${d.areaId}`);
  if (d.priority !== null && !config.priorityCategories.some((p) => p.id === d.priority))
    fail('unknown-priority', `unknown priority category ${d.priority}`);
  if (d.ticketId !== `${config.centre.id}:${e.day}:${d.areaId}:${d.number}`)
    fail('bad-ticket-id', `ticket id ${d.ticketId} does not match centre, day, area and number`);
  if (s.tickets.has(d.ticketId)) fail('duplicate-ticket', `ticket ${d.ticketId} was already issued`);
  const numbers = s.numbers.get(d.areaId)!;
  if (numbers.has(d.number)) fail('duplicate-number', `number ${d.number} of ${d.areaId} was already issued`);
  const t: TicketState = {
    id: d.ticketId,
    areaId: d.areaId,
    number: d.number,
    priority: d.priority,
    kioskId: d.kioskId,
    needsPrint: d.needsPrint,
    series: d.series,
    issuedAt: at,
    status: 'waiting',
    printed: false,
    printFailure: null,
    queueAreaId: d.areaId,
    directedCounterId: null,
    queueFront: false,
    queueTime: at,
    counterId: null,
    officerId: null,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    callCount: 0,
    callEvent: null,
    transfers: 0,
    transferNote: null,
    transferredFrom: null,
    rated: false,
    hlc: e.hlc,
  };
  s.tickets.set(t.id, t);
  numbers.set(d.number, t.id);
  area.issued++;
  area.lastNumber = Math.max(area.lastNumber, d.number);
  joinQueue(s, t);
}

/** The hub's device id (reserved in the config): its calls were assigned online and acknowledged. */
const HUB = 'hub';

function isDeviceCall(eventId: string | null): eventId is string {
  return eventId !== null && !eventId.startsWith(`${HUB}:`);
}

export function counterServes(config: CentreConfig, counterId: string, areaId: string): boolean {
  return config.counters.find((c) => c.id === counterId)?.areas.includes(areaId) ?? false;
}

function call(s: QueueState, config: CentreConfig, e: EventOf<'ticket.called'>, at: number): void {
  const t = ticket(s, e.data.ticketId);
  const c = counter(s, e.data.counterId);
  if (e.device === HUB) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- sentinel caught in applyEvent
    if (t.status !== 'waiting' && isDeviceCall(t.callEvent)) throw new Overruled(t.callEvent);
    const busy = c.current === null ? undefined : s.tickets.get(c.current);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- sentinel caught in applyEvent
    if (busy && isDeviceCall(busy.callEvent)) throw new Overruled(busy.callEvent);
  }
  if (t.status !== 'waiting') fail('not-callable', `ticket ${t.id} is ${t.status}`);
  if (t.needsPrint && !t.printed) fail('not-printed', `ticket ${t.id} was never printed`);
  if (c.status !== 'open') fail('counter-not-open', `counter ${c.id} is ${c.status}`);
  if (c.current !== null) fail('counter-busy', `counter ${c.id} is serving ${c.current}`);
  if (t.directedCounterId !== null) {
    if (t.directedCounterId !== c.id)
      fail('counter-mismatch', `ticket ${t.id} was sent to ${t.directedCounterId}`);
  } else if (!counterServes(config, c.id, t.queueAreaId)) {
    fail('area-not-served', `counter ${c.id} does not serve ${t.queueAreaId}`);
  }
  leaveQueue(s, t);
  if (t.directedCounterId === null) {
    const area = s.areas.get(t.queueAreaId)!;
    if (t.priority !== null) {
      area.consecutivePriority++;
      area.normalSincePriority = 0;
    } else {
      area.consecutivePriority = 0;
      area.normalSincePriority++;
    }
  }
  t.status = 'called';
  t.counterId = c.id;
  t.officerId = e.data.officerId ?? c.officerId;
  t.firstCalledAt ??= at;
  t.lastCalledAt = at;
  t.startedAt = null;
  t.callCount++;
  t.callEvent = e.id;
  c.current = t.id;
}

function transfer(s: QueueState, config: CentreConfig, e: EventOf<'ticket.transferred'>, at: number): void {
  const t = owned(s, e.data.ticketId, e.data.counterId, ['called', 'serving']);
  const to = e.data.to;
  if (to.kind === 'area') {
    if (!s.areas.has(to.areaId)) fail('unknown-area', `unknown area ${to.areaId}`);
  } else {
    counter(s, to.counterId);
  }
  counter(s, e.data.counterId).current = null;
  t.status = 'waiting';
  t.counterId = null;
  t.startedAt = null;
  t.transfers++;
  t.transferNote = e.data.note ?? null;
  t.transferredFrom = e.data.counterId;
  if (to.kind === 'area') {
    t.queueAreaId = to.areaId;
    t.directedCounterId = null;
  } else {
    t.directedCounterId = to.counterId;
  }
  const front = e.data.toFront || config.transferPlacement === 'front';
  t.queueFront = front;
  t.queueTime = front ? at : t.issuedAt;
  joinQueue(s, t);
}

function rate(s: QueueState, config: CentreConfig, e: EventOf<'rating.given'>, at: number): void {
  const d = e.data;
  const c = counter(s, d.counterId);
  if (!config.rating.levels.some((l) => l.value === d.level))
    fail('unknown-rating', `unknown level ${d.level}`);
  for (const r of d.reasons)
    if (!config.rating.reasons.some((x) => x.id === r)) fail('unknown-rating', `unknown reason ${r}`);
  let areaId: string | null = null;
  let officerId = c.officerId;
  if (d.ticketId !== null) {
    const t = ticket(s, d.ticketId);
    if (t.status !== 'done' || t.counterId !== c.id)
      fail('wrong-status', `ticket ${t.id} was not served at ${c.id}`);
    if (t.rated) fail('already-rated', `ticket ${t.id} was already rated`);
    t.rated = true;
    areaId = t.areaId;
    officerId = t.officerId;
  }
  s.ratings.push({
    eventId: e.id,
    counterId: c.id,
    officerId,
    areaId,
    level: d.level,
    reasons: d.reasons,
    dossierCode: d.dossierCode,
    comment: d.comment ?? null,
    at,
  });
}
