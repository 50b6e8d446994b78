/**
 * Test support for the kiosk screen: a real Mosquitto and hub (`startTestCentre`), the kiosk runtime in browser
 * mode on an OS-assigned loopback port, printing on the fake ESC/POS printer (optionally slowed, to see the
 * "Đang in…" page), the screen built once per test file with the shared Vite config, and Debian's Chromium.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { silentLogger, systemClock, type CentreConfig, type Clock } from '@motcua/shared';
import type { ConfigInput } from '@motcua/shared/config';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { launchChromium, newScreenPage } from '@motcua/testing/chromium';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import { decodeEscPos, decodedText } from '@motcua/ticket-printer/escpos/decoder';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKioskBrowserMode, type KioskBrowserMode } from '../../src/browser-mode.js';
import { buildKioskScreenToTemp } from '../../src/build-screen.js';
import type { KioskOptions } from '../../src/runtime/kiosk.js';

/** The test centre, printing text (TCVN3) so the decoder reads the number back, and a short idle reset. */
export function kioskTestConfig(over: Partial<ConfigInput> = {}): CentreConfig {
  return testCentreConfig({
    kiosks: [{ id: 'kiosk-1', idleResetS: 6 }, { id: 'kiosk-2' }],
    ticket: { profile: 'epson-tcvn3' },
    departments: [
      { id: 'd1', name: 'Sở Tư pháp', nameEn: 'Department of Justice' },
      { id: 'd2', name: 'Sở Xây dựng', nameEn: 'Department of Construction' },
    ],
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
      {
        id: 'c',
        departmentId: 'd2',
        name: 'Cấp phép xây dựng',
        nameEn: 'Building permits',
        numberRange: { from: 3001, to: 3002 },
        dailyQuota: 1,
      },
    ],
    counters: [
      { id: 'c1', number: 1, areas: ['a'] },
      { id: 'c2', number: 2, areas: ['a', 'b'] },
      { id: 'c3', number: 3, areas: ['b', 'c'] },
    ],
    priorityCategories: [
      { id: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' },
      { id: 'disability', name: 'Người khuyết tật', nameEn: 'People with disabilities' },
    ],
    ...over,
  });
}

export interface KioskScreenRig {
  readonly centre: TestCentreRun;
  readonly paper: FakePrinter;
  readonly browser: Browser;
  readonly page: Page;
  kiosk: KioskBrowserMode;
  /** Milliseconds every printer open waits (0 = at once). */
  printDelayMs: number;
  options(over?: Partial<KioskOptions>): KioskOptions;
  close(): Promise<void>;
}

let built: Promise<string> | undefined;
/** The screen, built once per test file (each file runs in its own process). */
export function screenDir(): Promise<string> {
  built ??= buildKioskScreenToTemp();
  return built;
}

export async function startRig(
  o: {
    /** The broker URL the kiosk uses (e.g. through a fault proxy); default the centre's broker. */
    brokerUrl?: (centre: TestCentreRun) => Promise<string>;
    config?: CentreConfig;
    /** The clock of the hub and the kiosk (default the system's). */
    clock?: Clock;
    /** Overrides of the kiosk runtime's options. */
    kiosk?: Partial<KioskOptions>;
  } = {},
): Promise<KioskScreenRig> {
  const config = o.config ?? kioskTestConfig();
  const [dir, centre, browser] = await Promise.all([
    screenDir(),
    startTestCentre({ config, clock: o.clock ?? systemClock }),
    launchChromium(),
  ]);
  const brokerUrl = (await o.brokerUrl?.(centre)) ?? centre.broker.url;
  const paper = new FakePrinter();
  const rig: KioskScreenRig = {
    centre,
    paper,
    browser,
    page: await newScreenPage(browser),
    kiosk: undefined as unknown as KioskBrowserMode,
    printDelayMs: 0,
    options: (over = {}) => ({
      kioskId: 'kiosk-1',
      dataDir: centre.dir,
      brokerUrl,
      config,
      clock: o.clock ?? systemClock,
      logger: silentLogger,
      sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
      onlineTimeoutMs: 500,
      printer: {
        openTransport: async () => {
          if (rig.printDelayMs > 0) await new Promise((r) => setTimeout(r, rig.printDelayMs));
          return new FakeTransport(paper);
        },
        statusTimeoutMs: 200,
        sleep: () => Promise.resolve(),
        watchMs: 200,
      },
      ...over,
    }),
    async close() {
      await browser.close().catch(() => undefined);
      await rig.kiosk.stop().catch(() => undefined);
      await centre.close();
    },
  };
  rig.kiosk = await startKioskBrowserMode({ runtime: rig.options(o.kiosk), port: 0, staticDir: dir });
  return rig;
}

/** Retries an assertion until it holds (Playwright's web-first assertions live in @playwright/test). */
export const eventually = (check: () => unknown, timeout = 8_000): Promise<void> =>
  vi.waitFor(
    async () => {
      await check();
    },
    { timeout, interval: 25 },
  );

export const hasText = (l: Locator, want: string | RegExp, timeout?: number): Promise<void> =>
  eventually(async () => {
    const text = ((await l.textContent()) ?? '').trim();
    if (typeof want === 'string') expect(text).toBe(want);
    else expect(text).toMatch(want);
  }, timeout);

/** The text lines the fake printer would have printed so far. */
export function printedLines(paper: FakePrinter): string[] {
  return decodedText(decodeEscPos(paper.received));
}
