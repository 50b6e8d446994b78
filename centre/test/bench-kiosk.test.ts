/**
 * `motcua bench kiosk`: a small real run (Mosquitto, hub, the runtime in its own process, the kiosk screen in
 * Chromium) prints every figure as a positive number; bad options get a usage line.
 */
import { describe, expect, it } from 'vitest';
import { benchKiosk } from '../src/bench/kiosk.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('motcua bench kiosk', () => {
  it('refuses bad options with a usage line', async () => {
    for (const argv of [['--tickets', 'x'], ['--tickets', '5000'], ['--rounds', '0'], ['--fast']]) {
      const r = io();
      expect(await benchKiosk(argv, r.io), argv.join(' ')).toBe(2);
      expect(r.err.join('')).toMatch(/usage: motcua bench kiosk/);
      expect(r.out).toEqual([]);
    }
  });

  it('prints the figures as one JSON object from a small real run', { timeout: 180_000 }, async () => {
    const r = io();
    expect(await benchKiosk(['--json', '--tickets', '20', '--rounds', '1'], r.io)).toBe(0);
    expect(r.err).toEqual([]);
    const figures = JSON.parse(r.out.join('')) as Record<string, unknown>;
    expect(figures).toMatchObject({ tickets: 20, rounds: 1, cpu_slowdown: 4, procedures: 2000 });
    for (const k of [
      'search_p50_ms',
      'search_p99_ms',
      'search_p99_ms_throttled',
      'tap_to_printer_p50_ms',
      'tap_to_printer_p99_ms',
      'ui_js_kb_gz',
      'ui_js_kb_gz_first_screen',
      'first_screen_ms',
      'first_screen_ms_throttled',
      'runtime_rss_mb',
    ]) {
      expect(typeof figures[k], k).toBe('number');
      expect(figures[k], k).toBeGreaterThan(0);
    }
    expect(figures.tap_to_printer_p99_ms).toBeGreaterThanOrEqual(figures.tap_to_printer_p50_ms as number);
  });
});
