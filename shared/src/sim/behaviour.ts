/**
 * How citizens and officers behave, as pure draws from a seeded generator and the centre's config. The
 * discrete-event day (sim/day.ts) and the live demo (`npm start --speed 10`) both draw from here, so the demo
 * hall and the measured simulation behave alike.
 *
 * Arrivals are a Poisson process whose rate changes with the time of day: a relative rate per hour of each
 * session (a morning peak at opening by default), scaled so that the expected number of citizens over the
 * day's issuing windows is `citizensPerDay`. Outside the issuing windows the rate is zero.
 */
import { weekdayKeys, type CentreConfig } from '../config/schema.js';
import { localTime, parseClock } from '../domain/business-day.js';
import type { Prng } from './prng.js';

/** Relative arrival rate by hour since the session opened; the last figure holds for later hours. */
export interface DayProfile {
  readonly morning: readonly number[];
  readonly afternoon: readonly number[];
}

export const DAY_PROFILES = {
  /** Queues at the door at opening, tailing off towards lunch; a smaller bump after lunch. */
  'morning-peak': { morning: [1.8, 1.5, 1.1, 0.8, 0.6], afternoon: [1.1, 0.9, 0.7, 0.5] },
  flat: { morning: [1], afternoon: [1] },
} as const satisfies Record<string, DayProfile>;

export type DayProfileName = keyof typeof DAY_PROFILES;

export function isDayProfileName(s: string): s is DayProfileName {
  return Object.hasOwn(DAY_PROFILES, s);
}

export interface BehaviourOptions {
  /** Expected citizens over the day; default 35 per counter (a provincial centre near its capacity). */
  readonly citizensPerDay?: number;
  readonly profile?: DayProfileName;
  /** Share of tickets with a priority category. */
  readonly priorityShare?: number;
  /** Chance that a called citizen never comes to the counter. */
  readonly noShowChance?: number;
  /** Chance that a service ends in a transfer to another area. */
  readonly transferChance?: number;
  /** Spread of service times: sigma of the log-normal (0.5 gives a coefficient of variation of about 0.53). */
  readonly serviceSigma?: number;
}

export const CITIZENS_PER_COUNTER = 35;

export interface Behaviour {
  readonly citizensPerDay: number;
  /** Expected arrivals per minute at a minute of the local day (0 outside the issuing windows). */
  rateAt(minuteOfDay: number, weekday: number): number;
  /** Milliseconds until the next citizen arrives after `nowMs`, or null when nobody else comes today. */
  nextArrivalDelayMs(rng: Prng, nowMs: number): number | null;
  /** The area a citizen picks, weighted by the counter capacity the config gives each area. */
  pickArea(rng: Prng): string;
  pickPriority(rng: Prng): string | null;
  /** A service duration for the area: log-normal around the area's configured mean. */
  serviceMs(rng: Prng, areaId: string): number;
  /** From the call to the citizen reaching the counter. */
  walkUpMs(rng: Prng): number;
  noShow(rng: Prng): boolean;
  /** The area a citizen is sent on to at the end of a service, or null (no transfer). */
  transferTo(rng: Prng, fromAreaId: string): string | null;
  /**
   * When an officer takes a break in a session (minute of the local day), or null for no break: most take one
   * in the morning, fewer in the afternoon, spread over the session but not in its first or last hour.
   */
  breakAtMinute(rng: Prng, session: readonly [number, number], index: number): number | null;
  /** How long a break lasts (the counter is paused meanwhile). */
  breakMs(rng: Prng): number;
}

/** The day's sessions as [open, close) minutes from local midnight. */
export function sessionsOf(config: CentreConfig, weekday: number): [number, number][] {
  return config.hours[weekdayKeys[weekday]!].map((s): [number, number] => [
    parseClock(s.open)!,
    parseClock(s.close)!,
  ]);
}

/** Minutes from local midnight at which issuing is open on a weekday, as [from, to) windows. */
export function issuingWindows(config: CentreConfig, weekday: number): [number, number][] {
  const cut = config.hours.stopIssuingBeforeCloseMin;
  return sessionsOf(config, weekday)
    .map(([open, close]): [number, number] => [open, close - cut])
    .filter(([a, b]) => b > a);
}

/**
 * Relative weight of each area: the share of counters serving it (a counter's first area gets most of its
 * time) over the area's mean service time, i.e. the citizens per hour the centre is staffed for.
 */
export function areaWeights(config: CentreConfig): Map<string, number> {
  const w = new Map<string, number>(config.areas.map((a) => [a.id, 0]));
  for (const c of config.counters) {
    c.areas.forEach((id, i) => {
      const share = c.areas.length === 1 ? 1 : i === 0 ? 0.7 : 0.3 / (c.areas.length - 1);
      const area = config.areas.find((a) => a.id === id);
      if (area) w.set(id, w.get(id)! + share / area.defaultServiceMinutes);
    });
  }
  // An area no counter serves still gets the odd citizen (it happens: the wrong button).
  const floor = Math.min(...[...w.values()].filter((x) => x > 0), 1) * 0.05;
  for (const [id, x] of w) if (x === 0) w.set(id, floor);
  return w;
}

export function createBehaviour(config: CentreConfig, o: BehaviourOptions = {}): Behaviour {
  const profile: DayProfile = DAY_PROFILES[o.profile ?? 'morning-peak'];
  const citizensPerDay = o.citizensPerDay ?? config.counters.length * CITIZENS_PER_COUNTER;
  const priorityShare = o.priorityShare ?? 0.12;
  const noShowChance = o.noShowChance ?? 0.04;
  const transferChance = o.transferChance ?? 0.03;
  const sigma = o.serviceSigma ?? 0.5;
  const tz = config.centre.timeZone;

  const relative = (minute: number, weekday: number): number => {
    const windows = issuingWindows(config, weekday);
    const i = windows.findIndex(([a, b]) => minute >= a && minute < b);
    if (i < 0) return 0;
    const hours = i === 0 ? profile.morning : profile.afternoon;
    const h = Math.floor((minute - windows[i]![0]) / 60);
    return hours[Math.min(h, hours.length - 1)] ?? 1;
  };
  // Per-minute rates for each weekday, scaled so each open day expects citizensPerDay arrivals.
  const rates = weekdayKeys.map((_, wd) => {
    const rel = Array.from({ length: 1440 }, (_, m) => relative(m, wd));
    const total = rel.reduce((x, y) => x + y, 0);
    return total === 0 ? rel : rel.map((r) => (r * citizensPerDay) / total);
  });

  const weights = areaWeights(config);
  const areaIds = [...weights.keys()];
  const weightTotal = [...weights.values()].reduce((x, y) => x + y, 0);
  const meanMin = new Map(config.areas.map((a) => [a.id, a.defaultServiceMinutes]));
  const cats = config.priorityCategories.map((p) => p.id);

  return {
    citizensPerDay,
    rateAt: (minute, weekday) => rates[weekday]?.[Math.floor(minute)] ?? 0,
    nextArrivalDelayMs(rng, nowMs) {
      // Inversion: walk the piecewise-constant rate until the integrated rate reaches an Exp(1) draw.
      const t = localTime(nowMs, tz);
      const day = rates[t.weekday]!;
      const startMin = t.minuteOfDay + (((nowMs % 60_000) + 60_000) % 60_000) / 60_000;
      let need = -Math.log(1 - rng.next());
      let m = startMin;
      while (m < 1440) {
        const whole = Math.floor(m);
        const r = day[whole]!;
        const span = whole + 1 - m;
        if (r > 0 && r * span >= need) return (m + need / r - startMin) * 60_000;
        need -= r * span;
        m = whole + 1;
      }
      return null;
    },
    pickArea(rng) {
      let x = rng.next() * weightTotal;
      for (const id of areaIds) {
        x -= weights.get(id)!;
        if (x < 0) return id;
      }
      return areaIds[areaIds.length - 1]!;
    },
    pickPriority: (rng) => (cats.length > 0 && rng.chance(priorityShare) ? rng.pick(cats) : null),
    serviceMs(rng, areaId) {
      const mean = meanMin.get(areaId) ?? 10;
      // Log-normal with the given mean: mu = ln(mean) − sigma²/2. Box–Muller for the normal draw.
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z) * 60_000;
    },
    walkUpMs: (rng) => 15_000 + rng.next() * 75_000,
    noShow: (rng) => rng.chance(noShowChance),
    transferTo(rng, fromAreaId) {
      if (!rng.chance(transferChance) || config.areas.length < 2) return null;
      // Most transfers stay within the department (the citizen picked the wrong one of its areas).
      const from = config.areas.find((a) => a.id === fromAreaId);
      const sameDept = config.areas.filter(
        (a) => a.id !== fromAreaId && a.departmentId === from?.departmentId,
      );
      const pool =
        sameDept.length > 0 && rng.chance(0.7) ? sameDept : config.areas.filter((a) => a.id !== fromAreaId);
      return rng.pick(pool).id;
    },
    breakAtMinute(rng, [open, close], index) {
      if (!rng.chance(index === 0 ? 0.8 : 0.4)) return null;
      return open + 60 + rng.next() * Math.max(1, close - open - 120);
    },
    breakMs: (rng) => (10 + rng.next() * 10) * 60_000,
  };
}
