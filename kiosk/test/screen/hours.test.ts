/**
 * The kiosk's home page follows the clock (injected into the hub and the kiosk runtime): near the time issuing
 * stops each area says so before anyone taps; once it has stopped a number is refused with a clear message and
 * each area says it is closed for this session, disabled. Real Mosquitto, hub, runtime and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@motcua/shared';
import { collectCspViolations, runAxe, saveScreenshot } from '@motcua/testing/chromium';
import { hasText, kioskTestConfig, startRig, type KioskScreenRig } from './harness.js';

// Tuesday 1 December 2026, 10:50 in Ho Chi Minh City (UTC+7). The default hours: 07:00-11:30, issuing stops
// 30 minutes before the close, so at 11:00.
const clock = new ManualClock(Date.parse('2026-12-01T03:50:00Z'));
const MINUTE = 60_000;

let rig: KioskScreenRig;
beforeAll(async () => {
  // The test moves time by hand for the hub and the kiosk alike: the kiosk reads the same clock instead of
  // following the hub's between answers with the monotonic clock (which a manual jump would not move).
  rig = await startRig({
    config: kioskTestConfig({ hours: {} }),
    clock,
    kiosk: { followHubClock: false },
  });
  await rig.page.goto(rig.kiosk.url);
}, 60_000);
afterAll(async () => {
  await rig.close();
});

describe('kiosk screen: opening hours from the clock', () => {
  it(
    'says issuing stops soon, then refuses a number and says the area is closed',
    { timeout: 60_000 },
    async () => {
      const page = rig.page;
      const area = page.getByTestId('area-a');
      await hasText(area, /Sắp ngừng lấy số lúc 11:00/, 15_000);
      await hasText(page.getByTestId('area-c'), /Sắp ngừng lấy số lúc 11:00/);
      expect(await area.isEnabled()).toBe(true);
      await saveScreenshot(page, 'kiosk-closing-soon');
      expect(await runAxe(page)).toEqual([]);

      // A citizen picks the area at 10:59 and answers the priority question at 11:01: too late.
      await area.click();
      clock.advance(11 * MINUTE);
      const printed = rig.paper.received.length;
      await page.getByTestId('priority-none').click();
      await hasText(page.getByTestId('failed').locator('p'), 'Lĩnh vực này hiện không cấp số.', 15_000);
      expect(rig.paper.received.length).toBe(printed);
      expect([...rig.centre.hub!.store.state.tickets.values()]).toEqual([]);
      await page.getByRole('button', { name: 'Quay lại' }).click();

      // Home, before anyone taps again: every area says issuing has stopped for this session, and is disabled
      // (the runtime looks at the clock every 10 s).
      await hasText(area, /Hộ tịch\s*Đã ngừng lấy số buổi này/, 20_000);
      expect(await area.isDisabled()).toBe(true);
      expect(await page.getByTestId('area-b').isDisabled()).toBe(true);
      await saveScreenshot(page, 'kiosk-issuing-stopped');
      expect(await runAxe(page)).toEqual([]);

      // Evening: outside working hours, with the time the centre opens again.
      clock.set(Date.parse('2026-12-01T11:00:00Z')); // 18:00
      await hasText(area, /Ngoài giờ làm việc/, 20_000);
      expect(await area.isDisabled()).toBe(true);
      expect(await collectCspViolations(page)).toEqual([]);
    },
  );
});
