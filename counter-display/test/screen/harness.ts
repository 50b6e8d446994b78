/**
 * Test support for the counter-display screens (officer panel, counter display with rating pad, hall board):
 * a real Mosquitto and hub (`startTestCentre`), each device in browser mode on an OS-assigned loopback port,
 * the screen built once per test file with the shared Vite config, and Debian's Chromium. Page sets share it;
 * each test file starts the devices it needs with `rig.start(...)`.
 */
import type { Browser, Page } from 'playwright-core';
import { vi } from 'vitest';
import { silentLogger, type CentreConfig } from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium, newScreenPage } from '@motcua/testing/chromium';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import {
  startCounterBrowserMode,
  type CounterAppRole,
  type CounterBrowserMode,
  type CounterKeypadOptions,
} from '../../src/browser-mode.js';
import { buildCounterScreenToTemp } from '../../src/build-screen.js';

/** A small centre: two areas, three counters, two officers, the default 5-level rating scale. */
export function counterTestConfig(over: Parameters<typeof testCentreConfig>[0] = {}): CentreConfig {
  return testCentreConfig({
    departments: [{ id: 'd1', name: 'Sở Tư pháp', nameEn: 'Department of Justice' }],
    areas: [
      {
        id: 'a',
        departmentId: 'd1',
        name: 'Hộ tịch',
        nameEn: 'Civil status',
        numberRange: { from: 1001, to: 1999 },
        dailyQuota: 999,
      },
      {
        id: 'b',
        departmentId: 'd1',
        name: 'Chứng thực',
        nameEn: 'Certification',
        numberRange: { from: 2001, to: 2999 },
        dailyQuota: 999,
      },
    ],
    counters: [
      { id: 'c1', number: 1, areas: ['a'] },
      { id: 'c2', number: 2, areas: ['a', 'b'] },
      { id: 'c3', number: 3, areas: ['b'] },
    ],
    officers: [
      { id: 'o1', name: 'Nguyễn Thị Hương', title: 'Chuyên viên' },
      { id: 'o2', name: 'Trần Văn Đức' },
    ],
    ...over,
  });
}

let built: Promise<string> | undefined;
/** The screen, built once per test file (each file runs in its own process). */
export function screenDir(): Promise<string> {
  built ??= buildCounterScreenToTemp();
  return built;
}

/** What a test passes to start one device: the role and the role's own options (ids, timeouts…). */
export type DeviceSpec =
  | { readonly role: 'counter'; readonly counterId: string }
  | { readonly role: 'display'; readonly counterId: string }
  | { readonly role: 'rating'; readonly counterId: string }
  | { readonly role: 'board' };

export interface CounterScreenRig {
  readonly centre: TestCentreRun;
  readonly config: CentreConfig;
  readonly browser: Browser;
  /** Starts a device in browser mode (port 0, or `port` to restart on the same one) and opens no page. */
  start(
    spec: DeviceSpec,
    over?: { port?: number; extra?: Record<string, unknown>; keypad?: CounterKeypadOptions },
  ): Promise<CounterBrowserMode>;
  /** Issues a ticket through the hub (a printerless kiosk device, `kiosk-1`): its ticket id. */
  issue(areaId: string): Promise<string>;
  /** A new page at the device's URL (1920×1080 unless a viewport is given). */
  open(device: CounterBrowserMode, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startCounterRig(
  o: {
    config?: CentreConfig;
    /** Flags added to the usual ones (the board's voice test: `--autoplay-policy=no-user-gesture-required`). */
    chromiumArgs?: readonly string[];
  } = {},
): Promise<CounterScreenRig> {
  const config = o.config ?? counterTestConfig();
  const [dir, centre, browser] = await Promise.all([
    screenDir(),
    startTestCentre({ config }),
    o.chromiumArgs === undefined
      ? launchChromium()
      : chromium.launch({
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: [...CHROMIUM_FLAGS, ...o.chromiumArgs],
        }),
  ]);
  const devices: CounterBrowserMode[] = [];
  const common = {
    dataDir: centre.dir,
    brokerUrl: centre.broker.url,
    config,
    logger: silentLogger,
    sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
  };
  const roleOf = (spec: DeviceSpec, extra: Record<string, unknown>): CounterAppRole => {
    switch (spec.role) {
      case 'counter':
        return {
          role: 'counter',
          runtime: { ...common, counterId: spec.counterId, onlineTimeoutMs: 800, ...extra },
        };
      case 'display':
        return { role: 'display', runtime: { ...common, counterId: spec.counterId, ...extra } };
      case 'rating':
        return {
          role: 'rating',
          runtime: { ...common, counterId: spec.counterId, onlineTimeoutMs: 800, ...extra },
        };
      case 'board':
        return { role: 'board', runtime: { ...common, deviceId: 'board-1', ...extra } };
    }
  };
  let issuer: DeviceCore | undefined;
  return {
    centre,
    config,
    browser,
    async start(spec, over = {}) {
      const role = roleOf(spec, over.extra ?? {});
      const d = await startCounterBrowserMode({
        ...(role.role === 'counter' && over.keypad !== undefined ? { ...role, keypad: over.keypad } : role),
        port: over.port ?? 0,
        staticDir: dir,
      });
      devices.push(d);
      return d;
    },
    async open(device, viewport) {
      const page = await newScreenPage(browser);
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(device.url);
      return page;
    },
    async issue(areaId) {
      issuer ??= openDevice({ ...common, role: 'kiosk', deviceId: 'kiosk-1' });
      const kiosk = issuer;
      await eventually(() => {
        if (!kiosk.sync.connected) throw new Error('the issuing kiosk is not connected yet');
      }, 15_000);
      const r = await issuer.sync.request('issue', { areaId, priority: null, needsPrint: false });
      if (r.kind !== 'done' || r.ticketId === null) throw new Error(`no ticket for area ${areaId}`);
      return r.ticketId;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await issuer?.stop().catch(() => undefined);
      for (const d of devices) await d.stop().catch(() => undefined);
      await centre.close();
    },
  };
}

/** Retries an assertion until it holds (Playwright's web-first assertions live in @playwright/test). */
export const eventually = (check: () => unknown, timeout = 8_000): Promise<void> =>
  vi.waitFor(
    async () => {
      await check();
    },
    { timeout, interval: 25 },
  );
