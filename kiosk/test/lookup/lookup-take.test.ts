/**
 * "Lấy số" on a procedure's page, as a device that looks up and prints shows it: the kiosk app's one bundle,
 * given a look-up view that says `takesNumbers`, wires LookupApp's "Lấy số" to the device's `take` command. In
 * Chromium, against the hub, Mosquitto, the lookup and
 * kiosk runtimes and the fake ESC/POS printer. One tap issues a number for the procedure's area.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock, silentLogger } from '@motcua/shared';
import type { DeviceApi } from '@motcua/shared/device/api';
import { loadConfigFile } from '@motcua/shared/config';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { serveScreen, type ScreenServer } from '@motcua/shared/screen/server';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import {
  collectCspViolations,
  launchChromium,
  newScreenPage,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
} from '@motcua/testing/chromium';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startLookup, lookupCommandArgs, type LookupView } from '../../src/runtime/lookup.js';
import { kioskCommandArgs, startKiosk } from '../../src/runtime/kiosk.js';
import { buildKioskScreenToTemp } from '../../src/build-screen.js';

const config = loadConfigFile(exampleConfigPaths.provincial);
const catalogue = loadCatalogueFile(exampleCataloguePaths.provincial);
const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z')); // Tuesday 09:00 in Viet Nam: open

describe('Lấy số from a procedure page on a device with a printer', () => {
  let centre: TestCentreRun;
  let lookup: ReturnType<typeof startLookup>;
  let kiosk: ReturnType<typeof startKiosk>;
  const paper = new FakePrinter();
  let server: ScreenServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    let dist: string;
    [dist, centre, browser] = await Promise.all([
      buildKioskScreenToTemp(),
      startTestCentre({ config, catalogue, clock }),
      launchChromium(),
    ]);
    const common = {
      dataDir: centre.dir,
      brokerUrl: centre.broker.url,
      config,
      clock,
      logger: silentLogger,
      sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 300 } },
    };
    lookup = startLookup({ ...common, deviceId: 'lookup-1' });
    kiosk = startKiosk({
      ...common,
      kioskId: 'kiosk-1',
      printer: {
        openTransport: () => Promise.resolve(new FakeTransport(paper)),
        statusTimeoutMs: 200,
        sleep: () => Promise.resolve(),
      },
    });
    // A device that does both: the look-up view (saying it takes numbers) and commands, plus the kiosk's `take`.
    const api: DeviceApi<LookupView, typeof lookup.commands & { take: typeof kiosk.commands.take }> = {
      role: 'lookup',
      subscribe: (fn) => lookup.subscribe((v) => fn({ ...v, takesNumbers: true })),
      connection: (fn) => lookup.connection(fn),
      commands: { ...lookup.commands, take: (a) => kiosk.commands.take(a) },
      stop: () => Promise.resolve(),
    };
    server = await serveScreen({
      port: 0,
      staticDir: dist,
      api,
      commandArgs: { ...lookupCommandArgs, take: kioskCommandArgs.take },
    });
    page = await newScreenPage(browser);
    await page.goto(server.url);
  }, 60_000);
  afterAll(async () => {
    await browser.close();
    await server.close();
    await kiosk.stop();
    await lookup.stop();
    await centre.close();
  });

  it('shows "Lấy số" and one tap prints a number for the procedure\'s area', async () => {
    const kb = page.getByRole('group', { name: 'Bàn phím' });
    for (const ch of 'khai sinh')
      await kb.getByRole('button', { name: ch === ' ' ? 'Dấu cách' : ch, exact: true }).click();
    await page.getByTestId('result').first().click();
    const take = page.getByTestId('take');
    await take.waitFor();
    expect(await take.textContent()).toBe('Lấy số');
    const printed = paper.received.length;
    await take.click();
    await vi.waitFor(
      async () => {
        expect(await page.getByTestId('take-note').textContent()).toBe(
          'Đã in số thứ tự. Xin mời nhận phiếu.',
        );
      },
      { timeout: 10_000, interval: 25 },
    );
    expect(paper.received.length).toBeGreaterThan(printed);
    let waiting = -1;
    const off = lookup.subscribe((v) => {
      waiting = v.areas.find((a) => a.id === 'tp-hotich')?.waiting ?? -1;
    });
    await vi.waitFor(() => {
      expect(waiting).toBe(1);
    });
    off();
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    expect(await collectCspViolations(page)).toEqual([]);
    await saveScreenshot(page, 'lookup-procedure-take');
  });
});
