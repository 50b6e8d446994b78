/** A canonical hash of the queue state: equal states on two devices give equal hashes. */
import { digestHex } from './digest.js';
import type { QueueState } from './state.js';

function sortedEntries<V>(m: Map<string, V>): [string, V][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function canonicalState(s: QueueState): unknown {
  return {
    day: s.day,
    tickets: sortedEntries(s.tickets).map(([, t]) => [
      t.id,
      t.status,
      t.printed,
      t.printFailure,
      t.queueAreaId,
      t.directedCounterId,
      t.queueFront,
      t.queueTime,
      t.counterId,
      t.officerId,
      t.firstCalledAt,
      t.lastCalledAt,
      t.startedAt,
      t.finishedAt,
      t.callCount,
      t.transfers,
      t.rated,
      t.priority,
      t.series,
      t.hlc,
    ]),
    counters: sortedEntries(s.counters).map(([, c]) => [
      c.id,
      c.status,
      c.pauseReason,
      c.officerId,
      c.current,
      [...c.held].sort(),
    ]),
    areas: sortedEntries(s.areas).map(([, a]) => [
      a.id,
      a.lastNumber,
      a.issued,
      a.normalSincePriority,
      a.consecutivePriority,
      a.recentServiceMs,
    ]),
    ratings: s.ratings.map((r) => r.eventId).sort(),
    rejected: s.rejected.map((r) => `${r.eventId}:${r.reason}`).sort(),
  };
}

export function stateHash(s: QueueState): string {
  return digestHex(JSON.stringify(canonicalState(s)));
}
