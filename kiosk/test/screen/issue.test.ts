/**
 * The number-issuing screen in Debian's Chromium, against a real Mosquitto, the hub and the kiosk runtime in
 * browser mode, printing on the fake ESC/POS printer: what a citizen sees and gets. The number on screen is
 * compared with the one decoded from the printer's bytes; every page is checked for CSP violations, axe-core
 * findings and the size rules, and saved as a screenshot (test-artifacts/screens/kiosk-*.png).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectCspViolations,
  overflowPx,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
  textSmallerThan,
} from '@motcua/testing/chromium';
import { FAKE_STATUS } from '@motcua/ticket-printer/transport/fake';
import { eventually, hasText, printedLines, startRig, type KioskScreenRig } from './harness.js';

let rig: KioskScreenRig;
beforeAll(async () => {
  rig = await startRig();
  await rig.page.goto(rig.kiosk.url);
}, 60_000);
afterAll(async () => {
  await rig.close();
});

/** The page's every rule: no CSP violation, no serious axe finding, 64 px targets, 24 px text, no scrolling. */
async function checkPage(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `kiosk-${name}`);
  expect(await collectCspViolations(page)).toEqual([]);
  expect(await runAxe(page)).toEqual([]);
  expect(await targetsShorterThan(page, 64)).toEqual([]);
  expect(await textSmallerThan(page, 24)).toEqual([]);
  expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
}

const hubTickets = () => [...rig.centre.hub!.store.state.tickets.values()];

async function home(): Promise<Page> {
  const page = rig.page;
  await page.getByTestId('area-a').waitFor();
  return page;
}

describe('kiosk screen: taking a number', () => {
  it('home: areas grouped by department, with the queue, and a full area says so before anyone taps', async () => {
    const page = await home();
    await hasText(page.locator('h1'), 'Lấy số thứ tự');
    await hasText(page.getByRole('region', { name: 'Sở Tư pháp' }).locator('h3'), 'Sở Tư pháp');
    await hasText(
      page.getByRole('region', { name: 'Sở Xây dựng' }).getByTestId('area-c'),
      /Cấp phép xây dựng/,
    );
    await hasText(page.getByTestId('area-a'), /Đang chờ: 0 người · Chưa có quầy mở/);
    // Area c has a quota of one: take it directly through the runtime, and the screen disables it by itself.
    expect(await rig.kiosk.kiosk.commands.take({ area: 'c' })).toMatchObject({ ok: true });
    await hasText(page.getByTestId('area-c'), /Đã hết số hôm nay/);
    expect(await page.getByTestId('area-c').isDisabled()).toBe(true);
    expect(await page.getByTestId('area-a').isDisabled()).toBe(false);
    await checkPage(page, 'home');
  });

  it('two taps to a ticket: the number on screen is the number the printer printed', async () => {
    const page = await home();
    rig.paper.clearReceived();
    await page.getByTestId('area-a').click();
    await hasText(page.getByRole('heading', { level: 2 }), 'Quý vị có thuộc đối tượng ưu tiên không?');
    await checkPage(page, 'priority');
    await page.getByTestId('priority-none').click();
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    const shown = ((await number.textContent()) ?? '').trim();
    expect(shown).toMatch(/^\d{4}$/);
    const lines = printedLines(rig.paper);
    expect(lines).toContain(shown);
    // The kiosk's "printed" event reaches the hub through the broker a moment after the screen shows the number.
    await eventually(() => {
      const t = hubTickets().find((x) => x.areaId === 'a' && String(x.number) === shown);
      expect(t).toMatchObject({ printed: true, priority: null });
    });
    await hasText(page.getByTestId('people-ahead'), 'Không có ai chờ trước quý vị');
    await hasText(page.getByTestId('counters'), 'Xin mời theo dõi quầy số 1, 2');
    await checkPage(page, 'result');
    await page.getByTestId('done').click();
    await hasText(page.getByTestId('area-a'), /Đang chờ: 1 người/);
  });

  it('a priority ticket carries its category on screen, on paper and at the hub', async () => {
    const page = await home();
    rig.paper.clearReceived();
    await page.getByTestId('area-b').click();
    await page.getByTestId('priority-elderly').click();
    await hasText(page.locator('.k-result__priority'), 'Ưu tiên: Người cao tuổi');
    const shown = ((await page.getByTestId('ticket-number').textContent()) ?? '').trim();
    expect(printedLines(rig.paper)).toContain(shown);
    expect(printedLines(rig.paper).join('\n')).toMatch(/Người cao tuổi/i);
    expect(hubTickets().find((x) => x.areaId === 'b' && String(x.number) === shown)).toMatchObject({
      priority: 'elderly',
    });
    await page.getByTestId('done').click();
  });

  it('a double tap while printing gives one ticket; "Đang in…" shows meanwhile', async () => {
    const page = await home();
    const before = hubTickets().length;
    rig.printDelayMs = 1_200;
    try {
      await page.getByTestId('area-a').click();
      // Two taps in the same instant, before the page can even change.
      await page.getByTestId('priority-none').evaluate((b: { click(): void }) => {
        b.click();
        b.click();
      });
      await hasText(page.getByTestId('issuing'), /Đang in…/);
      await checkPage(page, 'issuing');
      await page.getByTestId('ticket-number').waitFor();
    } finally {
      rig.printDelayMs = 0;
    }
    expect(hubTickets().length).toBe(before + 1);
    await page.getByTestId('done').click();
  });

  it('goes back home by itself when left alone, and back to Vietnamese', { timeout: 30_000 }, async () => {
    const page = await home();
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(page.locator('h1'), 'Take a number');
    await page.getByTestId('area-b').click();
    await hasText(page.getByRole('heading', { level: 2 }), 'Do you belong to a priority group?');
    const left = Date.now();
    // idleResetS is 6 in this centre's configuration
    await hasText(page.locator('h1'), 'Lấy số thứ tự', 10_000);
    await page.getByTestId('area-b').waitFor();
    expect(Date.now() - left).toBeGreaterThanOrEqual(5_500);
  });

  it('printer out of paper: taking numbers stops with a clear message, nothing is issued, and resumes with paper', async () => {
    const page = await home();
    rig.paper.status = FAKE_STATUS.paperOut;
    const waiting = () => rig.centre.hub!.store.state.waitingByArea.get('a')?.size ?? 0;
    const before = waiting();
    await page.getByTestId('area-a').click();
    await page.getByTestId('priority-none').click();
    const stopped = page.getByTestId('printer-stopped');
    await hasText(stopped, /Tạm ngừng cấp số.*Máy in đã hết giấy\..*báo cán bộ/);
    expect(await page.getByTestId('area-a').count()).toBe(0);
    await checkPage(page, 'printer-out-of-paper');
    expect(waiting()).toBe(before); // the number was voided: nobody will be called for it
    rig.paper.status = FAKE_STATUS.ready;
    await page.getByTestId('area-a').waitFor({ timeout: 8_000 });
    expect(await collectCspViolations(page)).toEqual([]);
  });
});
