/**
 * The look-up screen in real Chromium: the kiosk app's one bundle, built by Vite, served by the look-up browser
 * mode (`startLookupBrowserMode`: the real lookup runtime, whose view says role `lookup`), against a real
 * Mosquitto and the hub that publishes the provincial sample catalogue. A kiosk runtime (fake printer) takes
 * tickets so the queue status changes live.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock, silentLogger } from '@motcua/shared';
import { loadConfigFile } from '@motcua/shared/config';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import {
  collectCspViolations,
  launchChromium,
  newScreenPage,
  overflowPx,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
  textSmallerThan,
} from '@motcua/testing/chromium';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKiosk } from '../../src/runtime/kiosk.js';
import { startLookupBrowserMode, type LookupBrowserMode } from '../../src/browser-mode.js';
import { buildKioskScreenToTemp } from '../../src/build-screen.js';

const eventually = (check: () => Promise<void>, timeout = 5000): Promise<void> =>
  vi.waitFor(check, { timeout, interval: 25 });
const hasText = (l: Locator, want: string | RegExp, timeout?: number): Promise<void> =>
  eventually(async () => {
    const text = (await l.textContent()) ?? '';
    if (typeof want === 'string') expect(text).toContain(want);
    else expect(text).toMatch(want);
  }, timeout);

const config = loadConfigFile(exampleConfigPaths.provincial);
const catalogue = loadCatalogueFile(exampleCataloguePaths.provincial);
// A Tuesday, 09:00 in Ho Chi Minh City: the centre is open, so kiosks issue.
const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z'));

describe('look-up screen in Chromium against the hub, broker and lookup runtime', () => {
  let centre: TestCentreRun;
  let kiosk: ReturnType<typeof startKiosk>;
  let mode: LookupBrowserMode;
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
    mode = await startLookupBrowserMode({
      runtime: { ...common, deviceId: 'lookup-1' },
      port: 0,
      staticDir: dist,
    });
    kiosk = startKiosk({
      ...common,
      kioskId: 'kiosk-1',
      printer: {
        openTransport: () => Promise.resolve(new FakeTransport(new FakePrinter())),
        statusTimeoutMs: 200,
        sleep: () => Promise.resolve(),
      },
    });
    page = await newScreenPage(browser);
    await page.goto(mode.url);
  }, 60_000);
  afterAll(async () => {
    await browser.close();
    await mode.stop();
    await kiosk.stop();
    await centre.close();
  });

  const kb = (): Locator => page.getByRole('group', { name: 'Bàn phím' });
  const typeKeys = async (text: string): Promise<void> => {
    for (const ch of text) {
      if (ch === ' ') await kb().getByRole('button', { name: 'Dấu cách' }).click();
      else await kb().getByRole('button', { name: ch, exact: true }).click();
    }
  };
  const clear = () => kb().getByRole('button', { name: 'Xoá hết' }).click();
  const results = (): Locator => page.getByTestId('result');

  it('loads the catalogue from the hub; no CSP violation, no serious axe finding, fits 1080p', async () => {
    // The first view chooses the look-up pages, loaded on demand, which then fetch the catalogue: generous.
    await hasText(page.getByTestId('results'), 'không cần dấu', 30_000);
    expect(await collectCspViolations(page)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
    await saveScreenshot(page, 'lookup-search-empty');
  });

  it('finds a procedure typed without diacritics, and with a typo', async () => {
    await typeKeys('dang ky khai sinh');
    await hasText(results().first(), 'Đăng ký khai sinh');
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
    await saveScreenshot(page, 'lookup-search-results');
    await clear();
    await typeKeys('khai sihn');
    await hasText(results().first(), /khai sinh/i);
    await clear();
    await typeKeys('so do');
    await hasText(page.getByTestId('results'), /quyền sử dụng đất/i);
    await clear();
    await typeKeys('zzqx');
    await hasText(page.getByTestId('results'), 'Không tìm thấy thủ tục');
    await clear();
  });

  it("opens a procedure's page: place and counters, time, fees, documents; no Lấy số without a printer", async () => {
    await typeKeys('khai sinh');
    await results().first().click();
    const proc = page.getByTestId('procedure');
    await hasText(proc.locator('h2'), 'Đăng ký khai sinh');
    await hasText(page.getByTestId('place'), /Quầy số \d/);
    await hasText(page.getByTestId('time'), 'Trong ngày làm việc');
    expect(await page.getByTestId('documents').locator('li').count()).toBe(
      catalogue.procedures.find((p) => p.id === 'dang-ky-khai-sinh')!.documents.length,
    );
    expect(await page.getByTestId('fees').textContent()).toMatch(/lệ phí/i);
    expect(await page.getByTestId('take').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
    await saveScreenshot(page, 'lookup-procedure');
    await page.getByTestId('back').click();
    await clear();
  });

  it('looks up a dossier by scan (found, unknown) and by typing (malformed)', async () => {
    const d = catalogue.dossiers[0]!;
    // A keyboard-wedge scanner: the code as fast keystrokes, then Enter.
    await page.keyboard.type(d.code);
    await page.keyboard.press('Enter');
    await hasText(page.getByTestId('dossier-status'), 'Đã tiếp nhận');
    const [y, m, day] = d.dueDate.split('-');
    await hasText(page.getByTestId('dossier-due'), `${day}/${m}/${y}`);
    expect(await runAxe(page)).toEqual([]);
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    await saveScreenshot(page, 'lookup-dossier-found');

    await page.keyboard.type('000.00.19.H33-261201-9999');
    await page.keyboard.press('Enter');
    await hasText(page.getByTestId('dossier-answer'), 'Không tìm thấy hồ sơ 000.00.19.H33-261201-9999');
    await saveScreenshot(page, 'lookup-dossier-unknown');

    await clear();
    await typeKeys('abc');
    await page.getByTestId('lookup').click();
    await hasText(page.getByTestId('dossier-answer'), 'không đúng định dạng');
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
    await saveScreenshot(page, 'lookup-dossier-malformed');
  });

  it('shows the queue per area live: a ticket taken at the kiosk appears without a tap', async () => {
    await page.getByTestId('tab-queue').click();
    const row = page.getByTestId('queue-tp-hotich');
    await hasText(row.getByTestId('waiting'), '0 người đang chờ');
    const r = await kiosk.commands.take({ area: 'tp-hotich' });
    expect(r.ok).toBe(true);
    await hasText(row.getByTestId('waiting'), '1 người đang chờ');
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    expect(await textSmallerThan(page, 24)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    await saveScreenshot(page, 'lookup-queue');
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(row.getByTestId('waiting'), '1 waiting');
    await saveScreenshot(page, 'lookup-queue-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(await collectCspViolations(page)).toEqual([]);
  });
});
