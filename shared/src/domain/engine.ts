/**
 * QueueEngine: the state of one business day as a deterministic function of the *set* of its events.
 *
 * Events are deduplicated by id and folded in the canonical order (hlc, then id). An event that arrives after
 * a later one (normal when devices reconnect) is inserted in its place and the day is re-folded, so the order
 * of arrival never matters. In the usual case, events arrive in order and are applied one by one.
 *
 * One rule reaches back in the order: a call the hub assigned online was acknowledged to an officer, so it is
 * never undone by a device's earlier offline call of the same ticket (or of another ticket at the same counter).
 * When a hub call meets such a device call, the day is re-folded with the device call set aside as `superseded`
 * (and what the device did on top of it is rejected as conflicts in turn). The calls set aside are found again
 * on every re-fold, from the events alone, so the result is still a function of the set of events.
 */
import type { CentreConfig } from '../config/schema.js';
import { compareEvents, type QueueEvent } from './events.js';
import { applyEvent, emptyState, type ApplyOutcome } from './reduce.js';
import type { QueueState } from './state.js';

export type EngineOutcome =
  | Exclude<ApplyOutcome, { reason: 'overrules' }>
  | { readonly applied: false; readonly reason: 'duplicate' | 'other-day' };

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
      const r = applyEvent(this.current, this.config, e);
      if (r.applied || r.reason !== 'overrules') return r;
    } else this.log.splice(this.insertionPoint(e), 0, e);
    this.refold();
    const rejected = this.current.rejected.find((r) => r.eventId === e.id);
    return rejected ? { applied: false, reason: rejected.reason } : { applied: true };
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
      let overrules = false;
      for (const e of fresh) {
        this.log.push(e);
        if (overrules) continue;
        const r = applyEvent(this.current, this.config, e);
        overrules = !r.applied && r.reason === 'overrules';
      }
      if (overrules) this.refold();
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
    const superseded = new Set<string>();
    // Each pass either finishes or sets aside one more device call, so this ends; conflicts are rare.
    for (;;) {
      const s = emptyState(this.config, this.day);
      let again = false;
      for (const e of this.log) {
        if (superseded.has(e.id)) {
          s.rejected.push({
            eventId: e.id,
            type: e.type,
            reason: 'superseded',
            detail: 'an offline call overruled by a call the hub had acknowledged',
          });
          continue;
        }
        const r = applyEvent(s, this.config, e);
        if (!r.applied && r.reason === 'overrules') {
          superseded.add(r.overruled);
          again = true;
          break;
        }
      }
      if (!again) {
        this.current = s;
        return;
      }
    }
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
