/**
 * QueueEngine: the state of one business day as a deterministic function of the *set* of its events.
 *
 * Events are deduplicated by id and folded in the canonical order (hlc, then id). An event that arrives after
 * a later one (normal when devices reconnect) is inserted in its place and the day is re-folded, so the order
 * of arrival never matters. In the usual case, events arrive in order and are applied one by one.
 */
import type { CentreConfig } from '../config/schema.js';
import { compareEvents, type QueueEvent } from './events.js';
import { applyEvent, emptyState, type ApplyOutcome } from './reduce.js';
import type { QueueState } from './state.js';

export type EngineOutcome =
  ApplyOutcome | { readonly applied: false; readonly reason: 'duplicate' | 'other-day' };

export class QueueEngine {
  private log: QueueEvent[] = [];
  private readonly ids = new Set<string>();
  private current: QueueState;
  private refolds = 0;

  constructor(
    private readonly config: CentreConfig,
    readonly day: string,
  ) {
    this.current = emptyState(config, day);
  }

  get state(): QueueState {
    return this.current;
  }

  get events(): readonly QueueEvent[] {
    return this.log;
  }

  /** How many times an out-of-order arrival forced a re-fold (for diagnostics). */
  get refoldCount(): number {
    return this.refolds;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  apply(e: QueueEvent): EngineOutcome {
    if (e.day !== this.day) return { applied: false, reason: 'other-day' };
    if (this.ids.has(e.id)) return { applied: false, reason: 'duplicate' };
    this.ids.add(e.id);
    const last = this.log[this.log.length - 1];
    if (last === undefined || compareEvents(last, e) < 0) {
      this.log.push(e);
      return applyEvent(this.current, this.config, e);
    }
    this.log.splice(this.insertionPoint(e), 0, e);
    this.refold();
    return this.current.rejected.some((r) => r.eventId === e.id)
      ? { applied: false, reason: this.current.rejected.find((r) => r.eventId === e.id)!.reason }
      : { applied: true };
  }

  /** Adds many events with at most one re-fold. Returns how many were new. */
  applyMany(events: Iterable<QueueEvent>): number {
    const fresh: QueueEvent[] = [];
    for (const e of events) {
      if (e.day !== this.day || this.ids.has(e.id)) continue;
      this.ids.add(e.id);
      fresh.push(e);
    }
    if (fresh.length === 0) return 0;
    fresh.sort(compareEvents);
    const last = this.log[this.log.length - 1];
    if (last === undefined || compareEvents(last, fresh[0]!) < 0) {
      for (const e of fresh) {
        this.log.push(e);
        applyEvent(this.current, this.config, e);
      }
    } else {
      this.log = mergeSorted(this.log, fresh);
      this.refold();
    }
    return fresh.length;
  }

  private insertionPoint(e: QueueEvent): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEvents(this.log[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private refold(): void {
    this.refolds++;
    const s = emptyState(this.config, this.day);
    for (const e of this.log) applyEvent(s, this.config, e);
    this.current = s;
  }
}

function mergeSorted(a: QueueEvent[], b: QueueEvent[]): QueueEvent[] {
  const out: QueueEvent[] = new Array<QueueEvent>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEvents(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Builds the state of `day` from any collection of events, in any order, with duplicates. */
export function foldEvents(config: CentreConfig, day: string, events: Iterable<QueueEvent>): QueueEngine {
  const engine = new QueueEngine(config, day);
  engine.applyMany(events);
  return engine;
}
