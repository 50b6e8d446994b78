/**
 * The dashboard in Debian's Chromium against a real Mosquitto and hub: log-in (a wrong password refused), the
 * live view following tickets issued by a device runtime, a printer alert from a retained health message that
 * is acknowledged and comes back when it happens again, an admin's configuration change reaching a device, a
 * supervisor's read-only configuration and the reports page. Each page: no CSP violation, no serious axe-core
 * finding, a screenshot in test-artifacts/screens/dashboard-*.png.
 */
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@motcua/shared';
import { openDevice } from '@motcua/shared/device/runtime';
import { eventsTopic, healthTopic } from '@motcua/shared/sync/topics';
import {
  collectCspViolations,
  launchChromium,
  newScreenPage,
  runAxe,
  saveScreenshot,
} from '@motcua/testing/chromium';
import { until } from '@motcua/testing/test-centre';
import { eventually, hasText } from './eventually.js';
import { ADMIN, SUPER, startDashboardRig, type DashboardRig } from './rig.js';

let rig: DashboardRig;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  [rig, browser] = await Promise.all([startDashboardRig({ loginMaxFailures: 5 }), launchChromium()]);
  page = await newScreenPage(browser);
  await page.setViewportSize({ width: 1600, height: 1000 });
}, 60_000);
afterAll(async () => {
  await browser.close().catch(() => undefined);
  await rig.close();
});

async function checkPage(p: Page, name: string): Promise<void> {
  await saveScreenshot(p, `dashboard-${name}`);
  expect(await collectCspViolations(p)).toEqual([]);
  expect(await runAxe(p)).toEqual([]);
}

async function logIn(p: Page, who: { username: string; password: string }): Promise<void> {
  await p.getByLabel('Tên đăng nhập').fill(who.username);
  await p.getByLabel('Mật khẩu').fill(who.password);
  await p.getByTestId('login').click();
}

const issue = async (areaId: string): Promise<void> => {
  await rig.kiosk.sync.request('issue', { areaId, priority: null, needsPrint: false });
};

describe('dashboard screen', () => {
  it('refuses a wrong password in Vietnamese, then logs the admin in', async () => {
    await page.goto(rig.url);
    await hasText(page.locator('h1'), 'Đăng nhập bảng điều hành');
    await logIn(page, { username: ADMIN.username, password: 'sai mật khẩu rồi' });
    await hasText(page.getByTestId('login-error'), 'Tên đăng nhập hoặc mật khẩu không đúng.');
    await checkPage(page, 'login-refused');
    await logIn(page, ADMIN);
    await hasText(page.getByTestId('who'), `${ADMIN.name} (quản trị)`);
  });

  it('the live view changes as a device issues tickets', async () => {
    await until(() => rig.kiosk.sync.connected, 10_000, 'kiosk connected');
    await hasText(page.getByTestId('waiting-a'), '0');
    await issue('a');
    await issue('a');
    await issue('b');
    await hasText(page.getByTestId('waiting-a'), '2');
    await hasText(page.getByTestId('waiting-b'), '1');
    await hasText(page.getByTestId('issued-a'), '2');
    await hasText(page.getByTestId('device-kiosk-1'), /Trực tuyến/);
    // A counter panel opens counter 1, its officer logs in, and calls the next number of area a.
    const counter = openDevice({
      role: 'counter',
      deviceId: 'counter-c1',
      dataDir: rig.centre.dir,
      brokerUrl: rig.centre.broker.url,
      config: rig.centre.config,
      logger: silentLogger,
      sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
    });
    try {
      await until(() => counter.sync.connected, 10_000, 'counter connected');
      await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
      await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'login', officerId: 'o1' } });
      await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
      await hasText(page.getByTestId('counter-c1'), /Quầy 1\s*Đang mở\s*Nguyễn Văn An\s*1001/);
      await hasText(page.getByTestId('waiting-a'), '1');
      await checkPage(page, 'live');
      // The counter panel goes away (its goodbye presence): the device-offline alert.
      await counter.stop();
      await hasText(page.getByTestId('alert-offline:counter-c1'), /Thiết bị counter-c1 mất kết nối/);
      await hasText(page.getByTestId('device-counter-c1'), /Mất kết nối/);
    } finally {
      if (!counter.isStopped()) await counter.stop();
    }
  });

  it('a printer out of paper raises an alert; acknowledged, it stays so; cleared and again, it comes back', async () => {
    // A test client with the kiosk's identity publishes the kiosk's retained health, as the kiosk itself does.
    const client = await mqtt.connectAsync(rig.centre.broker.url, {
      clientId: 'kiosk-2',
      username: 'kiosk-2',
      protocolVersion: 4,
    });
    try {
      const health = (printer: string) =>
        client.publishAsync(
          healthTopic('test', 'kiosk-2'),
          JSON.stringify({ deviceId: 'kiosk-2', since: Date.now(), printer }),
          {
            qos: 1,
            retain: true,
          },
        );
      await health('paper-out');
      const alert = page.getByTestId('alert-printer:kiosk-2:paper-out');
      await hasText(alert, /Máy in của kiosk-2: Hết giấy/);
      expect(await alert.getAttribute('data-acked')).toBe('no');
      await hasText(page.getByTestId('printer-kiosk-2'), 'Hết giấy');
      await checkPage(page, 'alert');
      await alert.getByRole('button', { name: 'Đã biết' }).click();
      await eventually(async () => expect(await alert.getAttribute('data-acked')).toBe('yes'));
      await hasText(alert, new RegExp(`Đã xác nhận: ${ADMIN.name}`));
      await health('ready');
      await eventually(async () => expect(await alert.count()).toBe(0));
      await health('paper-out');
      await eventually(async () => expect(await alert.getAttribute('data-acked')).toBe('no'));
      await health('ready');
      // A forged batch (another device's id in the payload) is refused by the hub: an alert with the reason.
      await client.publishAsync(
        eventsTopic('test', 'kiosk-2'),
        JSON.stringify({ deviceId: 'kiosk-1', events: [] }),
        { qos: 1 },
      );
      await hasText(
        page.locator('[data-testid^="alert-refused:kiosk-2:"]'),
        /Tin nhắn bị từ chối từ kiosk-2: .+ \(1 lần\)/,
      );
    } finally {
      await client.endAsync();
    }
  });

  it('the English toggle translates the page', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(page.locator('#areas-h'), 'Queues by area');
    await saveScreenshot(page, 'dashboard-live-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await hasText(page.locator('#areas-h'), 'Hàng chờ theo lĩnh vực');
  });

  it("an admin's configuration change shows its errors by field, then is saved and reaches the device", async () => {
    await page.getByTestId('tab-config').click();
    await hasText(page.getByTestId('config-revision'), 'Phiên bản 0');
    const box = page.getByLabel('Cấu hình (JSON)');
    const original = await box.inputValue();
    const config = JSON.parse(original) as { areas: { id: string; name: string; dailyQuota: number }[] };
    config.areas[1]!.dailyQuota = 0;
    await box.fill(JSON.stringify(config, null, 2));
    await page.getByTestId('config-save').click();
    await hasText(page.getByTestId('config-problems'), /areas\[1\]\.dailyQuota/);
    await checkPage(page, 'config-invalid');
    config.areas[1]!.dailyQuota = 500;
    config.areas[1]!.name = 'Chứng thực bản sao';
    await box.fill(JSON.stringify(config, null, 2));
    await page.getByTestId('config-save').click();
    await hasText(page.getByTestId('config-outcome'), 'Đã lưu phiên bản 1 và gửi tới các thiết bị.');
    await hasText(
      page.getByTestId('config-history'),
      /Phiên bản 1 — Lê Thị Quản[\s\S]*areas\[b\]\.dailyQuota: 999 → 500/,
    );
    await until(() => rig.kiosk.status().storedConfigRevision === 1, 10_000, 'the device stored revision 1');
    await checkPage(page, 'config-saved');
    await page.getByTestId('tab-live').click();
    await hasText(page.getByTestId('area-b'), /Chứng thực bản sao/);
  });

  it('a supervisor sees the configuration read-only and the reports page with its chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const p = await context.newPage();
    try {
      await p.goto(rig.url);
      await logIn(p, SUPER);
      await hasText(p.getByTestId('who'), `${SUPER.name} (giám sát)`);
      await p.getByTestId('tab-config').click();
      await hasText(p.locator('#config-h'), /Phiên bản 1/);
      expect(await p.getByLabel('Cấu hình (JSON)').getAttribute('readonly')).not.toBeNull();
      expect(await p.getByTestId('config-save').count()).toBe(0);
      await p.getByTestId('tab-reports').click();
      await eventually(async () => expect(await p.getByTestId('report-to').inputValue()).toBe('2026-11-30'));
      await p.getByTestId('report-group').selectOption('area');
      await p.getByTestId('report-show').click();
      await hasText(p.getByTestId('report-table').locator('tbody tr').first(), /Hộ tịch\s*40\s*35/);
      expect(await p.getByTestId('report-chart').locator('rect').count()).toBe(4);
      expect(rig.reports.queries.at(-1)).toEqual({ from: '2026-11-01', to: '2026-11-30', groupBy: 'area' });
      expect(await p.getByTestId('report-csv').getAttribute('href')).toBe(
        '/api/reports.csv?from=2026-11-01&to=2026-11-30&groupBy=area',
      );
      await saveScreenshot(p, 'dashboard-reports');
      expect(await runAxe(p)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
