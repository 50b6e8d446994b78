/**
 * What the wait estimate learns from today's record before it replays the queue (domain/wait-estimate.ts):
 * time per citizen by area (mean and spread), how long officers' breaks last, and when a busy or paused counter
 * is expected to be free. All pure functions of the state, the config and the instant, so a kiosk, a look-up
 * terminal and the simulation compute the same figures from the same events.
 */
import { weekdayKeys, type CentreConfig } from '../config/schema.js';
import { localTime, parseClock } from './business-day.js';
import type { CounterState, QueueState, TicketState } from './state.js';

/** Closed tickets per area the time per citizen is taken from. */
export const OCCUPANCY_SAMPLES = 20;
/** Weight of the configured service time, in samples, against the measured ones. */
const PRIOR_WEIGHT = 3;
/**
 * Spread assumed for a citizen's time at the counter before any is measured: sigma of a log-normal, about a
 * coefficient of variation of 0.5 (service times of counter work are right-skewed: most are quick, a few
 * dossiers take much longer). Replaced by today's measured spread as services finish.
 */
const PRIOR_SIGMA = 0.5;
/** A break's length assumed before any break was seen today, and its weight in breaks. */
const PRIOR_BREAK_MIN = 15;
const PRIOR_BREAK_WEIGHT = 2;
/** A counter paused longer than its expected break is assumed back in at least this many minutes. */
const MIN_BREAK_LEFT_MIN = 2;

export interface AreaTiming {
  /** Mean minutes a counter spends per citizen from the area (call to finish, no-shows included). */
  readonly mean: number;
  /** Sigma of a log-normal fitted to those times. */
  readonly sigma: number;
}

/** Time per citizen by area: today's recent counter occupancy shrunk towards the configured service time. */
export function areaTimings(s: QueueState, config: CentreConfig): Map<string, AreaTiming> {
  const recent = new Map<string, TicketState[]>();
  for (const t of s.tickets.values()) {
    if ((t.status !== 'done' && t.status !== 'no_show') || t.finishedAt === null) continue;
    let list = recent.get(t.queueAreaId);
    if (!list) recent.set(t.queueAreaId, (list = []));
    list.push(t);
  }
  const out = new Map<string, AreaTiming>();
  for (const a of config.areas) {
    const list = (recent.get(a.id) ?? [])
      .sort((x, y) => y.finishedAt! - x.finishedAt! || (x.id < y.id ? -1 : 1))
      .slice(0, OCCUPANCY_SAMPLES);
    let sum = PRIOR_WEIGHT * a.defaultServiceMinutes;
    const logs: number[] = [];
    for (const t of list) {
      // A no-show's counter time runs from the first call (the recall resets lastCalledAt); a transferred
      // ticket's first call was at another counter, so its own occupancy starts at the last call.
      const from = t.status === 'no_show' && t.transfers === 0 ? t.firstCalledAt : t.lastCalledAt;
      const min = Math.max(0, t.finishedAt! - (from ?? t.finishedAt!)) / 60_000;
      sum += min;
      // A zero (finished at the call) says nothing about the spread of real services.
      if (min > 0.05) logs.push(Math.log(min));
    }
    const mean = sum / (PRIOR_WEIGHT + list.length);
    let sq = PRIOR_WEIGHT * PRIOR_SIGMA * PRIOR_SIGMA;
    if (logs.length > 1) {
      const m = logs.reduce((x, y) => x + y, 0) / logs.length;
      for (const l of logs) sq += (l - m) ** 2;
    }
    const sigma = Math.sqrt(sq / (PRIOR_WEIGHT + Math.max(0, logs.length - 1)));
    out.set(a.id, { mean, sigma });
  }
  return out;
}

/** Mean time per citizen by area (see areaTimings). */
export function occupancyMinutes(s: QueueState, config: CentreConfig): Map<string, number> {
  return new Map([...areaTimings(s, config)].map(([id, t]) => [id, t.mean]));
}

/**
 * The complementary error function by the Chebyshev-fitted formula of Numerical Recipes (fractional error under
 * 1.2e-7 everywhere), so the tail ratio in remainingMinutes stays accurate far out.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z > x) for a standard normal Z. */
const upperTail = (x: number): number => 0.5 * erfc(x / Math.SQRT2);

/**
 * Expected minutes left of a citizen whose time at the counter is log-normal (mean, sigma) and who has been
 * there `elapsed` minutes: E[X − e | X > e]. A long service is likely a long one, so an overdue counter is not
 * assumed to be about to finish (nor, as a plain "mean − elapsed" would, already free).
 */
export function remainingMinutes(timing: AreaTiming, elapsed: number): number {
  const { mean, sigma } = timing;
  if (elapsed <= 0 || sigma <= 0) return Math.max(mean - Math.max(0, elapsed), 0);
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const z = (Math.log(elapsed) - mu) / sigma;
  const tail = upperTail(z);
  // Far in the tail the ratio is 0/0 numerically; its limit there is about elapsed·sigma²/(z·sigma).
  if (tail < 1e-12) return (elapsed * sigma) / Math.max(z, 1);
  return Math.max(0, (mean * upperTail(z - sigma)) / tail - elapsed);
}

/** The session (open and close, ms) the instant falls in, or null between sessions or on a closed day. */
export function sessionAt(config: CentreConfig, nowMs: number): [number, number] | null {
  const t = localTime(nowMs, config.centre.timeZone);
  if (config.hours.closedDates.includes(t.day)) return null;
  const minute = t.minuteOfDay + (((nowMs % 60_000) + 60_000) % 60_000) / 60_000;
  const midnight = nowMs - minute * 60_000;
  for (const s of config.hours[weekdayKeys[t.weekday]!]) {
    const open = parseClock(s.open)!;
    const close = parseClock(s.close)!;
    if (minute >= open && minute < close) return [midnight + open * 60_000, midnight + close * 60_000];
  }
  return null;
}

/** Minutes until the kiosks stop issuing for the session the instant falls in (0 outside issuing hours). */
export function issuingMinutesLeft(config: CentreConfig, nowMs: number): number {
  const session = sessionAt(config, nowMs);
  if (session === null) return 0;
  return Math.max(0, (session[1] - config.hours.stopIssuingBeforeCloseMin * 60_000 - nowMs) / 60_000);
}

/**
 * Mean minutes of today's breaks: finished pauses that began and ended within one session (a pause over lunch
 * is lunch, not a break), shrunk towards a quarter of an hour while few were seen.
 */
export function breakMinutes(s: QueueState, config: CentreConfig): number {
  let sum = PRIOR_BREAK_WEIGHT * PRIOR_BREAK_MIN;
  let n = 0;
  for (const c of s.counters.values()) {
    for (const [from, to] of c.pauses) {
      const session = sessionAt(config, from);
      if (session === null || to > session[1]) continue;
      sum += (to - from) / 60_000;
      n++;
    }
  }
  return sum / (PRIOR_BREAK_WEIGHT + n);
}

/**
 * Minutes until a paused counter is expected back, or null when it is not expected back this session (paused
 * between sessions, or closed). A break that began in this session lasts about `breakMin`; an officer still
 * away at the start of a session (back late from lunch) is expected within a break's length of the opening.
 */
export function pausedCounterBackIn(
  c: CounterState,
  config: CentreConfig,
  nowMs: number,
  breakMin: number,
): number | null {
  if (c.status !== 'paused' || c.pausedAt === null) return null;
  const session = sessionAt(config, nowMs);
  if (session === null) return null;
  const from = Math.max(c.pausedAt, session[0]);
  const back = from + breakMin * 60_000;
  if (back >= session[1]) return null;
  return Math.max((back - nowMs) / 60_000, MIN_BREAK_LEFT_MIN);
}
