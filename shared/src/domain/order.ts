/**
 * Who is called next, and derived waiting figures. Pure functions of the state and the config.
 */
import type { CentreConfig, PriorityPolicy } from '../config/schema.js';
import type { AreaState, QueueState, TicketState } from './state.js';

export function isCallable(t: TicketState): boolean {
  return t.status === 'waiting' && (!t.needsPrint || t.printed);
}

/** Queue order within one class: front-of-queue transfers, then by time, then by issue stamp. */
export function compareQueue(a: TicketState, b: TicketState): number {
  if (a.queueFront !== b.queueFront) return a.queueFront ? -1 : 1;
  if (a.queueTime !== b.queueTime) return a.queueTime - b.queueTime;
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
}

export function policyFor(config: CentreConfig, areaId: string): PriorityPolicy {
  return config.areas.find((a) => a.id === areaId)?.priorityPolicy ?? config.priorityPolicy;
}

interface Streak {
  normalSincePriority: number;
  consecutivePriority: number;
}

/** Whether the policy takes a priority ticket now, given both classes are non-empty. */
function takePriority(policy: PriorityPolicy, streak: Streak): boolean {
  const capped = policy.maxConsecutive !== null && streak.consecutivePriority >= policy.maxConsecutive;
  switch (policy.mode) {
    case 'priority-first':
      return !capped;
    case 'interleave':
      return !capped && streak.normalSincePriority >= policy.everyN;
    case 'fifo':
      return false;
    default: {
      const never: never = policy.mode;
      return never;
    }
  }
}

function sortedClasses(
  s: QueueState,
  ids: Iterable<string>,
  alsoId?: string,
): { priority: TicketState[]; normal: TicketState[] } {
  const priority: TicketState[] = [];
  const normal: TicketState[] = [];
  for (const id of ids) {
    const t = s.tickets.get(id)!;
    if (!isCallable(t) && !(id === alsoId && t.status === 'waiting')) continue;
    (t.priority !== null ? priority : normal).push(t);
  }
  priority.sort(compareQueue);
  normal.sort(compareQueue);
  return { priority, normal };
}

/**
 * The order in which the area's waiting tickets would be called if nothing else changed. Used for "people
 * ahead" and for picking the next ticket, so the two always agree.
 */
export function areaCallOrder(
  s: QueueState,
  config: CentreConfig,
  areaId: string,
  alsoId?: string,
): TicketState[] {
  const area: AreaState | undefined = s.areas.get(areaId);
  const ids = s.waitingByArea.get(areaId);
  if (!area || !ids) return [];
  const policy = policyFor(config, areaId);
  const { priority, normal } = sortedClasses(s, ids, alsoId);
  if (policy.mode === 'fifo') return [...priority, ...normal].sort(compareQueue);
  const out: TicketState[] = [];
  const streak: Streak = {
    normalSincePriority: area.normalSincePriority,
    consecutivePriority: area.consecutivePriority,
  };
  let p = 0;
  let n = 0;
  while (p < priority.length || n < normal.length) {
    const usePriority = p < priority.length && (n >= normal.length || takePriority(policy, streak));
    if (usePriority) {
      out.push(priority[p++]!);
      streak.consecutivePriority++;
      streak.normalSincePriority = 0;
    } else {
      out.push(normal[n++]!);
      streak.consecutivePriority = 0;
      streak.normalSincePriority++;
    }
  }
  return out;
}

/**
 * The first of areaCallOrder(s, config, areaId), found in one pass without sorting the queue (calling "next"
 * needs only the head; a provincial area may hold hundreds waiting).
 */
export function areaHead(s: QueueState, config: CentreConfig, areaId: string): TicketState | null {
  const area: AreaState | undefined = s.areas.get(areaId);
  const ids = s.waitingByArea.get(areaId);
  if (!area || !ids) return null;
  let priority: TicketState | null = null;
  let normal: TicketState | null = null;
  for (const id of ids) {
    const t = s.tickets.get(id)!;
    if (!isCallable(t)) continue;
    if (t.priority !== null) {
      if (priority === null || compareQueue(t, priority) < 0) priority = t;
    } else if (normal === null || compareQueue(t, normal) < 0) normal = t;
  }
  if (priority === null || normal === null) return priority ?? normal;
  const policy = policyFor(config, areaId);
  if (policy.mode === 'fifo') return compareQueue(priority, normal) <= 0 ? priority : normal;
  return takePriority(policy, area) ? priority : normal;
}

/**
 * The ticket the counter should call next: first anything transferred to this counter, then its areas in its
 * order of preference. Null when nobody waits for it.
 */
export function pickNext(s: QueueState, config: CentreConfig, counterId: string): TicketState | null {
  const directed = s.waitingByCounter.get(counterId);
  if (directed && directed.size > 0) {
    const list = [...directed].map((id) => s.tickets.get(id)!).filter(isCallable);
    list.sort(compareQueue);
    if (list.length > 0) return list[0]!;
  }
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) return null;
  for (const areaId of counter.areas) {
    const first = areaHead(s, config, areaId);
    if (first) return first;
  }
  return null;
}

/** People ahead of a waiting ticket in its queue; null when it is not waiting. */
export function peopleAhead(s: QueueState, config: CentreConfig, ticketId: string): number | null {
  const t = s.tickets.get(ticketId);
  if (!t || t.status !== 'waiting') return null;
  if (t.directedCounterId !== null) {
    const list = [...(s.waitingByCounter.get(t.directedCounterId) ?? [])].map((id) => s.tickets.get(id)!);
    return list.filter((o) => isCallable(o) && compareQueue(o, t) < 0).length;
  }
  // A ticket that is not callable yet (the kiosk counts before printing) takes the place it will have once
  // printed: among its own class, so a priority ticket is not counted behind every normal one issued before.
  const order = areaCallOrder(s, config, t.queueAreaId, t.id);
  const i = order.findIndex((o) => o.id === t.id);
  return i >= 0 ? i : order.filter((o) => compareQueue(o, t) < 0).length;
}

export function meanServiceMinutes(s: QueueState, config: CentreConfig, areaId: string): number {
  const samples = s.areas.get(areaId)?.recentServiceMs ?? [];
  const fallback = config.areas.find((a) => a.id === areaId)?.defaultServiceMinutes ?? 10;
  // Until a few citizens have been served today, lean on the configured figure.
  if (samples.length < 3) return fallback;
  return samples.reduce((x, y) => x + y, 0) / samples.length / 60_000;
}

export function openCountersFor(s: QueueState, config: CentreConfig, areaId: string): number {
  return config.counters.filter((c) => c.areas.includes(areaId) && s.counters.get(c.id)?.status === 'open')
    .length;
}
