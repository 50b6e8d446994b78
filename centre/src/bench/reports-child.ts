/**
 * The reports bench's measuring process (see reports.ts): a fresh process standing for the hub after a restart.
 * It opens the hub's event store and the report source over the files the bench made, times the year's
 * reports and export, and sends its figures to the parent over IPC.
 */
import { join } from 'node:path';
import { ManualClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { EventStore } from '@motcua/shared/store/event-store';
import { localInstant } from '@motcua/hub/reports/history';
import { createReportSource } from '@motcua/hub/reports/source';
import { benchConfig, type ChildFigures, type ChildRequest } from './reports.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
  const config = benchConfig();
  const opened = performance.now();
  const clock = new ManualClock(localInstant(req.today, 8 * 60, config.centre.timeZone));
  const store = new EventStore({
    path: join(req.dir, 'hub.db'),
    deviceId: 'hub',
    config,
    clock,
    logger: silentLogger,
    outbox: false,
  });
  const reports = createReportSource({ store, config, dataDir: req.dir, clock, logger: silentLogger });
  const openMs = performance.now() - opened;
  const year = { from: req.from, to: req.to };
  const runs: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    rows = reports.report({ ...year, groupBy: 'area' }).rows.length;
    rows += reports.report({ ...year, groupBy: 'officer' }).rows.length;
    const used = process.cpuUsage(c);
    runs.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const exports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await reports.xlsx({ ...year, groupBy: 'day' });
    exports.push(performance.now() - t);
  }
  const figures: ChildFigures = {
    report_year_ms: round1(median(runs)),
    report_year_first_ms: round1(runs[0]!),
    report_year_cpu_ms: round1(median(cpu)),
    report_year_first_cpu_ms: round1(cpu[0]!),
    export_year_xlsx_ms: round1(median(exports)),
    hub_rss_mb: round1(process.memoryUsage().rss / 1048576),
    hub_open_ms: round1(openMs),
    rows,
  };
  reports.close();
  store.close();
  process.send?.(figures);
}

main().catch((e: unknown) => {
  process.stderr.write(`reports bench child: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
