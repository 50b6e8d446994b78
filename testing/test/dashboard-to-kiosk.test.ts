/**
 * The supervisors' dashboard and a kiosk screen together, in Debian's Chromium against a real Mosquitto and
 * hub: an admin renames an area and lowers its quota on the dashboard's configuration page; without a restart,
 * the kiosk's screen in the hall shows the new name. The change went dashboard → hub → retained config → kiosk
 * runtime → kiosk screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger, type CentreConfig } from '@motcua/shared';
import { hashPassword } from '@motcua/hub/dashboard/password';
import { buildDashboardScreenToTemp } from '@motcua/hub/dashboard/build-screen';
import { startKioskBrowserMode, type KioskBrowserMode } from '@motcua/kiosk/browser-mode';
import { buildKioskScreenToTemp } from '@motcua/kiosk/build-screen';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { launchChromium, newScreenPage, saveScreenshot } from '@motcua/testing/chromium';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';

const ADMIN = { username: 'quantri', password: 'mật khẩu quản trị 2' };

async function config(): Promise<CentreConfig> {
  return testCentreConfig({
    dashboard: {
      enabled: true,
      port: 0,
      accounts: [
        {
          username: ADMIN.username,
          name: 'Lê Thị Quản',
          role: 'admin',
          passwordHash: await hashPassword(ADMIN.password, { log2N: 10, r: 8, p: 1 }),
        },
      ],
    },
  });
}

let centre: TestCentreRun;
let kiosk: KioskBrowserMode;
let browser: Browser;
let dashboard: Page;
let screen: Page;
beforeAll(async () => {
  const [c, dashboardDir, kioskDir] = await Promise.all([
    config(),
    buildDashboardScreenToTemp(),
    buildKioskScreenToTemp(),
  ]);
  centre = await startTestCentre({ config: c, dashboard: { staticDir: dashboardDir } });
  const paper = new FakePrinter();
  kiosk = await startKioskBrowserMode({
    runtime: {
      kioskId: c.kiosks[0]!.id,
      dataDir: centre.dir,
      brokerUrl: centre.broker.url,
      config: c,
      logger: silentLogger,
      sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
      printer: { openTransport: () => Promise.resolve(new FakeTransport(paper)), statusTimeoutMs: 200 },
    },
    port: 0,
    staticDir: kioskDir,
  });
  browser = await launchChromium();
  [dashboard, screen] = await Promise.all([newScreenPage(browser), newScreenPage(browser)]);
  await dashboard.setViewportSize({ width: 1600, height: 1000 });
  await Promise.all([dashboard.goto(centre.hub!.dashboard!.url), screen.goto(kiosk.url)]);
}, 180_000);
afterAll(async () => {
  await browser.close().catch(() => undefined);
  await kiosk.stop().catch(() => undefined);
  await centre.close();
});

const eventually = (check: () => Promise<void>, timeout = 15_000): Promise<void> =>
  vi.waitFor(check, { timeout, interval: 50 });

describe('an admin changes the configuration on the dashboard', () => {
  it('the kiosk screen in the hall shows it, with no restart', async () => {
    const first = centre.config.areas[0]!;
    await eventually(async () => {
      expect(await screen.locator('main').textContent()).toContain(first.name);
    });
    await dashboard.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await dashboard.getByLabel('Mật khẩu').fill(ADMIN.password);
    await dashboard.getByTestId('login').click();
    await dashboard.getByTestId('tab-config').click();
    const box = dashboard.getByLabel('Cấu hình (JSON)');
    await eventually(async () => {
      expect(await box.inputValue()).toContain(first.name);
    });
    const edited = JSON.parse(await box.inputValue()) as { areas: { name: string }[] };
    const renamed = 'Hộ tịch — khai sinh, kết hôn';
    edited.areas[0]!.name = renamed;
    await box.fill(JSON.stringify(edited, null, 2));
    await dashboard.getByTestId('config-save').click();
    await eventually(async () => {
      expect(await dashboard.getByTestId('config-outcome').textContent()).toMatch(/Đã lưu phiên bản 1/);
    });
    await eventually(async () => {
      expect(await screen.locator('main').textContent()).toContain(renamed);
    });
    expect(await screen.locator('main').textContent()).not.toContain(`${first.name}\n`);
    await saveScreenshot(screen, 'dashboard-to-kiosk-renamed');
    await saveScreenshot(dashboard, 'dashboard-to-kiosk-saved');
  }, 60_000);
});
