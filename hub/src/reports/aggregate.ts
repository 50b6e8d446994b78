/**
 * Mergeable aggregates: what a report needs of a set of tickets, in a form where the aggregate of a union is
 * the merge of the aggregates of its parts (so a year is 250 stored days merged, never 500,000 tickets read).
 * Counts and sums merge by addition, min/max by min/max, and the p90 comes from a fixed-bucket histogram of
 * minutes: the estimate lies in the same bucket as the exact nearest-rank p90, so it is off by at most that
 * bucket's width (1 minute below an hour, 5 below three hours, 15 below eight, then the observed maximum).
 * Pure: no Node built-ins.
 */
import type { DayFacts } from './facts.js';

/** Histogram bucket edges in minutes: [edge[i], edge[i+1]); the last bucket is open-ended. */
export const BUCKET_EDGES_MIN: readonly number[] = (() => {
  const e: number[] = [];
  for (let m = 0; m < 60; m++) e.push(m);
  for (let m = 60; m < 180; m += 5) e.push(m);
  for (let m = 180; m <= 480; m += 15) e.push(m);
  return e;
})();

export const BUCKETS = BUCKET_EDGES_MIN.length;

/** The bucket of a duration in ms. */
export function bucketOf(ms: number): number {
  const m = Math.max(0, ms) / 60_000;
  if (m < 60) return Math.floor(m);
  if (m < 180) return 60 + Math.floor((m - 60) / 5);
  if (m < 480) return 84 + Math.floor((m - 180) / 15);
  return BUCKETS - 1;
}

/** A distribution of durations: count, exact sum, min, max and the histogram. */
export interface Dist {
  n: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  hist: Uint32Array;
}

export interface Agg {
  issued: number;
  served: number;
  noShow: number;
  wait: Dist;
  service: Dist;
  /** Ratings per level value ("3": 12). */
  levels: Record<string, number>;
  /** Reasons given, per reason id. */
  reasons: Record<string, number>;
}

export function emptyDist(): Dist {
  return { n: 0, sumMs: 0, minMs: Infinity, maxMs: -Infinity, hist: new Uint32Array(BUCKETS) };
}

export function emptyAgg(): Agg {
  return {
    issued: 0,
    served: 0,
    noShow: 0,
    wait: emptyDist(),
    service: emptyDist(),
    levels: {},
    reasons: {},
  };
}

export function addSample(d: Dist, ms: number): void {
  const x = Math.max(0, ms);
  d.n++;
  d.sumMs += x;
  if (x < d.minMs) d.minMs = x;
  if (x > d.maxMs) d.maxMs = x;
  d.hist[bucketOf(x)]!++;
}

export function mergeDist(into: Dist, from: Dist): void {
  if (from.n === 0) return;
  into.n += from.n;
  into.sumMs += from.sumMs;
  if (from.minMs < into.minMs) into.minMs = from.minMs;
  if (from.maxMs > into.maxMs) into.maxMs = from.maxMs;
  const a = into.hist;
  const b = from.hist;
  for (let i = 0; i < BUCKETS; i++) a[i]! += b[i]!;
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Adds `from` into `into` (and returns `into`). */
export function mergeAgg(into: Agg, from: Agg): Agg {
  into.issued += from.issued;
  into.served += from.served;
  into.noShow += from.noShow;
  mergeDist(into.wait, from.wait);
  mergeDist(into.service, from.service);
  addCounts(into.levels, from.levels);
  addCounts(into.reasons, from.reasons);
  return into;
}

export function meanMin(d: Dist): number | null {
  return d.n === 0 ? null : d.sumMs / d.n / 60_000;
}

/**
 * The nearest-rank p90 estimated from the histogram, in minutes: the bucket holding the rank-⌈0.9 n⌉ sample,
 * interpolated by rank inside it and kept within the observed min and max. Whole-minute samples under an hour
 * come out exact.
 */
export function p90Min(d: Dist): number | null {
  if (d.n === 0) return null;
  const rank = Math.ceil(0.9 * d.n);
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const c = d.hist[i]!;
    if (c === 0) continue;
    if (seen + c >= rank) {
      const lo = BUCKET_EDGES_MIN[i]!;
      const hi = i + 1 < BUCKETS ? BUCKET_EDGES_MIN[i + 1]! : d.maxMs / 60_000;
      const est = lo + ((hi - lo) * (rank - seen - 1)) / c;
      return Math.min(d.maxMs / 60_000, Math.max(d.minMs / 60_000, est));
    }
    seen += c;
  }
  return d.maxMs / 60_000;
}

/** The width in minutes of the bucket a duration falls in (the p90 estimate's error bound). */
export function bucketWidthMin(ms: number): number {
  const i = bucketOf(ms);
  return i + 1 < BUCKETS ? BUCKET_EDGES_MIN[i + 1]! - BUCKET_EDGES_MIN[i]! : Infinity;
}

export type GroupKind = 'day' | 'area' | 'counter' | 'officer';
export const GROUP_KINDS: readonly GroupKind[] = ['day', 'area', 'counter', 'officer'];

/** The key of a group with no known counter/officer/area (a counter with nobody logged in, say). */
export const UNKNOWN_KEY = '_none';

/** One day's aggregates per group kind and key. */
export type DayAggregates = Record<GroupKind, Map<string, Agg>>;

/**
 * Aggregates a day's facts for every group kind. "issued" of a counter or an officer counts the tickets that
 * ended there (served or absent): tickets are issued to areas, not counters.
 */
export function aggregateDay(f: DayFacts): DayAggregates {
  const out: DayAggregates = { day: new Map(), area: new Map(), counter: new Map(), officer: new Map() };
  const get = (kind: GroupKind, key: string): Agg => {
    let a = out[kind].get(key);
    if (!a) out[kind].set(key, (a = emptyAgg()));
    return a;
  };
  get('day', f.day);
  for (const t of f.tickets) {
    const targets = [get('day', f.day), get('area', t.areaId)];
    const ended = t.outcome === 'served' || t.outcome === 'no-show';
    if (ended && t.counterId !== null) {
      targets.push(get('counter', t.counterId), get('officer', t.officerId ?? UNKNOWN_KEY));
    }
    for (const a of targets) {
      // Day and area: issued there; counter and officer: ended there (they are only targets then).
      a.issued++;
      if (t.outcome === 'served') a.served++;
      if (t.outcome === 'no-show') a.noShow++;
      if (t.waitMs !== null) addSample(a.wait, t.waitMs);
      if (t.serviceMs !== null) addSample(a.service, t.serviceMs);
    }
  }
  for (const r of f.ratings) {
    const targets = [
      get('day', f.day),
      get('area', r.areaId ?? UNKNOWN_KEY),
      get('counter', r.counterId),
      get('officer', r.officerId ?? UNKNOWN_KEY),
    ];
    const level = String(r.level);
    for (const a of targets) {
      a.levels[level] = (a.levels[level] ?? 0) + 1;
      for (const reason of r.reasons) a.reasons[reason] = (a.reasons[reason] ?? 0) + 1;
    }
  }
  return out;
}

function pushVarint(out: number[], n: number): void {
  let x = n;
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80);
    x = Math.floor(x / 128);
  }
  out.push(x);
}

/**
 * A histogram as bytes for storage: for each non-empty bucket, the gap since the previous one and the count,
 * as varints. A day's histogram has a few dozen non-empty buckets of the 105, so this is ~10× smaller than
 * fixed-width counts, and a year is read (and decoded) quickly.
 */
export function encodeHist(h: Uint32Array): Uint8Array {
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    if (c === 0) continue;
    pushVarint(out, i - prev - 1);
    pushVarint(out, c);
    prev = i;
  }
  return Uint8Array.from(out);
}

/** Adds the encoded histogram `b` into `h`; bytes that do not decode to buckets are ignored. */
export function addEncodedHist(h: Uint32Array, b: Uint8Array): void {
  let p = 0;
  let i = -1;
  const n = b.length;
  while (p < n) {
    let gap = 0;
    let scale = 1;
    let x: number;
    do {
      x = b[p++]!;
      gap += (x & 0x7f) * scale;
      scale *= 128;
    } while (x >= 0x80 && p < n);
    let count = 0;
    scale = 1;
    do {
      x = b[p++] ?? 0;
      count += (x & 0x7f) * scale;
      scale *= 128;
    } while (x >= 0x80 && p < n);
    i += gap + 1;
    if (i >= h.length) return;
    h[i]! += count;
  }
}
