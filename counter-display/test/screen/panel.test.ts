/**
 * The officer's calling panel in Debian's Chromium, against a real Mosquitto, the hub and the counter runtime
 * in browser mode: log in with a PIN (wrong PIN refused, lockout), open, call next (keyboard), the recall
 * interval, call a given number (typed, or picked from the list), start, finish, no-show, hold and return,
 * transfer to an area and to a counter with a note (shown on that counter's panel), pause with a reason.
 * Each state is checked (CSP, axe-core, 64 px targets, 24 px text) and saved as a screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_NOTE_MAX } from '@motcua/shared';
import type { CounterBrowserMode } from '../../src/browser-mode.js';
import type { CounterDevice } from '../../src/runtime/counter.js';
import { NOTE_MAX } from '../../src/screen/panel/api.js';
import { eventually, startCounterRig, type CounterScreenRig } from './harness.js';
import { checkFull, hasText, panelConfig, PIN_O1, PIN_O3, RECALL_S } from './panel-support.js';

let rig: CounterScreenRig;
let c1: CounterBrowserMode;
let page: Page;
beforeAll(async () => {
  rig = await startCounterRig({ config: await panelConfig() });
  c1 = await rig.start({ role: 'counter', counterId: 'c1' });
  page = await rig.open(c1);
}, 120_000);
afterAll(async () => {
  await rig.close();
});

const hubTicket = (id: string) => rig.centre.hub!.store.state.tickets.get(id);
const current = () => page.getByTestId('current-number');

async function typePin(p: Page, pin: string): Promise<void> {
  await p.getByTestId('pin-input').fill(pin);
  await p.getByTestId('pin-ok').click();
}

describe('officer panel: logging in', () => {
  it('lists the officers; a wrong PIN is refused with the tries left, and repeated ones lock', async () => {
    await page.getByTestId('officer-o3').waitFor();
    expect(await page.getAttribute('main', 'data-role')).toBe('counter');
    await checkFull(page, 'login');
    await page.getByTestId('officer-o3').click();
    await hasText(page.locator('#p-pin-title'), 'Nhập mã PIN của Lê Minh Cường');
    await checkFull(page, 'login-pin');
    await typePin(page, '1111');
    await hasText(page.getByTestId('pin-error'), 'Sai mã PIN. Còn 2 lần thử.');
    await typePin(page, '2222');
    await hasText(page.getByTestId('pin-error'), 'Sai mã PIN. Còn 1 lần thử.');
    await typePin(page, '3333');
    await hasText(page.getByTestId('pin-error'), /^Nhập sai quá nhiều lần\. Thử lại sau (59|60) giây\.$/);
    expect(await page.getByTestId('pin-input').isDisabled()).toBe(true);
    await checkFull(page, 'login-locked');
    // Locked means locked: the right PIN is refused too, by the runtime itself.
    const device = c1.device as unknown as CounterDevice;
    expect(await device.commands.login({ officerId: 'o3', pin: PIN_O3 })).toMatchObject({
      ok: false,
      reason: 'pin-locked',
    });
    expect(rig.centre.hub!.store.state.counters.get('c1')?.officerId).toBeNull();
  });

  it('the right PIN, typed on the keyboard or the pad, logs in', async () => {
    await page.getByRole('button', { name: 'Huỷ' }).click();
    await page.getByTestId('officer-o1').click();
    // The keyboard: digits into the field, Enter submits.
    await page.getByTestId('pin-input').focus();
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await hasText(page.getByTestId('pin-error'), 'Sai mã PIN. Còn 2 lần thử.');
    // The on-screen pad.
    for (const d of PIN_O1) await page.getByTestId(`pad-${d}`).click();
    await page.getByTestId('pin-ok').click();
    await hasText(page.getByTestId('officer-name'), 'Nguyễn Thị Hương');
    await eventually(() => {
      expect(rig.centre.hub!.store.state.counters.get('c1')?.officerId).toBe('o1');
    });
  });
});

describe('officer panel: calling', () => {
  const tickets: string[] = [];
  it('open → F2 calls the next number; the recall waits out its interval with a countdown', async () => {
    for (let i = 0; i < 6; i++) tickets.push(await rig.issue('a'));
    await hasText(page.getByTestId('counter-status'), 'Đã đóng');
    await page.getByTestId('open').click();
    await hasText(page.getByTestId('counter-status'), 'Đang mở');
    await hasText(page.getByTestId('waiting-count-a'), '6 người');
    await checkFull(page, 'open');
    await page.keyboard.press('F2');
    await hasText(current(), '1001');
    expect(hubTicket(tickets[0]!)).toMatchObject({ status: 'called', counterId: 'c1' });
    // The countdown is on the button, which is disabled; the runtime refuses an early recall as well.
    await hasText(page.getByTestId('recall-label'), /^Gọi lại sau [1-6] giây$/);
    expect(await page.getByTestId('action-recall').isDisabled()).toBe(true);
    await checkFull(page, 'called');
    const early = await (c1.device as unknown as CounterDevice).commands.recall();
    expect(early).toMatchObject({ ok: false, reason: 'recall-too-soon' });
    await page.keyboard.press('F3'); // the shortcut is refused the same way, and says so
    await hasText(page.getByTestId('toast'), /^Chưa gọi lại được: đợi thêm \d giây\.$/);
    expect(hubTicket(tickets[0]!)?.callCount).toBe(1);
    await hasText(page.getByTestId('recall-label'), 'Gọi lại', (RECALL_S + 4) * 1000);
    await page.getByTestId('action-recall').click();
    await eventually(() => {
      expect(hubTicket(tickets[0]!)?.callCount).toBe(2);
    });
    await hasText(page.locator('.p-current__state'), /Đã gọi 2 lần/);
  }, 30_000);

  it('calls a given number typed in (shortcuts do not fire while typing), or picked from the waiting list', async () => {
    await page.keyboard.press('F9');
    const input = page.getByTestId('number-input');
    await input.waitFor();
    await input.press('F2'); // typing in a field: no "call next"
    await input.fill('1004');
    await checkFull(page, 'call-number');
    await input.press('Enter');
    await hasText(current(), '1004');
    expect(hubTicket(tickets[3]!)?.status).toBe('called');
    expect(hubTicket(tickets[1]!)?.status).toBe('waiting');
    await page.getByTestId('waiting-1003').click();
    await hasText(current(), '1003');
  });

  it('start, finish: the day figures count it; no-show', async () => {
    await page.keyboard.press('F4');
    await hasText(page.locator('.p-current__state'), /Đang làm việc/);
    await page.keyboard.press('F5');
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    expect(hubTicket(tickets[2]!)?.status).toBe('done');
    await hasText(page.getByTestId('fig-served'), /^[1-9]/);
    const served = Number(await page.getByTestId('fig-served').textContent());
    await page.keyboard.press('F2');
    await hasText(current(), '1002');
    await page.getByTestId('action-noShow').click();
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    expect(hubTicket(tickets[1]!)?.status).toBe('no_show');
    await hasText(page.getByTestId('fig-no-show'), '1');
    expect(Number(await page.getByTestId('fig-served').textContent())).toBe(served);
    await checkFull(page, 'figures');
  });

  it('hold with a reason and return', async () => {
    await page.keyboard.press('F2');
    await hasText(current(), '1005');
    await page.keyboard.press('F8');
    await page.getByTestId('hold-reason').fill('Công dân đi photo giấy tờ');
    await page.getByTestId('hold-reason').press('Enter');
    await page.getByTestId('return-1005').waitFor();
    expect(hubTicket(tickets[4]!)?.status).toBe('held');
    await checkFull(page, 'held');
    await page.getByTestId('return-1005').click();
    await hasText(current(), '1005');
    // A returned ticket is served again at once (the citizen is at the counter).
    expect(hubTicket(tickets[4]!)?.status).toBe('serving');
  });

  it('transfer to an area moves the ticket into that queue', async () => {
    await page.keyboard.press('F7');
    await page.getByTestId('to-area-b').click();
    await checkFull(page, 'transfer');
    await page.getByTestId('form-submit').click();
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    expect(hubTicket(tickets[4]!)).toMatchObject({ status: 'waiting', queueAreaId: 'b' });
  });

  it("transfer to a counter with a note: the note shows on that counter's panel with the ticket", async () => {
    expect(NOTE_MAX).toBe(TRANSFER_NOTE_MAX);
    await page.keyboard.press('F2');
    await hasText(current(), '1006');
    await page.keyboard.press('F7');
    await page.getByTestId('to-counter-c2').click();
    const note = 'Cần bổ sung bản sao căn cước, đã hướng dẫn';
    await page.getByTestId('note-input').fill(note);
    await page.getByTestId('form-submit').click();
    await hasText(page.getByTestId('current'), /Chưa gọi số nào/);
    expect(hubTicket(tickets[5]!)).toMatchObject({ status: 'waiting', directedCounterId: 'c2' });

    const c2 = await rig.start({ role: 'counter', counterId: 'c2' });
    const p2 = await rig.open(c2);
    await p2.getByTestId('officer-o2').click(); // no PIN in the config: logs in by name
    await hasText(p2.getByTestId('officer-name'), 'Trần Văn Đức');
    await hasText(p2.getByTestId('note-1006'), `Chuyển từ quầy 1: ${note}`);
    await p2.getByTestId('open').click();
    await hasText(p2.getByTestId('counter-status'), 'Đang mở');
    await p2.keyboard.press('F2'); // what was transferred here is called first
    await hasText(p2.getByTestId('current-number'), '1006');
    await hasText(p2.getByTestId('current-note'), `Chuyển từ quầy 1: ${note}`);
    await checkFull(p2, 'transferred-in');
    await p2.close();
  });

  it('pause with a reason from the configuration, then close and log out', async () => {
    await page.getByTestId('pause').click();
    await page.getByTestId('pause-form').waitFor();
    await checkFull(page, 'pause');
    await page.getByTestId('pause-break').click();
    await hasText(page.getByTestId('counter-status'), 'Tạm dừng: Nghỉ giải lao');
    expect(rig.centre.hub!.store.state.counters.get('c1')).toMatchObject({
      status: 'paused',
      pauseReason: 'Nghỉ giải lao',
    });
    expect(await page.getByTestId('action-next').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(page.getByTestId('counter-status'), 'Paused: Nghỉ giải lao');
    await checkFull(page, 'paused-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByTestId('close').click();
    await hasText(page.getByTestId('counter-status'), 'Đã đóng');
    await page.getByTestId('logout').click();
    await page.getByTestId('officer-o1').waitFor();
  });
});
