/**
 * The officer panel beyond the happy path, in Debian's Chromium against a real Mosquitto and hub: the compact
 * window (360×800), a USB caller keypad (fake HID bus at the level of reports) calling the next number, the
 * offline indicator with the hub stopped (and what still works), and the runtime restarted under the open page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHidBus } from '@motcua/testing/fake-hid';
import type { CounterBrowserMode } from '../../src/browser-mode.js';
import { BOOT_KEYBOARD_KEY_MAP } from '../../src/keypad/keymap.js';
import type { CounterDevice } from '../../src/runtime/counter.js';
import { eventually, startCounterRig, type CounterScreenRig } from './harness.js';
import { checkCompact, checkFull, hasText, panelConfig, PIN_O1 } from './panel-support.js';

let rig: CounterScreenRig;
beforeAll(async () => {
  rig = await startCounterRig({ config: await panelConfig() });
}, 120_000);
afterAll(async () => {
  await rig.close();
});

const commands = (d: CounterBrowserMode) => (d.device as unknown as CounterDevice).commands;

async function logInO1(page: Page): Promise<void> {
  await page.getByTestId('officer-o1').click();
  await page.getByTestId('pin-input').fill(PIN_O1);
  await page.getByTestId('pin-input').press('Enter');
  await page.getByTestId('officer-name').waitFor();
}

describe('officer panel: compact window (360×800)', () => {
  it('log-in and desk fit the width; call next, recall and finish are on screen without scrolling', async () => {
    const c1 = await rig.start({ role: 'counter', counterId: 'c1' });
    const page = await rig.open(c1, { width: 360, height: 800 });
    await page.getByTestId('officer-o1').waitFor();
    await checkCompact(page, 'login');
    await page.getByTestId('officer-o1').click();
    await checkCompact(page, 'login-pin');
    await page.getByTestId('pin-input').fill(PIN_O1);
    await page.getByTestId('pin-input').press('Enter');
    await page.getByTestId('open').click();
    await hasText(page.getByTestId('counter-status'), 'Đang mở');
    await rig.issue('a');
    await rig.issue('a');
    await page.getByTestId('action-next').click();
    await hasText(page.getByTestId('current-number'), /^10\d\d$/);
    for (const id of ['action-next', 'action-recall', 'action-finish', 'action-transfer']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(800);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(360);
    }
    await checkCompact(page, 'desk');
    await page.keyboard.press('F7');
    await page.getByTestId('transfer-form').waitFor();
    await checkCompact(page, 'transfer');
    await page.keyboard.press('Escape');
    await page.getByTestId('action-finish').click();
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    await page.close();
    await commands(c1).close();
    await commands(c1).logout();
    await c1.stop();
  });
});

describe('officer panel: USB caller keypad', () => {
  it('a keypad report "call next" calls the next number, shown on the panel; also after an unplug', async () => {
    const bus = new FakeHidBus();
    const info = { vendorId: 0x1a86, productId: 0xe026, product: 'Caller keypad' };
    let keypad = bus.plug(info);
    const c3 = await rig.start(
      { role: 'counter', counterId: 'c3' },
      {
        keypad: {
          config: { vendorId: '0x1a86', productId: '0xe026', pollMs: 50, keys: BOOT_KEYBOARD_KEY_MAP },
          backend: bus,
        },
      },
    );
    const page = await rig.open(c3);
    expect(await commands(c3).login({ officerId: 'o2' })).toMatchObject({ ok: true });
    expect(await commands(c3).open()).toMatchObject({ ok: true });
    const first = await rig.issue('b');
    const second = await rig.issue('b');
    await page.getByTestId('officer-name').waitFor();
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    // F1 (usage 0x3a) is "next" in the boot-keyboard map: press, release.
    const press = (usage: number) => {
      keypad.send([0, 0, usage, 0, 0, 0, 0, 0]);
      keypad.send([0, 0, 0, 0, 0, 0, 0, 0]);
    };
    press(0x3a);
    await hasText(page.getByTestId('current-number'), /^200\d$/);
    const shown = Number(await page.getByTestId('current-number').textContent());
    expect(rig.centre.hub!.store.state.tickets.get(first)).toMatchObject({ number: shown, status: 'called' });
    await checkFull(page, 'keypad-called');

    // Unplugged and plugged back (a new hidraw path): picked up again, the next press works.
    bus.unplug(keypad);
    keypad = bus.plug(info);
    await eventually(() => {
      expect(keypad.openCount).toBe(1);
    });
    press(0x3a);
    await eventually(() => {
      expect(rig.centre.hub!.store.state.tickets.get(second)?.status).toBe('called');
    });
    await hasText(page.getByTestId('current-number'), String(shown + 1));
    await page.close();
    await c3.stop();
    // Stopped means closed: the keypad is released with the counter.
    expect(keypad.openCount).toBe(0);
  });
});

describe('officer panel: hub down, runtime restarted', () => {
  let c1: CounterBrowserMode;
  let page: Page;
  it('with the hub stopped the panel says so, and what still works', async () => {
    c1 = await rig.start({ role: 'counter', counterId: 'c1' });
    page = await rig.open(c1);
    await logInO1(page);
    await page.getByTestId('open').click();
    await hasText(page.getByTestId('counter-status'), 'Đang mở');
    const paper = await rig.issue('a');
    const number = rig.centre.hub!.store.state.tickets.get(paper)!.number;
    await page.getByTestId('online').waitFor();
    await rig.centre.stopHub();
    // The broker still runs: the panel learns that the hub is gone when it does not answer. c1 shares its only
    // area with c2, so "next" needs the hub; a paper ticket can still be called by its number.
    await page.keyboard.press('F2');
    await hasText(page.getByTestId('toast'), /Cần máy chủ để gọi số tiếp/, 10_000);
    const offline = page.getByTestId('offline');
    await hasText(offline, /Mất kết nối máy chủ: đang hoạt động ngoại tuyến/);
    await hasText(offline, /Không gọi số tiếp được/);
    await hasText(offline, /Vẫn dùng được: gọi theo số phiếu giấy/);
    await checkFull(page, 'offline');
    await page.keyboard.press('F9');
    await page.getByTestId('number-input').fill(String(number));
    await page.getByTestId('number-input').press('Enter');
    await hasText(page.getByTestId('current-number'), String(number), 10_000);
    await hasText(page.getByTestId('toast'), 'Đã thực hiện (ngoại tuyến, sẽ đồng bộ sau)');
    await rig.centre.startHub();
    await page.getByTestId('online').waitFor({ timeout: 15_000 });
    // The offline call reaches the hub once it is back.
    await eventually(() => {
      expect(rig.centre.hub!.store.state.tickets.get(paper)?.status).toBe('called');
    }, 15_000);
  }, 60_000);

  it('the runtime restarted on the same port under the open page: the page reconnects by itself', async () => {
    const port = c1.port;
    const shown = await page.getByTestId('current-number').textContent();
    await c1.stop();
    await hasText(page.locator('.mc-banner'), /.+/);
    c1 = await rig.start({ role: 'counter', counterId: 'c1' }, { port });
    await eventually(async () => {
      expect(await page.locator('.mc-banner').getAttribute('class')).toContain('mc-banner--hidden');
    }, 15_000);
    await hasText(page.getByTestId('current-number'), shown ?? '');
    await hasText(page.getByTestId('officer-name'), 'Nguyễn Thị Hương');
    // And it works: finish through the reconnected page.
    await page.keyboard.press('F5');
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
  }, 40_000);
});
