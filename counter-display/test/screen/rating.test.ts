/**
 * The rating pad (role 'rating': the tablet facing the citizen, 1280×800) in Debian's Chromium, against a real
 * Mosquitto and hub, the officer driven through the counter runtime: between ratings it is the counter display;
 * a finish turns it into the rating screen (3, 4 or 5 levels from the configuration); a low level asks for
 * reasons and a comment typed on the on-screen keyboard; the dossier code is typed or scanned; one rating per
 * ticket; a thank-you, then back to the display; a rating given with the hub down arrives when it is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@motcua/shared';
import type { CounterBrowserMode } from '../../src/browser-mode.js';
import { TABLET, checkPage, officerAt, ticketSource, type Officer } from './display-support.js';
import { counterTestConfig, eventually, startCounterRig, type CounterScreenRig } from './harness.js';

const FIVE = [
  { value: 5, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
  { value: 4, label: 'Hài lòng', labelEn: 'Satisfied' },
  { value: 3, label: 'Chấp nhận được', labelEn: 'Acceptable' },
  { value: 2, label: 'Không hài lòng', labelEn: 'Not satisfied' },
  { value: 1, label: 'Không thể chấp nhận', labelEn: 'Unacceptable' },
];
const FOUR = [
  { value: 4, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
  { value: 3, label: 'Hài lòng', labelEn: 'Satisfied' },
  { value: 2, label: 'Bình thường', labelEn: 'Neutral' },
  { value: 1, label: 'Không hài lòng', labelEn: 'Not satisfied' },
];

const config = (over: Partial<CentreConfig['rating']> = {}): CentreConfig => {
  const base = counterTestConfig();
  return counterTestConfig({ rating: { ...base.rating, thanksS: 5, ...over } });
};

let rig: CounterScreenRig;
let source: ReturnType<typeof ticketSource>;
let officer: Officer;
let page: Page;
let padDevice: CounterBrowserMode;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  rig = await startCounterRig({ config: config() });
  source = ticketSource(rig);
  stops.push(() => source.core.stop());
  officer = await officerAt(rig, 'c1', 'o1');
  stops.push(() => officer.device.stop());
  padDevice = await rig.start({ role: 'rating', counterId: 'c1' });
  page = await rig.open(padDevice, TABLET);
}, 120_000);
afterAll(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
  await rig.close();
});

const onPage = async (p: Page, name: string, timeout = 8_000): Promise<void> => {
  await eventually(async () => {
    expect(await p.getAttribute('main', 'data-page')).toBe(name);
  }, timeout);
};
const hubRatings = () => rig.centre.hub!.store.state.ratings;
/** Taps a key of the on-screen keyboard by its spoken name. */
const key = (p: Page, name: string) => p.getByRole('button', { name, exact: true }).click();

/** The pad shows the display; the officer serves one ticket; the pad asks about it. */
async function served(p: Page = page): Promise<string> {
  await source.issue('a');
  const ticketId = await officer.serve();
  await onPage(p, 'rate');
  return ticketId;
}

describe('the rating pad', () => {
  it('is the counter display until a finish, then shows the scale; a double tap records one rating', async () => {
    await source.issue('a');
    const called = await officer.call();
    await eventually(async () => {
      expect(await page.getAttribute('main', 'data-role')).toBe('rating');
      expect(await page.getByTestId('current-number').textContent()).toBe(called);
    });
    expect(await page.getByTestId('officer-initials').textContent()).toBe('NH');
    await checkPage(page, 'rating-display-1280');
    const cmd = officer.device.commands;
    expect(await cmd.start()).toMatchObject({ ok: true });
    const finished = await cmd.finish();
    const ticketId = finished.ok ? finished.value.ticketId! : '';
    await onPage(page, 'rate');
    const labels = await page.locator('.d-level__label').allTextContents();
    expect(labels).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    await checkPage(page, 'rating-scale-3-1280');

    const before = hubRatings().length;
    // Two taps in the same instant, before the page can change.
    await page.getByTestId('level-3').evaluate((b) => {
      (b as unknown as { click(): void }).click();
      (b as unknown as { click(): void }).click();
    });
    await page.getByTestId('thanks').waitFor();
    const shown = Date.now();
    await checkPage(page, 'rating-thanks-1280');
    await eventually(() => {
      expect(hubRatings().filter((r) => r.eventId !== '' && r.level === 3).length).toBe(before + 1);
    });
    expect(hubRatings().length).toBe(before + 1);
    // Past the screen's lock, the rules refuse a second rating of the same ticket too.
    expect(rig.centre.hub!.store.state.tickets.get(ticketId)?.rated).toBe(true);
    const rate = padDevice.device.commands.rate as unknown as (a: unknown) => Promise<unknown>;
    expect(await rate({ level: 3, ticketId })).toMatchObject({ ok: false, reason: 'already-rated' });
    expect(hubRatings().length).toBe(before + 1);
    // Back to the display after the thank-you (thanksS is 5 here), not before.
    expect(await page.getAttribute('main', 'data-page')).toBe('thanks');
    await onPage(page, 'display', 15_000);
    expect(Date.now() - shown).toBeGreaterThanOrEqual(4_500);
  });

  it('a low level asks for reasons and a comment typed with diacritics; the dossier code is typed, then scanned', async () => {
    const ticketId = await served();
    await page.getByTestId('level-1').click();
    await onPage(page, 'reasons');
    await page.getByTestId('reason-attitude').click();
    await page.getByTestId('reason-waiting-time').click();
    await page.getByTestId('reason-waiting-time').click();
    await page.getByTestId('reason-unclear-guidance').click();
    expect(await page.getByTestId('reason-attitude').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('reason-waiting-time').getAttribute('aria-pressed')).toBe('false');
    await checkPage(page, 'rating-reasons-1280');

    await page.getByTestId('comment-edit').click();
    await onPage(page, 'typing');
    expect(await page.getByTestId('privacy').textContent()).toMatch(/Xin đừng ghi họ tên/);
    // "chờ lâu": c h ơ + huyền, space, l â u
    for (const k of ['c', 'h', 'ơ', 'Dấu huyền', 'Dấu cách', 'l', 'â', 'u']) await key(page, k);
    expect(await page.getByTestId('typed').textContent()).toBe('chờ lâu');
    await checkPage(page, 'rating-comment-1280');
    await page.getByTestId('typing-done').click();
    expect(await page.getByTestId('comment-text').textContent()).toBe('chờ lâu');

    await page.getByTestId('dossier-edit').click();
    for (const k of ['1', '2', '-', 'h']) await key(page, k);
    expect(await page.getByTestId('typed').textContent()).toBe('12-h');
    await checkPage(page, 'rating-dossier-1280');
    await page.getByTestId('typing-done').click();
    expect(await page.getByTestId('dossier-code').textContent()).toBe('12-h');
    // A keyboard-wedge scanner: the code as fast keystrokes ending in Enter replaces what was typed. The keys
    // are sent from inside the page, one right after another as a scanner sends them (the test driver's own
    // typing can pause longer than a scanner ever does on a loaded machine).
    await page.evaluate((code) => {
      const d = (globalThis as unknown as { document: { dispatchEvent(e: unknown): void } }).document;
      const K = (globalThis as unknown as { KeyboardEvent: new (t: string, i: object) => unknown })
        .KeyboardEvent;
      for (const k of [...Array.from(code), 'Enter'])
        d.dispatchEvent(new K('keydown', { key: k, bubbles: true, cancelable: true }));
    }, '000.00.19.H56-241201-0001');
    await eventually(async () => {
      expect(await page.getByTestId('dossier-code').textContent()).toBe('000.00.19.H56-241201-0001');
    });

    await page.getByTestId('send').click();
    await page.getByTestId('thanks').waitFor();
    await eventually(() => {
      expect(hubRatings().find((r) => r.level === 1 && r.dossierCode !== null)).toMatchObject({
        level: 1,
        reasons: ['attitude', 'unclear-guidance'],
        comment: 'chờ lâu',
        dossierCode: '000.00.19.H56-241201-0001',
        officerId: 'o1',
        counterId: 'c1',
      });
    });
    expect(rig.centre.hub!.store.state.tickets.get(ticketId)?.rated).toBe(true);
    await onPage(page, 'display', 15_000);
  });

  it('a rating given with the hub stopped is kept by the pad and arrives when the hub is back', async () => {
    const ticketId = await served();
    const before = hubRatings().length;
    await rig.centre.stopHub();
    try {
      await page.getByTestId('level-2').click();
      await page.getByTestId('thanks-offline').waitFor({ timeout: 10_000 });
      await checkPage(page, 'rating-thanks-offline-1280');
    } finally {
      await rig.centre.startHub();
    }
    await eventually(() => {
      expect(rig.centre.hub!.store.state.tickets.get(ticketId)?.rated).toBe(true);
      expect(hubRatings().length).toBeGreaterThanOrEqual(before + 1);
    }, 20_000);
    expect(hubRatings().filter((r) => r.level === 2)).toHaveLength(1);
    await onPage(page, 'display', 15_000);
  });

  it.each([
    [4, FOUR],
    [5, FIVE],
  ] as const)('a %i-level scale from the configuration renders its levels', async (n, levels) => {
    await source.issue('b');
    const o2 = await officerAt(rig, 'c3', 'o2');
    stops.push(() => o2.device.stop());
    await o2.serve();
    const cfg = config({ levels: [...levels], reasonsAtOrBelow: 1 });
    const pad = await rig.start(
      { role: 'rating', counterId: 'c3' },
      { extra: { config: cfg, deviceId: `rating-c3-${n}` } },
    );
    const p = await rig.open(pad, TABLET);
    await onPage(p, 'rate');
    expect(await p.locator('.d-level__label').allTextContents()).toEqual(levels.map((l) => l.label));
    expect(await p.locator('.d-level svg').count()).toBe(n);
    await checkPage(p, `rating-scale-${n}-1280`);
    await p.getByRole('button', { name: 'English' }).click();
    expect(await p.locator('.d-level__label').allTextContents()).toEqual(levels.map((l) => l.labelEn));
    await p.close();
    await pad.stop();
    await o2.device.commands.logout();
    await o2.device.stop();
  });
});
