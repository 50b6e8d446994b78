/**
 * Per area / counter / officer figures, derived from the state.
 *
 * Definitions (also used by the reports):
 * - issued: tickets issued for the area (areas only);
 * - served: tickets finished; no-show: tickets marked absent — counted at the counter / officer that did it;
 * - waiting: tickets waiting now (area: issued for it; counter: transferred to it);
 * - wait time: issue → first call, over tickets that were called;
 * - service time: (start, or the last call when not started) → finish, over finished tickets;
 * - mean and p90 (nearest rank) in minutes, null when there is no sample;
 * - ratings: count per level.
 */
import type { CentreConfig } from '../config/schema.js';
import type { QueueState, TicketState } from './state.js';

export interface Figures {
  issued: number | null;
  served: number;
  noShow: number;
  waiting: number;
  waitMeanMin: number | null;
  waitP90Min: number | null;
  serviceMeanMin: number | null;
  serviceP90Min: number | null;
  ratings: Record<string, number>;
}

export interface Statistics {
  day: string;
  centre: Figures;
  areas: Record<string, Figures>;
  counters: Record<string, Figures>;
  officers: Record<string, Figures>;
  conflicts: number;
}

export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const toMin = (ms: number[]): number[] => ms.map((x) => x / 60_000);

class Acc {
  issued = 0;
  served = 0;
  noShow = 0;
  waiting = 0;
  wait: number[] = [];
  service: number[] = [];
  ratings: Record<string, number> = {};
  constructor(private readonly countsIssued: boolean) {}

  figures(): Figures {
    const w = toMin(this.wait);
    const sv = toMin(this.service);
    return {
      issued: this.countsIssued ? this.issued : null,
      served: this.served,
      noShow: this.noShow,
      waiting: this.waiting,
      waitMeanMin: round2(mean(w)),
      waitP90Min: round2(p90(w)),
      serviceMeanMin: round2(mean(sv)),
      serviceP90Min: round2(p90(sv)),
      ratings: this.ratings,
    };
  }
}

export function waitMs(t: TicketState): number | null {
  return t.firstCalledAt === null ? null : t.firstCalledAt - t.issuedAt;
}

export function serviceMs(t: TicketState): number | null {
  if (t.status !== 'done' || t.finishedAt === null) return null;
  return t.finishedAt - (t.startedAt ?? t.lastCalledAt ?? t.finishedAt);
}

export function computeStatistics(s: QueueState, config: CentreConfig): Statistics {
  const centre = new Acc(true);
  const areas = new Map(config.areas.map((a) => [a.id, new Acc(true)]));
  const counters = new Map(config.counters.map((c) => [c.id, new Acc(false)]));
  const officers = new Map<string, Acc>(config.officers.map((o) => [o.id, new Acc(false)]));
  const officer = (id: string): Acc => {
    let a = officers.get(id);
    if (!a) officers.set(id, (a = new Acc(false)));
    return a;
  };

  for (const t of s.tickets.values()) {
    const area = areas.get(t.areaId)!;
    const at: Acc[] = [centre, area];
    const by: Acc[] = [];
    if (t.counterId !== null && (t.status === 'done' || t.status === 'no_show')) {
      by.push(counters.get(t.counterId)!);
      if (t.officerId !== null) by.push(officer(t.officerId));
    }
    for (const a of at) a.issued++;
    if (t.status === 'waiting') {
      for (const a of at) a.waiting++;
      if (t.directedCounterId !== null) counters.get(t.directedCounterId)!.waiting++;
    }
    for (const a of [...at, ...by]) {
      if (t.status === 'done') a.served++;
      if (t.status === 'no_show') a.noShow++;
    }
    const w = waitMs(t);
    if (w !== null) for (const a of [...at, ...by]) a.wait.push(w);
    const sv = serviceMs(t);
    if (sv !== null) for (const a of [...at, ...by]) a.service.push(sv);
  }
  for (const r of s.ratings) {
    const key = String(r.level);
    const targets = [centre, counters.get(r.counterId)!];
    if (r.areaId !== null) targets.push(areas.get(r.areaId)!);
    if (r.officerId !== null) targets.push(officer(r.officerId));
    for (const a of targets) a.ratings[key] = (a.ratings[key] ?? 0) + 1;
  }
  const obj = (m: Map<string, Acc>): Record<string, Figures> =>
    Object.fromEntries(
      [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.figures()]),
    );
  return {
    day: s.day,
    centre: centre.figures(),
    areas: obj(areas),
    counters: obj(counters),
    officers: obj(officers),
    conflicts: s.rejected.length,
  };
}
