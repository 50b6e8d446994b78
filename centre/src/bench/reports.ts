/**
 * `motcua bench reports`: the supervisor's reports over a year of archived days (250 business days × 2,000
 * tickets by default, the provincial example centre). Not a test: it prints figures.
 *
 * 1. The year is played day by day in memory (hub/src/reports/history.ts) and stored in a real hub database
 *    through EventStore.ingestMany, the way the hub stores any device's upload (generate_ms).
 * 2. The report source aggregates every past day from its events into reports.db (aggregate_year_ms: what
 *    rebuilding the reports file from scratch costs; in service each day is aggregated once, after midnight).
 * 3. A fresh process, standing for the hub after a restart, opens both files and times the hub's real report
 *    path over real SQLite: a whole-year report by area plus one by officer (report_year_ms, median of 5; the
 *    first, cold run as report_year_first_ms; CPU time as report_year_cpu_ms), the year by day exported as XLSX (export_year_xlsx_ms, median
 *    of 3), its resident memory afterwards (hub_rss_mb) and the time it took to open both (hub_open_ms).
 * Targets: report_year_ms < 1000, hub_rss_mb < 300. The lead adds the dashboard's live_update_p99_ms.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, type CentreConfig } from '@motcua/shared/config';
import { AROUND_THE_CLOCK } from '@motcua/shared/config/examples';
import { loadConfigFile } from '@motcua/shared/config/load';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { ManualClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { EventStore } from '@motcua/shared/store/event-store';
import { businessDays, historyDays, localInstant } from '@motcua/hub/reports/history';
import { createReportSource } from '@motcua/hub/reports/source';
import { benchLiveUpdate } from './dashboard-live.js';

export interface ReportsBench {
  report_year_ms: number;
  report_year_first_ms: number;
  report_year_cpu_ms: number;
  report_year_first_cpu_ms: number;
  export_year_xlsx_ms: number;
  hub_rss_mb: number;
  hub_open_ms: number;
  days: number;
  tickets: number;
  events: number;
  generate_ms: number;
  aggregate_year_ms: number;
  hub_db_mb: number;
  reports_db_mb: number;
  load_avg_1m: number;
}

/** What the child process measures (see reports-child.ts). */
export interface ChildFigures {
  report_year_ms: number;
  report_year_first_ms: number;
  /** CPU time of the same (user + system): the figure to read on a loaded machine. */
  report_year_cpu_ms: number;
  report_year_first_cpu_ms: number;
  export_year_xlsx_ms: number;
  hub_rss_mb: number;
  /** Opening the event store and the report source over the year (the start-up check of every day). */
  hub_open_ms: number;
  rows: number;
}

/** The request the child gets on its command line, as JSON. */
export interface ChildRequest {
  dir: string;
  today: string;
  from: string;
  to: string;
}

export const FIRST_DAY = '2025-01-06';

/** The provincial example with quotas as large as the number ranges, open around the clock, devices open. */
export function benchConfig(): CentreConfig {
  const base = loadConfigFile(exampleConfigPaths.provincial);
  return parseConfig({
    ...base,
    devices: [],
    areas: base.areas.map((a) => ({ ...a, dailyQuota: a.numberRange.to - a.numberRange.from + 1 })),
    hours: AROUND_THE_CLOCK,
  });
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 100) / 100;

function fileMb(path: string): number {
  let n = 0;
  for (const side of ['', '-wal']) {
    try {
      n += statSync(path + side).size;
    } catch {
      // no such file
    }
  }
  return mb(n);
}

export class ReportsBenchError extends Error {}

function runChild(req: ChildRequest): Promise<ChildFigures> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./reports-child.ts', import.meta.url)),
    [JSON.stringify(req)],
    {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    let result: ChildFigures | null = null;
    child.on('message', (m: ChildFigures) => {
      result = m;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result !== null) resolve(result);
      else reject(new ReportsBenchError(`the measuring process exited (${signal ?? String(code)})`));
    });
  });
}

export async function runReportsBench(opts: { days?: number; tickets?: number } = {}): Promise<ReportsBench> {
  const days = opts.days ?? 250;
  const perDay = opts.tickets ?? 2000;
  const config = benchConfig();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-reports-'));
  try {
    const list = businessDays(FIRST_DAY, days + 1);
    const today = list[days]!;
    const clock = new ManualClock(localInstant(today, 8 * 60, config.centre.timeZone));
    const store = new EventStore({
      path: join(dir, 'hub.db'),
      deviceId: 'hub',
      config,
      clock,
      logger: silentLogger,
      outbox: false,
    });
    let tickets = 0;
    let events = 0;
    let stored = 0;
    const t0 = performance.now();
    for (const d of historyDays(config, { firstDay: FIRST_DAY, days, ticketsPerDay: perDay })) {
      const r = store.ingestMany(d.events);
      if (r.stored.length !== d.events.length)
        throw new ReportsBenchError(`day ${d.day}: ${d.events.length - r.stored.length} events not stored`);
      tickets += d.tickets;
      events += d.events.length;
      // As the hub's maintenance timer does: a WAL left to grow to the year's size slows every read.
      if (++stored % 5 === 0) store.checkpoint();
    }
    store.checkpoint();
    const generateMs = performance.now() - t0;
    const t1 = performance.now();
    const source = createReportSource({ store, config, dataDir: dir, clock, logger: silentLogger });
    const aggregateMs = performance.now() - t1;
    source.close();
    store.close();
    const figures = await runChild({ dir, today, from: list[0]!, to: list[days - 1]! });
    return {
      report_year_ms: figures.report_year_ms,
      report_year_first_ms: figures.report_year_first_ms,
      report_year_cpu_ms: figures.report_year_cpu_ms,
      report_year_first_cpu_ms: figures.report_year_first_cpu_ms,
      export_year_xlsx_ms: figures.export_year_xlsx_ms,
      hub_rss_mb: figures.hub_rss_mb,
      hub_open_ms: figures.hub_open_ms,
      days,
      tickets,
      events,
      generate_ms: Math.round(generateMs),
      aggregate_year_ms: Math.round(aggregateMs),
      hub_db_mb: fileMb(join(dir, 'hub.db')),
      reports_db_mb: fileMb(join(dir, 'reports.db')),
      load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI entry: `bench reports [--json] [--days n] [--tickets n]`. */
export async function benchReports(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const num = (name: string): number | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = Number(argv[i + 1]);
    return Number.isInteger(v) && v >= 1 ? v : NaN;
  };
  const days = num('days');
  const tickets = num('tickets');
  const liveSamples = num('live-samples');
  if (
    Number.isNaN(days) ||
    Number.isNaN(tickets) ||
    Number.isNaN(liveSamples) ||
    (days ?? 1) > 2000 ||
    (tickets ?? 1) > 20_000 ||
    (liveSamples ?? 1) > 10_000
  ) {
    io.err(
      'usage: motcua bench reports [--json] [--days n (1-2000)] [--tickets n per day (1-20000)] [--live-samples n]',
    );
    return 2;
  }
  try {
    const year = await runReportsBench({
      ...(days === undefined ? {} : { days }),
      ...(tickets === undefined ? {} : { tickets }),
    });
    // An event at the hub → the dashboard page in Chromium shows it (a real hub, Mosquitto and Chromium).
    const live = await benchLiveUpdate(liveSamples === undefined ? {} : { samples: liveSamples });
    const r = { ...year, ...live };
    if (argv.includes('--json')) io.out(JSON.stringify(r, null, 2));
    else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(22)} ${String(v)}`);
    return 0;
  } catch (e) {
    if (e instanceof ReportsBenchError) {
      io.err(`motcua bench reports: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
