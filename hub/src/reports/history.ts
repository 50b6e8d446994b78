/**
 * Realistic past business days as events, fast: for the reports benchmark (a year of days) and for filling a
 * demo centre's history. Each day is played through the real commands (tickets are issued as drafts, see below)
 * and the queue rules in memory (no SQLite,
 * no fsync) by one simulated device, "history", and handed out whole; the caller stores it with
 * EventStore.ingestMany, the way the hub stores any device's upload. Pure: no Node built-ins.
 *
 * A day: counters open at 07:30 with their officers, citizens arrive from 07:30 to 16:30 with a morning peak,
 * each for an area of a counter (so queues stay servable), officers call, start, finish (exponential service
 * times), mark no-shows, transfer a few, and about half the citizens rate with reasons on low levels.
 */
import type { CentreConfig } from '@motcua/shared/config/schema';
import { localTime } from '@motcua/shared/domain/business-day';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  officerCommand,
  rateService,
  transferCurrent,
  type CommandResult,
} from '@motcua/shared/domain/commands';
import { QueueEngine } from '@motcua/shared/domain/engine';
import { makeTicketId, type QueueEvent } from '@motcua/shared/domain/events';
import { encodeHlc, initialHlc, tick, type Hlc } from '@motcua/shared/domain/hlc';
import { Prng } from '@motcua/shared/sim/prng';

export interface HistoryOptions {
  /** The first day (yyyy-MM-dd); weekends are skipped. */
  readonly firstDay: string;
  readonly days: number;
  readonly ticketsPerDay: number;
  readonly seed?: number;
  /** The device id the events are written under (default "history"). */
  readonly deviceId?: string;
}

export interface HistoryDay {
  readonly day: string;
  readonly events: QueueEvent[];
  readonly tickets: number;
}

const MIN = 60_000;
/** The simulation's time step: a minute (officers act on the minute). */
const STEP_MS = 60_000;

/** The instant of local `hh:mm` on `day` in the zone (zones without daylight saving, as in Viet Nam). */
export function localInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const noonUtc = Date.UTC(y, m - 1, d, 12);
  const lt = localTime(noonUtc, timeZone);
  let offsetMin = lt.minuteOfDay - 12 * 60;
  if (lt.day > day) offsetMin += 24 * 60;
  if (lt.day < day) offsetMin -= 24 * 60;
  return Date.UTC(y, m - 1, d) + (minuteOfDay - offsetMin) * MIN;
}

/** The next `n` weekdays from `first` (inclusive). */
export function businessDays(first: string, n: number): string[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let t = Date.UTC(y, m - 1, d); out.length < n; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

interface Desk {
  readonly id: string;
  readonly areas: readonly string[];
  until: number;
}

/** Plays the days one by one; each day's events are valid for the queue rules (checked as it goes). */
export function* historyDays(config: CentreConfig, o: HistoryOptions): Generator<HistoryDay> {
  const rng = new Prng(o.seed ?? 1);
  const device = o.deviceId ?? 'history';
  let h: Hlc = initialHlc(device);
  let seq = 0;
  const tz = config.centre.timeZone;
  const levels = config.rating.levels.map((l) => l.value).sort((a, b) => b - a);
  const numberFrom = new Map(config.areas.map((a) => [a.id, a.numberRange.from]));
  const numberTo = new Map(config.areas.map((a) => [a.id, a.numberRange.to]));
  for (const day of businessDays(o.firstDay, o.days)) {
    const engine = new QueueEngine(config, day);
    const events: QueueEvent[] = [];
    let now = 0;
    const run = (r: CommandResult): string | null => {
      if (!r.ok) return null;
      for (const d of r.drafts) {
        h = tick(h, now);
        seq++;
        const e = { v: 1, id: `${device}:${seq}`, device, seq, hlc: encodeHlc(h), day, ...d } as QueueEvent;
        const outcome = engine.apply(e);
        if (!outcome.applied) throw new Error(`history: ${e.type} refused (${outcome.reason})`);
        events.push(e);
      }
      return r.ticketId;
    };
    const open = localInstant(day, 7 * 60 + 30, tz);
    now = open;
    const desks: Desk[] = config.counters.map((c, i) => {
      const officer = config.officers[i % Math.max(1, config.officers.length)];
      if (officer !== undefined && i < config.officers.length)
        run(officerCommand(engine.state, config, c.id, officer.id, 'login'));
      run(counterCommand(engine.state, c.id, { kind: 'open' }));
      return { id: c.id, areas: c.areas, until: 0 };
    });
    // Arrivals: two thirds in the morning (07:30-11:00, denser early), the rest in the afternoon (13:00-16:30).
    const arrivals: number[] = [];
    for (let i = 0; i < o.ticketsPerDay; i++) {
      const morning = rng.chance(2 / 3);
      const u = morning ? rng.next() ** 1.4 : rng.next();
      arrivals.push(morning ? open + u * 210 * MIN : localInstant(day, 13 * 60, tz) + u * 210 * MIN);
    }
    arrivals.sort((a, b) => a - b);
    const serviceMean = Math.max(
      2,
      ((config.counters.length * 8.5 * 60) / Math.max(1, o.ticketsPerDay)) * 0.7,
    );
    const end = localInstant(day, 18 * 60, tz);
    let next = 0;
    let issued = 0;
    for (let t = open; t <= end; t += STEP_MS) {
      now = t;
      while (next < arrivals.length && arrivals[next]! <= t) {
        next++;
        const areaId = rng.pick(rng.pick(desks).areas);
        // issueTicket's opening-hours check formats the local time on every call (Intl, slow); the history
        // stays within opening hours by construction and the queue rules still check every event.
        const area = engine.state.areas.get(areaId)!;
        const number = Math.max(area.lastNumber + 1, numberFrom.get(areaId)!);
        if (number > numberTo.get(areaId)!) continue;
        const ticketId = makeTicketId(config.centre.id, day, areaId, number);
        const data = { ticketId, areaId, number, priority: null, kioskId: 'kiosk-1', needsPrint: false };
        run({ ok: true, drafts: [{ type: 'ticket.issued', data: { ...data, series: 'hub' } }], ticketId });
        issued++;
      }
      for (const d of desks) step(engine, config, rng, d, t, serviceMean, levels, run);
    }
    yield { day, events, tickets: issued };
  }
}

function step(
  engine: QueueEngine,
  config: CentreConfig,
  rng: Prng,
  d: Desk,
  t: number,
  serviceMean: number,
  levels: readonly number[],
  run: (r: CommandResult) => string | null,
): void {
  const c = engine.state.counters.get(d.id)!;
  const cur = c.current === null ? null : engine.state.tickets.get(c.current)!;
  if (cur?.status === 'called') {
    if (t < d.until) return;
    if (rng.chance(0.05)) {
      run(actOnCurrent(engine.state, d.id, 'no-show'));
    } else {
      run(actOnCurrent(engine.state, d.id, 'start'));
      d.until = t + Math.max(MIN, rng.exp(serviceMean * MIN));
      return;
    }
  } else if (cur?.status === 'serving') {
    if (t < d.until) return;
    if (rng.chance(0.02) && config.areas.length > 1) {
      run(transferCurrent(engine.state, config, d.id, { kind: 'area', areaId: rng.pick(config.areas).id }));
    } else {
      const id = run(actOnCurrent(engine.state, d.id, 'finish'));
      if (id !== null && rng.chance(0.5)) {
        const roll = rng.next();
        const rank = roll < 0.6 ? 0 : roll < 0.85 ? 1 : roll < 0.95 ? 2 : levels.length - 1;
        const level = levels[Math.min(rank, levels.length - 1)]!;
        const reasons =
          level <= config.rating.reasonsAtOrBelow && config.rating.reasons.length > 0
            ? [...new Set([rng.pick(config.rating.reasons).id, rng.pick(config.rating.reasons).id])]
            : [];
        run(
          rateService(engine.state, config, {
            counterId: d.id,
            ticketId: id,
            level,
            reasons,
            dossierCode: null,
          }),
        );
      }
    }
  }
  if (engine.state.counters.get(d.id)!.current === null && run(callNext(engine.state, config, d.id)) !== null)
    d.until = t + rng.int(1, 2) * MIN;
}
