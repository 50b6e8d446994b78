/** The reports benchmark runs end to end on a few small days and prints its figures as JSON. */
import { describe, expect, it } from 'vitest';
import { benchReports } from '../src/bench/reports.js';

describe('benchReports', () => {
  it('prints the year figures for a small history', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const code = await benchReports(['--json', '--days', '2', '--tickets', '80', '--live-samples', '5'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const r = JSON.parse(out[0]!) as Record<string, number>;
    expect(r.days).toBe(2);
    expect(r.tickets).toBe(160);
    expect(r.events).toBeGreaterThan(r.tickets! * 3);
    for (const k of ['report_year_ms', 'report_year_cpu_ms', 'export_year_xlsx_ms', 'aggregate_year_ms'])
      expect(r[k], k).toBeGreaterThan(0);
    expect(r.hub_rss_mb).toBeGreaterThan(10);
    expect(r.reports_db_mb).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a bad flag with a usage line', async () => {
    const err: string[] = [];
    const code = await benchReports(['--days', 'x'], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/usage/);
  });
});
