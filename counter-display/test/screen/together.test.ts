/**
 * The three screens at and around a counter, together, as the hall sees them: the officer's panel, the
 * citizen's tablet (counter display + rating pad) and the hall board, each in its own Chromium page against a
 * real Mosquitto and hub. A click on the panel shows the number on the board and on the tablet; the finish turns
 * the tablet into the rating pad; one tap records one rating at the hub.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '@motcua/testing/chromium';
import { eventually, startCounterRig, type CounterScreenRig } from './harness.js';

let rig: CounterScreenRig;
let panel: Page;
let tablet: Page;
let board: Page;
beforeAll(async () => {
  rig = await startCounterRig();
  const [p, t, b] = await Promise.all([
    rig.start({ role: 'counter', counterId: 'c1' }),
    rig.start({ role: 'rating', counterId: 'c1' }),
    rig.start({ role: 'board' }),
  ]);
  panel = await rig.open(p);
  tablet = await rig.open(t, { width: 1280, height: 800 });
  board = await rig.open(b);
}, 120_000);
afterAll(async () => {
  await rig.close();
});

const text = async (p: Page, sel: string): Promise<string> =>
  ((await p.locator(sel).first().textContent()) ?? '').trim();
const page = (p: Page) => p.getAttribute('main', 'data-page');

describe('panel, citizen tablet and hall board together', () => {
  it('a call clicked on the panel shows on the board and the tablet; the finish asks the citizen once', async () => {
    const ticketId = await rig.issue('a');
    // The officer without a PIN logs in by name, opens and calls the next number with a click.
    await panel.getByTestId('officer-o2').click();
    await panel.getByTestId('open').click();
    await eventually(async () => {
      expect(await text(panel, '[data-testid="counter-status"]')).toBe('Đang mở');
    });
    await panel.getByTestId('action-next').click();
    await eventually(async () => {
      expect(await text(panel, '[data-testid="current-number"]')).toBe('1001');
      expect(await text(board, '.b-tile[data-counter="1"] .b-tile__num')).toBe('1001');
      expect(await text(tablet, '[data-testid="current-number"]')).toBe('1001');
    });
    expect(rig.centre.hub!.store.state.tickets.get(ticketId)).toMatchObject({
      status: 'called',
      counterId: 'c1',
    });
    // The tablet names the officer serving the citizen.
    expect(await tablet.locator('main').textContent()).toContain('Trần Văn Đức');
    await Promise.all([
      saveScreenshot(panel, 'together-panel-called'),
      saveScreenshot(tablet, 'together-tablet-called'),
      saveScreenshot(board, 'together-board-called'),
    ]);

    await panel.getByTestId('action-start').click();
    await eventually(() => {
      expect(rig.centre.hub!.store.state.tickets.get(ticketId)?.status).toBe('serving');
    });
    await panel.getByTestId('action-finish').click();
    await eventually(async () => {
      expect(await page(tablet)).toBe('rate');
    });
    await saveScreenshot(tablet, 'together-tablet-rate');
    const before = rig.centre.hub!.store.state.ratings.length;
    await tablet.getByTestId('level-3').click();
    await eventually(() => {
      expect(rig.centre.hub!.store.state.ratings.length).toBe(before + 1);
    });
    const rating = rig.centre.hub!.store.state.ratings.at(-1)!;
    expect(rating).toMatchObject({ level: 3, counterId: 'c1' });
    expect(rig.centre.hub!.store.state.tickets.get(ticketId)?.rated).toBe(true);
    // The panel's figures for the day count the citizen served.
    await eventually(async () => {
      expect(await text(panel, '[data-testid="fig-served"]')).toBe('1');
    });
  }, 120_000);
});
