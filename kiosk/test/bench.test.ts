import { describe, expect, it } from 'vitest';
import { benchKioskCommand } from '../bench/bench.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('benchKioskCommand', () => {
  it('refuses bad arguments with a usage line', async () => {
    const r = io();
    expect(await benchKioskCommand(['--tickets', 'x'], r.io)).toBe(2);
    expect(r.err.join('')).toMatch(/usage: motcua bench kiosk/);
    expect(await benchKioskCommand(['--tickets', '5000'], r.io)).toBe(2);
  });

  it('prints the figures as one JSON object from a small real run', { timeout: 90_000 }, async () => {
    const r = io();
    expect(await benchKioskCommand(['--tickets', '6', '--runs', '1', '--slowdown', '2'], r.io)).toBe(0);
    const figures = JSON.parse(r.out.join('')) as Record<string, unknown>;
    expect(figures).toMatchObject({ tickets: 6, cpu_slowdown: 2 });
    for (const k of [
      'ui_js_kb_gz',
      'first_screen_ms_p50',
      'first_screen_ms_slow_p50',
      'tap_to_printer_p50_ms',
      'tap_to_printer_p99_ms',
      'runtime_rss_mb',
    ])
      expect(figures[k], k).toBeGreaterThan(0);
  });
});
