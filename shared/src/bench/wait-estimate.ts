/**
 * `motcua bench wait`: what the ticket's estimated wait (ticketWaitEstimate) costs per ticket on this machine.
 * A kiosk computes it for every ticket it issues, on an ARM board, so it must stay well under ~5 ms with 200
 * people waiting in one area. Not a test: it prints figures.
 *
 * The state is a provincial morning at 09:30: every counter opened at 07:00, `served` citizens served across
 * the areas (their times are what the estimate learns from), a few counters on a break, each counter busy
 * with a citizen, `waiting` tickets waiting in one area and some in every other; the figure is the estimate
 * of the last ticket in the long queue (the most work: the replay reaches it last).
 */
import type { CentreConfig } from '../config.js';
import { loadConfigFile } from '../config/load.js';
import { exampleConfigPaths } from '../example-configs.js';
import { actOnCurrent, callNext, counterCommand, issueTicket, printOutcome } from '../domain/commands.js';
import { QueueEngine } from '../domain/engine.js';
import { ticketWaitEstimate } from '../domain/wait-estimate.js';
import { hubApplier } from './hub-applier.js';
import { SIM_DAY_START } from '../sim/day.js';
import { Prng } from '../sim/prng.js';

export interface WaitEstimateBench {
  /** Tickets waiting in the long queue (the estimated ticket is the last of them). */
  waiting: number;
  /** Tickets waiting in the whole centre. */
  waiting_total: number;
  /** Tickets in the day's state (served ones included): the estimate scans them for what it learns. */
  tickets_in_state: number;
  people_ahead: number;
  estimate_min: number | null;
  rounds: number;
  estimate_p50_ms: number;
  estimate_p99_ms: number;
  estimate_max_ms: number;
  node: string;
}

export interface WaitEstimateBenchOptions {
  readonly waiting?: number;
  readonly served?: number;
  readonly rounds?: number;
}

/** A provincial morning built through the real commands; returns the engine, the instant and the ticket. */
export function busyMorning(
  config: CentreConfig,
  waiting: number,
  served: number,
): { engine: QueueEngine; nowMs: number; ticketId: string } {
  const rng = new Prng(1);
  const engine = new QueueEngine(config, '2026-11-23');
  let now = SIM_DAY_START;
  const run = hubApplier(engine, '2026-11-23', () => now);
  const issue = (areaId: string): string => {
    const id = run(
      issueTicket(engine.state, config, { areaId, priority: null, kioskId: 'k1', needsPrint: true }, now),
    );
    if (id === null) throw new Error(`could not issue a ticket in ${areaId}`);
    run(printOutcome(engine.state, id, { kind: 'printed', copies: 1 }));
    return id;
  };
  for (const c of config.counters) run(counterCommand(engine.state, c.id, { kind: 'open' }));
  const areas = config.areas.map((a) => a.id);
  // 07:00–09:30: citizens served one after another at each counter in turn.
  const step = (150 * 60_000) / Math.max(1, served);
  for (let i = 0; i < served; i++) {
    issue(rng.pick(areas));
    const counter = config.counters[i % config.counters.length]!.id;
    if (run(callNext(engine.state, config, counter)) !== null) {
      now += step / 3;
      run(actOnCurrent(engine.state, counter, 'start'));
      now += (step * 2) / 3;
      run(actOnCurrent(engine.state, counter, rng.chance(0.05) ? 'no-show' : 'finish'));
    } else now += step;
  }
  // A few officers on a break; every other counter busy with a citizen.
  config.counters.forEach((c, i) => {
    if (i % 7 === 3) run(counterCommand(engine.state, c.id, { kind: 'pause', reason: 'nghỉ giải lao' }));
  });
  for (let i = 0; i < config.counters.length * 2; i++) issue(areas[i % areas.length]!);
  for (const c of config.counters) run(callNext(engine.state, config, c.id));
  now += 4 * 60_000;
  const long = areas[0]!;
  let last = '';
  for (let i = 0; i < waiting; i++) last = issue(long);
  return { engine, nowMs: now, ticketId: last };
}

export function benchWaitEstimate(o: WaitEstimateBenchOptions = {}): WaitEstimateBench {
  const config = loadConfigFile(exampleConfigPaths.provincial);
  const waiting = o.waiting ?? 200;
  const rounds = o.rounds ?? 300;
  const { engine, nowMs, ticketId } = busyMorning(config, waiting, o.served ?? 600);
  const s = engine.state;
  let est = ticketWaitEstimate(s, config, ticketId, nowMs);
  // Warm-up: the kiosk's process runs for the day, so the steady state is what counts.
  for (let i = 0; i < 20; i++) est = ticketWaitEstimate(s, config, ticketId, nowMs);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    est = ticketWaitEstimate(s, config, ticketId, nowMs);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  let total = 0;
  for (const ids of s.waitingByArea.values()) total += ids.size;
  return {
    waiting: s.waitingByArea.get(config.areas[0]!.id)?.size ?? 0,
    waiting_total: total,
    tickets_in_state: s.tickets.size,
    people_ahead: est.peopleAhead,
    estimate_min: est.estimatedWaitMinutes,
    rounds,
    estimate_p50_ms: at(0.5),
    estimate_p99_ms: at(0.99),
    estimate_max_ms: at(1),
    node: process.version,
  };
}

/** The command the CLI wires as `motcua bench wait [--json] [--waiting n] [--served n] [--rounds n]`. */
export async function benchWaitCommand(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  await Promise.resolve();
  const opts: { waiting?: number; served?: number; rounds?: number } = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--waiting' || a === '--served' || a === '--rounds') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < (a === '--rounds' ? 1 : 0) || n > 5000) {
        io.err(`motcua bench wait: ${a} must be a whole number from ${a === '--rounds' ? 1 : 0} to 5000`);
        return 2;
      }
      opts[a.slice(2) as 'waiting' | 'served' | 'rounds'] = n;
    } else {
      io.err(`motcua bench wait: unknown option ${a}`);
      return 2;
    }
  }
  const r = benchWaitEstimate(opts);
  if (json) io.out(JSON.stringify(r, null, 2));
  else
    io.out(
      `ticket wait estimate, ${r.people_ahead} people ahead (${r.waiting_total} waiting, ${r.tickets_in_state} tickets today): ` +
        `p50 ${r.estimate_p50_ms} ms, p99 ${r.estimate_p99_ms} ms, max ${r.estimate_max_ms} ms over ${r.rounds} rounds`,
    );
  return 0;
}
