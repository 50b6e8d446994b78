/**
 * `live_update_p99_ms`: from an event at the hub to the supervisor's dashboard page in Chromium showing it.
 *
 * A real Mosquitto, the hub with its dashboard, a kiosk device runtime and Debian's Chromium logged in to the
 * dashboard. Each sample issues one ticket through the kiosk (a request the hub answers after storing the
 * event) and waits for the page's waiting count to show it; a MutationObserver in the page stamps the moment
 * the DOM changed. The clock starts before the request leaves the kiosk, so the figure also holds the
 * kiosk → broker → hub trip (about a millisecond on loopback): an upper bound on "event at the hub → shown".
 * Samples are spaced by a random 50–150 ms so they do not lock onto the live view's recompute period.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AROUND_THE_CLOCK, parseConfig, silentLogger, systemClock, type Logger } from '@motcua/shared';
import { openDevice } from '@motcua/shared/device/runtime';
import { startHub } from '@motcua/hub/hub';
import { buildDashboardScreenToTemp } from '@motcua/hub/dashboard/build-screen';
import { hashPassword } from '@motcua/hub/dashboard/password';
import { launchChromium } from '../chromium.js';
import { startMosquitto } from '../mosquitto.js';

export interface LiveBenchOptions {
  /** Tickets issued and timed (default 100). */
  readonly samples?: number;
  /** The dashboard's recompute period (default: the dashboard's own default). */
  readonly liveIntervalMs?: number;
  readonly logger?: Logger;
}

export interface LiveBenchResult {
  readonly live_update_p50_ms: number;
  readonly live_update_p99_ms: number;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? Number.NaN;
}

interface PageWindow {
  __seen: Record<string, number | undefined>;
}

export async function benchLiveUpdate(opts: LiveBenchOptions = {}): Promise<LiveBenchResult> {
  const samples = opts.samples ?? 100;
  const logger = opts.logger ?? silentLogger;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-dashboard-'));
  const password = randomBytes(12).toString('base64url');
  const config = parseConfig({
    schemaVersion: 1,
    centre: { id: 'bench', name: 'Trung tâm đo hiệu năng', timeZone: 'Asia/Ho_Chi_Minh' },
    departments: [{ id: 'd1', name: 'Sở Tư pháp' }],
    areas: [
      {
        id: 'a',
        departmentId: 'd1',
        name: 'Hộ tịch',
        numberRange: { from: 1, to: 9_999 },
        dailyQuota: 9_999,
      },
    ],
    counters: [{ id: 'c1', number: 1, areas: ['a'] }],
    kiosks: [{ id: 'kiosk-1' }],
    hours: AROUND_THE_CLOCK,
    dashboard: {
      enabled: true,
      port: 0,
      accounts: [
        { username: 'bench', name: 'Bench', role: 'supervisor', passwordHash: await hashPassword(password) },
      ],
    },
  });
  const [broker, staticDir] = await Promise.all([startMosquitto(), buildDashboardScreenToTemp()]);
  const cleanup: (() => Promise<unknown>)[] = [
    () => {
      rmSync(staticDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
    () => broker.stop(),
  ];
  try {
    const hub = await startHub({
      config,
      dataDir: join(dir, 'hub'),
      brokerUrl: broker.url,
      clock: systemClock,
      logger,
      dashboard: {
        staticDir,
        ...(opts.liveIntervalMs === undefined ? {} : { liveIntervalMs: opts.liveIntervalMs }),
      },
    });
    cleanup.unshift(() => hub.stop());
    const kiosk = openDevice({
      role: 'kiosk',
      deviceId: 'kiosk-1',
      dataDir: dir,
      brokerUrl: broker.url,
      config,
      logger,
    });
    cleanup.unshift(() => kiosk.stop());
    const browser = await launchChromium();
    cleanup.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(hub.dashboard!.url);
    const status = await page.evaluate(async (pw) => {
      const r = await fetch('/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'bench', password: pw }),
      });
      return r.status;
    }, password);
    if (status !== 200) throw new Error(`bench log-in failed: HTTP ${status}`);
    await page.reload();
    await page.waitForSelector('[data-testid="waiting-a"]');
    // A string, not a function: tsx (esbuild keepNames) would wrap named inner functions in a __name helper
    // the page does not have.
    await page.evaluate(`(() => {
      window.__seen = {};
      new MutationObserver(() => {
        const t = (document.querySelector('[data-testid="waiting-a"]')?.textContent ?? '').trim();
        window.__seen[t] ??= Date.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    const deadline = Date.now() + 10_000;
    while (!kiosk.sync.connected) {
      if (Date.now() > deadline) throw new Error('bench kiosk did not connect');
      await new Promise((r) => setTimeout(r, 20));
    }
    const latencies: number[] = [];
    for (let i = 1; i <= samples; i++) {
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      const t0 = Date.now();
      const res = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
      if (res.kind !== 'done') throw new Error(`bench issue refused: ${JSON.stringify(res)}`);
      const handle = await page.waitForFunction(
        (want) => (globalThis as unknown as PageWindow).__seen[want],
        String(i),
        { timeout: 10_000, polling: 'raf' },
      );
      latencies.push(((await handle.jsonValue()) as number) - t0);
    }
    const r1 = (x: number): number => Math.round(x * 10) / 10;
    return {
      live_update_p50_ms: r1(percentile(latencies, 0.5)),
      live_update_p99_ms: r1(percentile(latencies, 0.99)),
    };
  } finally {
    for (const f of cleanup) await f().catch(() => undefined);
  }
}
