/**
 * `motcua bench counter`: bad flags are refused with the usage, before anything starts; a small real run (Mosquitto,
 * hub, the simulated counters' process, the panel, display and board pages in Chromium) prints every figure.
 */
import { describe, expect, it } from 'vitest';
import { benchCounter } from '../src/bench/counter.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('benchCounter (command entry)', () => {
  it.each([[['--presses', '0']], [['--presses', 'x']], [['--slowdown', '-2']], [['--presses', '9999']]])(
    'refuses %j with exit 2 and the usage',
    async (argv) => {
      const r = io();
      const code = await benchCounter(argv, r.io);
      expect(code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('')).toContain('usage: motcua bench counter');
    },
  );

  it('prints the figures as one JSON object from a small real run', { timeout: 180_000 }, async () => {
    const r = io();
    expect(await benchCounter(['--presses', '3'], r.io)).toBe(0);
    const figures = JSON.parse(r.out.join('')) as Record<string, unknown>;
    expect(figures).toMatchObject({ presses: 3, counters: 40, cpu_slowdown: 4 });
    for (const k of [
      'press_to_board_p50_ms',
      'press_to_board_p99_ms',
      'board_frame_p99_ms',
      'ui_js_kb_gz_panel',
      'ui_js_kb_gz_display',
      'ui_js_kb_gz_board',
      'ui_js_kb_gz',
    ]) {
      expect(typeof figures[k], k).toBe('number');
      expect(figures[k], k).toBeGreaterThan(0);
    }
    expect(figures.press_to_board_p99_ms).toBeGreaterThanOrEqual(figures.press_to_board_p50_ms as number);
  });
});
