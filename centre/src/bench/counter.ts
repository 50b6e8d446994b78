/**
 * `motcua bench counter`: the figures of the screens at and around the counter on this machine, as one JSON
 * object. Not a test: no thresholds. A product Mosquitto on a free loopback port, the hub, forty counters, a
 * kiosk, the hall board in browser mode and Debian's Chromium showing it.
 * - press_to_board_p50_ms / _p99_ms: the officer clicks "Gọi tiếp" on the panel page of counter 1 (its runtime
 *   in browser mode) → the board's page has the number in its "Xin mời số" panel, through the broker. Both ends
 *   are stamped in Chromium on the same wall clock: the click by a listener on the panel page, the number by a
 *   MutationObserver on the board page;
 * - board_frame_p99_ms: frame times (requestAnimationFrame deltas) during a call's highlight with forty
 *   counters open, at 4× CPU throttling (DevTools `Emulation.setCPUThrottlingRate`);
 * - ui_js_kb_gz_panel / _display / _board: the JavaScript each screen's page loads, gzipped (level 9), in KB
 *   (one bundle with a lazy part per role); ui_js_kb_gz is the largest of the three.
 *
 * The other 39 counters and the kiosk run in the simulated devices' child process (farm.ts), as in
 * `bench sync`: in a centre each is its own machine, and in this process forty counters storing every
 * broadcast would sit on the event loop between the hub and the board.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { silentLogger, systemClock } from '@motcua/shared';
import { startHub } from '@motcua/hub/hub';
import { startCounterBrowserMode, type CounterBrowserMode } from '@motcua/counter-display/browser-mode';
import { buildCounterScreen } from '@motcua/counter-display/build-screen';
import { launchChromium } from '../chromium.js';
import { defaultTestConf, startMosquitto } from '../mosquitto.js';
import { startFarm } from './farm.js';
import { benchSyncConfig } from './sync-config.js';

export interface CounterBench {
  press_to_board_p50_ms: number;
  press_to_board_p99_ms: number;
  presses: number;
  board_frame_p99_ms: number;
  board_frames: number;
  counters: number;
  cpu_slowdown: number;
  ui_js_kb_gz_panel: number;
  ui_js_kb_gz_display: number;
  ui_js_kb_gz_board: number;
  ui_js_kb_gz: number;
  chromium: string;
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (
    Math.round((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN) * 100) / 100
  );
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * In the board's page: stamps (wall clock, ms) each new number shown in the "Xin mời số" panel and hands it to
 * the bench through a binding (no polling: a poll every few milliseconds would compete with what it measures).
 */
const STAMP_CALLS = `(() => {
  let last = null;
  new MutationObserver(() => {
    const n = document.querySelector('.b-now__num');
    const t = n ? n.textContent : null;
    if (t !== null && t !== last) { last = t; window.__motcuaShown(performance.timeOrigin + performance.now()); }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** In the panel's page: stamps (wall clock, ms) each click on "Gọi tiếp", before the page's own handler. */
const STAMP_CLICKS = `(() => {
  window.__clicks = [];
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('[data-testid="action-next"]') : null;
    if (b !== null) window.__clicks.push(performance.timeOrigin + performance.now());
  }, true);
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

/** Opens `url` in a new page and returns it with the gzipped size (KB) of the JavaScript it loaded. */
async function openMeasured(
  browser: Browser,
  url: string,
  ready: string,
  viewport: { width: number; height: number },
) {
  const page = await browser.newPage({ viewport });
  let jsBytes = 0;
  const bodies: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js'))
      bodies.push(r.body().then((b) => void (jsBytes += gzipSync(b, { level: 9 }).length)));
  });
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  // Lazy parts of the bundle (the role's pages) count too.
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  return { page, kb: Math.round(jsBytes / 102.4) / 10 };
}

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
      dataDir: join(dir, 'hub'),
      brokerUrl: broker.url,
      clock: systemClock,
      logger: silentLogger,
    });
    stops.unshift(() => hub.stop());
    const staticDir = await buildCounterScreen(join(dir, 'screen'));
    const runtime = { dataDir: join(dir, 'devices'), brokerUrl: broker.url, config, logger: silentLogger };
    const start = async (...a: Parameters<typeof startCounterBrowserMode>): Promise<CounterBrowserMode> => {
      const m = await startCounterBrowserMode(...a);
      stops.unshift(() => m.stop());
      return m;
    };
    // Counter 1 behind its panel page, and its citizen display (for the display's bundle size).
    const panelMode = await start({
      role: 'counter',
      runtime: { ...runtime, counterId: 'c1' },
      port: 0,
      staticDir,
    });
    const displayMode = await start({
      role: 'display',
      runtime: { ...runtime, counterId: 'c1' },
      port: 0,
      staticDir,
    });

    // The devices connect in the order a centre starts its morning: the hub, the hall board and the counters'
    // screens (always on), then the counters and the kiosk. The order matters on loopback: the broker copies a
    // broadcast to its subscribers one by one, in the order they subscribed, and here each copy also runs the
    // receiving side of TCP (~0.1 ms on this VM), so a board that subscribed after forty devices would get every
    // call ~4 ms later than one that subscribed first. On a network the copy costs a fraction of that.
    const boardMode = await start({
      role: 'board',
      runtime: { ...runtime, deviceId: 'board-1', voice: false },
      port: 0,
      staticDir,
    });

    // Counters 2…40 and the kiosk in the simulated devices' process.
    const farm = startFarm();
    stops.unshift(() => farm.stop());
    await farm.ask({ op: 'init', url: broker.url, counters, kiosks: 1, dir: join(dir, 'farm'), skip: 1 });
    await farm.ask({ op: 'open' });
    for (let i = 0; i < counters + presses + 1; i++) {
      const r = await farm.ask({ op: 'issue', i });
      if (r.op !== 'issued') throw new Error(`bench: issue answered ${r.op}`);
    }
    for (let i = 0; i < counters - 1; i++) {
      const r = await farm.ask({ op: 'call', i }); // every simulated counter shows a number
      if (r.op !== 'called') throw new Error(`bench: call answered ${r.op}`);
    }

    const browser = await launchChromium();
    stops.unshift(() => browser.close());
    const hd = { width: 1920, height: 1080 };
    const display = await openMeasured(browser, displayMode.url, 'main', { width: 1280, height: 800 });
    await display.page.close();
    const board = await openMeasured(browser, boardMode.url, '.b-tile__num', hd);
    const panel = await openMeasured(browser, panelMode.url, '[data-testid="officer-o1"]', hd);

    // The officer logs in by name and opens the counter, as on the device.
    await panel.page.getByTestId('officer-o1').click();
    await panel.page.getByTestId('open').click();
    await panel.page.getByTestId('action-next').waitFor();
    const shownAt: number[] = [];
    let onShown: (() => void) | null = null;
    await board.page.exposeFunction('__motcuaShown', (at: number) => {
      shownAt.push(at);
      onShown?.();
    });
    await board.page.evaluate(STAMP_CALLS);
    await panel.page.evaluate(STAMP_CLICKS);

    const latencies: number[] = [];
    for (let i = 0; i < presses; i++) {
      const before = shownAt.length;
      const clicks = await panel.page.evaluate<number>('window.__clicks.length');
      const shown = new Promise<number>((resolve, reject) => {
        const t = setTimeout(() => {
          reject(new Error(`bench: press ${String(i + 1)} never reached the board`));
        }, 10_000);
        onShown = () => {
          if (shownAt.length <= before) return;
          clearTimeout(t);
          resolve(shownAt[before]!);
        };
      });
      await panel.page.getByTestId('action-next').click();
      const at = await shown;
      const clicked = await panel.page.evaluate<number>(`window.__clicks[${String(clicks)}]`);
      latencies.push(at - clicked);
      // The panel takes the next press once this one is answered (a double press never sends two).
      await panel.page.getByTestId('action-next').waitFor();
      await sleep(50);
    }

    const cdp = await board.page.context().newCDPSession(board.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const frames = board.page.evaluate<number[]>(FRAMES(3_000));
    await farm.ask({ op: 'call', i: 0 }); // a highlight on a full board
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
      ui_js_kb_gz_panel: panel.kb,
      ui_js_kb_gz_display: display.kb,
      ui_js_kb_gz_board: board.kb,
      ui_js_kb_gz: Math.max(panel.kb, display.kb, board.kb),
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
