/**
 * `motcua bench counter`: the hall board's figures on this machine, as one JSON object. Not a test: no
 * thresholds. A product Mosquitto on a free loopback port, the hub, forty counter runtimes, the board in
 * browser mode and Debian's Chromium showing it.
 * - press_to_board_p50_ms / _p99_ms: the counter runtime's `next` called → the board's page has the number in
 *   its "Xin mời số" panel (a MutationObserver in the page stamps the DOM change on the same wall clock);
 * - board_frame_p99_ms: frame times (requestAnimationFrame deltas) during a call's highlight with forty
 *   counters open, at 4× CPU throttling (DevTools `Emulation.setCPUThrottlingRate`);
 * - ui_js_kb_gz: the JavaScript the board page loads, gzipped (level 9), in KB (one bundle for every role).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { silentLogger, systemClock } from '@motcua/shared';
import { openDevice } from '@motcua/shared/device/runtime';
import { startHub } from '@motcua/hub/hub';
import { startCounterBrowserMode } from '@motcua/counter-display/browser-mode';
import { buildCounterScreen } from '@motcua/counter-display/build-screen';
import { startCounter, type CounterDevice } from '@motcua/counter-display/runtime/counter';
import { launchChromium } from '../chromium.js';
import { defaultTestConf, startMosquitto } from '../mosquitto.js';
import { benchSyncConfig } from './sync-config.js';

export interface CounterBench {
  press_to_board_p50_ms: number;
  press_to_board_p99_ms: number;
  presses: number;
  board_frame_p99_ms: number;
  board_frames: number;
  counters: number;
  cpu_slowdown: number;
  ui_js_kb_gz: number;
  chromium: string;
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (
    Math.round((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN) * 100) / 100
  );
};

const waitFor = async (cond: () => boolean, ms: number, what: string): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** In the page: stamps (wall clock, ms) each new number shown in the "Xin mời số" panel. */
const STAMP_CALLS = `(() => {
  window.__shown = [];
  let last = null;
  new MutationObserver(() => {
    const n = document.querySelector('.b-now__num');
    const t = n ? n.textContent : null;
    if (t !== null && t !== last) { last = t; window.__shown.push({ t, at: performance.timeOrigin + performance.now() }); }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** In the page: requestAnimationFrame deltas for `ms`. */
const FRAMES = (ms: number): string => `new Promise((done) => {
  const out = [];
  let prev = null;
  const end = performance.now() + ${String(ms)};
  const tick = (t) => {
    if (prev !== null) out.push(t - prev);
    prev = t;
    if (t < end) requestAnimationFrame(tick); else done(out);
  };
  requestAnimationFrame(tick);
})`;

export async function measureCounterBench(
  o: { presses?: number; slowdown?: number } = {},
): Promise<CounterBench> {
  const presses = o.presses ?? 50;
  const slowdown = o.slowdown ?? 4;
  const counters = 40;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-counter-bench-'));
  const config = benchSyncConfig(counters, 1);
  const broker = await startMosquitto({ conf: defaultTestConf({ persistence: false }) });
  const stops: (() => Promise<void>)[] = [() => broker.stop()];
  try {
    const hub = await startHub({
      config,
      dataDir: dir,
      brokerUrl: broker.url,
      clock: systemClock,
      logger: silentLogger,
    });
    stops.unshift(() => hub.stop());
    const staticDir = await buildCounterScreen(join(dir, 'screen'));
    const common = { dataDir: dir, brokerUrl: broker.url, config, logger: silentLogger };
    const kiosk = openDevice({ ...common, role: 'kiosk', deviceId: 'kiosk-1' });
    stops.unshift(() => kiosk.stop());
    const desks: CounterDevice[] = [];
    for (let i = 0; i < counters; i++) {
      const d = startCounter({ ...common, counterId: `c${String(i + 1)}` });
      desks.push(d);
      stops.unshift(() => d.stop());
    }
    await waitFor(() => kiosk.sync.connected && desks.every((d) => d.status().connected), 30_000, 'devices');
    const issue = async (): Promise<void> => {
      const r = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
      if (r.kind !== 'done') throw new Error('bench: no ticket');
    };
    for (const d of desks) {
      const r = await d.commands.open();
      if (!r.ok) throw new Error(`bench: open: ${r.message}`);
    }
    for (let i = 0; i < counters + presses + 1; i++) await issue();
    for (const d of desks) await d.commands.next(); // every counter shows a number

    const board = await startCounterBrowserMode({
      role: 'board',
      runtime: { ...common, deviceId: 'board-1', voice: false },
      port: 0,
      staticDir,
    });
    stops.unshift(() => board.stop());
    const browser = await launchChromium();
    stops.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    let jsBytes = 0;
    const bodies: Promise<void>[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js'))
        bodies.push(r.body().then((b) => void (jsBytes += gzipSync(b, { level: 9 }).length)));
    });
    await page.goto(board.url);
    await page.locator('.b-tile__num').first().waitFor();
    await Promise.all(bodies);
    await page.evaluate(STAMP_CALLS);

    const desk = desks[0]!;
    const latencies: number[] = [];
    for (let i = 0; i < presses; i++) {
      const before = await page.evaluate<number>('window.__shown.length');
      const t0 = Date.now();
      const r = await desk.commands.next();
      if (!r.ok) throw new Error(`bench: next: ${r.message}`);
      // Polled with evaluate: waitForFunction's string form is an eval, which the screen's CSP refuses.
      for (;;) {
        if ((await page.evaluate<number>('window.__shown.length')) > before) break;
        await new Promise((ok) => setTimeout(ok, 5));
      }
      const at = await page.evaluate<number>('window.__shown[window.__shown.length - 1].at');
      latencies.push(at - t0);
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const frames = page.evaluate<number[]>(FRAMES(3_000));
    await desks[1]!.commands.next(); // a highlight on a full board
    const deltas = await frames;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return {
      press_to_board_p50_ms: pct(latencies, 50),
      press_to_board_p99_ms: pct(latencies, 99),
      presses,
      board_frame_p99_ms: pct(deltas, 99),
      board_frames: deltas.length,
      counters,
      cpu_slowdown: slowdown,
      ui_js_kb_gz: Math.round(jsBytes / 102.4) / 10,
      chromium: browser.version(),
    };
  } finally {
    for (const s of stops) await s().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CLI entry for the lead to wire: `motcua bench counter [--presses N] [--slowdown N]`. */
export async function benchCounter(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  const num = (flag: string): number | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    return Number.isInteger(n) && n > 0 ? n : Number.NaN;
  };
  const presses = num('--presses');
  const slowdown = num('--slowdown');
  if ([presses, slowdown].some((n) => Number.isNaN(n)) || (presses ?? 0) > 5_000) {
    io.err('usage: motcua bench counter [--presses N (≤ 5000)] [--slowdown N]  (positive integers)\n');
    return 2;
  }
  io.out(`${JSON.stringify(await measureCounterBench({ presses, slowdown }))}\n`);
  return 0;
}
