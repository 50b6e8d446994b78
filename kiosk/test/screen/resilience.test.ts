/**
 * The kiosk screen when the hub goes away (the kiosk's link cut by a fault proxy). Real Mosquitto, hub, runtime
 * and Chromium. The kiosk's own runtime killed under the open page: restart.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCspViolations, runAxe, saveScreenshot } from '@motcua/testing/chromium';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import type { KioskView } from '../../src/runtime/kiosk.js';
import { eventually, hasText, printedLines, startRig, type KioskScreenRig } from './harness.js';

let rig: KioskScreenRig;
let proxy: FaultProxy;
beforeAll(async () => {
  rig = await startRig({
    brokerUrl: async (centre) => {
      proxy = await startFaultProxy({ targetPort: Number(new URL(centre.broker.url).port) });
      return proxy.url;
    },
  });
  await rig.page.goto(rig.kiosk.url);
}, 60_000);
afterAll(async () => {
  await rig.close();
  await proxy.close();
});

function lastView(): KioskView {
  let v: KioskView | undefined;
  rig.kiosk.kiosk.subscribe((x) => (v = x))();
  return v!;
}

/** Takes a regular number for `area` through the screen; the number shown. */
async function takeOnScreen(page: Page, area: string): Promise<string> {
  await page.getByTestId(`area-${area}`).click();
  await page.getByTestId('priority-none').click();
  const n = page.getByTestId('ticket-number');
  await n.waitFor();
  return ((await n.textContent()) ?? '').trim();
}

describe('kiosk screen: hub down', () => {
  it('keeps issuing while the hub is unreachable, with a small indicator, and the hub gets the ticket after', async () => {
    const page = rig.page;
    await page.getByTestId('area-a').waitFor();
    await eventually(() => {
      expect(lastView().areas.find((a) => a.id === 'b')?.offlineBlocks).toBeGreaterThan(0);
    }, 10_000);
    const offline = page.getByTestId('offline');
    expect(await offline.isVisible()).toBe(false);

    proxy.setMode('reset');
    await hasText(offline, 'Đang hoạt động ngoại tuyến');
    rig.paper.clearReceived();
    const shown = await takeOnScreen(page, 'b');
    expect(printedLines(rig.paper)).toContain(shown);
    expect(lastView().lastTicket).toMatchObject({ display: shown, series: 'lease', print: 'printed' });
    const atHub = () =>
      [...rig.centre.hub!.store.state.tickets.values()].find(
        (t) => t.areaId === 'b' && String(t.number) === shown,
      );
    expect(atHub()).toBeUndefined();
    await saveScreenshot(page, 'kiosk-offline');
    expect(await runAxe(page)).toEqual([]);
    await page.getByTestId('done').click();

    proxy.setMode('pass');
    await offline.waitFor({ state: 'hidden', timeout: 10_000 });
    await eventually(() => {
      expect(atHub()).toMatchObject({ printed: true, kioskId: 'kiosk-1' });
    }, 10_000);
    expect(await collectCspViolations(page)).toEqual([]);
  });
});
