/**
 * `motcua bench core`: figures for the domain core and the store on this machine. Not a test: it prints.
 * - events_per_s: incremental apply rate of a realistic day's events, in order;
 * - rebuild_100k_ms: full rebuild of the state from 100,000 shuffled events (sort + fold), median of 5;
 * - intent_p50_ms / intent_p99_ms: validate + commit (SQLite file, WAL, synchronous=FULL) + apply of one intent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type CentreConfig } from '../config.js';
import { loadConfigFile } from '../config/load.js';
import { AROUND_THE_CLOCK } from '../config/examples.js';
import { exampleConfigPaths } from '../example-configs.js';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  issueTicket,
  printOutcome,
  rateService,
} from '../domain/commands.js';
import { QueueEngine, foldEvents } from '../domain/engine.js';
import type { QueueEvent } from '../domain/events.js';
import { stateHash } from '../domain/hash.js';
import { ManualClock } from '../runtime/clock.js';
import { silentLogger } from '../runtime/logger.js';
import { EventStore } from '../store/event-store.js';
import { Prng } from '../sim/prng.js';
import { hubApplier } from './hub-applier.js';
import { SIM_DAY_START } from '../sim/day.js';

export interface CoreBench {
  events_per_s: number;
  rebuild_100k_ms: number;
  rebuild_events: number;
  intent_p50_ms: number;
  intent_p99_ms: number;
  intents: number;
  node: string;
}

/** The provincial example with quotas as large as the number ranges, open around the clock. */
function benchConfig(): CentreConfig {
  const base = loadConfigFile(exampleConfigPaths.provincial);
  return parseConfig({
    ...base,
    areas: base.areas.map((a) => ({ ...a, dailyQuota: a.numberRange.to - a.numberRange.from + 1 })),
    hours: AROUND_THE_CLOCK,
  });
}

/** Generates a valid, busy day of `count` events through the real commands. */
export function generateDay(config: CentreConfig, count: number, seed = 1): QueueEvent[] {
  const rng = new Prng(seed);
  const day = '2026-11-23';
  const engine = new QueueEngine(config, day);
  let now = SIM_DAY_START;
  const run = hubApplier(engine, day, () => now);
  for (const c of config.counters) run(counterCommand(engine.state, c.id, { kind: 'open' }));
  const areas = config.areas.map((a) => a.id);
  while (engine.events.length < count) {
    now += 200;
    const id = run(
      issueTicket(
        engine.state,
        config,
        { areaId: rng.pick(areas), priority: null, kioskId: 'kiosk-1', needsPrint: true },
        now,
      ),
    );
    if (id) run(printOutcome(engine.state, id, { kind: 'printed', copies: 1 }));
    const c = rng.pick(config.counters).id;
    const cur = engine.state.counters.get(c)!.current;
    if (cur !== null && engine.state.tickets.get(cur)!.status === 'called')
      run(actOnCurrent(engine.state, c, 'start'));
    else {
      const served = cur;
      run(callNext(engine.state, config, c));
      if (served !== null && rng.chance(0.5))
        run(
          rateService(engine.state, config, {
            counterId: c,
            ticketId: served,
            level: 4,
            reasons: [],
            dossierCode: null,
          }),
        );
    }
  }
  return engine.events.slice(0, count);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** `events` (default 100 000) and `intents` (default 2000) are smaller only for quick checks of the command. */
export function benchCore(opts: { intents?: number; events?: number } = {}): CoreBench {
  const config = benchConfig();
  const events = generateDay(config, opts.events ?? 100_000);

  // incremental apply, in order
  const t0 = performance.now();
  const inc = new QueueEngine(config, '2026-11-23');
  for (const e of events) inc.apply(e);
  const applyMs = performance.now() - t0;

  // full rebuild from shuffled events
  const shuffled = new Prng(2).shuffle([...events]);
  const rebuilds: number[] = [];
  let hash = '';
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const engine = foldEvents(config, '2026-11-23', shuffled);
    rebuilds.push(performance.now() - t);
    hash = stateHash(engine.state);
  }
  if (hash !== stateHash(inc.state)) throw new Error('rebuild disagrees with incremental apply');

  // intents on a real file
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const clock = new ManualClock(SIM_DAY_START);
  const store = new EventStore({
    path: join(dir, 'bench.db'),
    deviceId: 'hub',
    config,
    clock,
    logger: silentLogger,
  });
  const n = opts.intents ?? 2000;
  const times: number[] = [];
  const areas = config.areas.map((a) => a.id);
  for (let i = 0; i < n; i++) {
    clock.advance(100);
    const area = areas[i % areas.length]!;
    const t = performance.now();
    const r = store.commit((s) =>
      issueTicket(
        s,
        config,
        { areaId: area, priority: null, kioskId: 'kiosk-1', needsPrint: true },
        clock.now(),
      ),
    );
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.message);
  }
  store.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    events_per_s: Math.round(events.length / (applyMs / 1000)),
    rebuild_100k_ms: r3(percentile(rebuilds, 0.5)),
    rebuild_events: events.length,
    intent_p50_ms: r3(percentile(times, 0.5)),
    intent_p99_ms: r3(percentile(times, 0.99)),
    intents: n,
    node: process.version,
  };
}
