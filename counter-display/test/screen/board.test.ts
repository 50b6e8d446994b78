/**
 * The hall board in Chromium against a real hub and Mosquitto, with counters driven through the counter
 * runtime: a call appears and is highlighted, then not; the last calls in order; the waiting per area; the
 * scrolling notice (and its static form under reduced motion); a call made while the hub is stopped; the
 * runtime restarted under the open board; the voice's health without a pack; axe-core and the CSP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCspViolations, runAxe, saveScreenshot, textSmallerThan } from '@motcua/testing/chromium';
import type { CounterCommands } from '../../src/runtime/counter.js';
import type { CounterBrowserMode } from '../../src/browser-mode.js';
import { counterTestConfig, eventually, startCounterRig, type CounterScreenRig } from './harness.js';
import { openCounter, startIssuer, tileNumbers, type Issuer } from './board-helpers.js';

const NOTICE =
  'Quý vị vui lòng giữ trật tự, theo dõi số thứ tự trên bảng và xuất trình giấy tờ tùy thân khi được mời.';
const NOTICE_EN = 'Please keep the hall quiet and watch the board for your number.';

let rig: CounterScreenRig;
let issuer: Issuer;
let board: CounterBrowserMode;
let page: Page;
let c1: CounterCommands;
let c2: CounterCommands;

beforeAll(async () => {
  rig = await startCounterRig({
    config: counterTestConfig({
      // The recall below comes seconds after the call: no recall interval here (the panel's tests cover it).
      counterPanel: { recallIntervalS: 0 },
      // Area a is served by counter 1 alone, so counter 1 may call from it while the hub is down.
      counters: [
        { id: 'c1', number: 1, areas: ['a'] },
        { id: 'c2', number: 2, areas: ['b'] },
        { id: 'c3', number: 3, areas: ['b'] },
      ],
      board: { notice: NOTICE, noticeEn: NOTICE_EN, highlightS: 6, lastCalls: 4 },
    }),
  });
  issuer = await startIssuer(rig);
  [c1, c2] = await Promise.all([openCounter(rig, 'c1', 'o1'), openCounter(rig, 'c2', 'o2')]);
  board = await rig.start({ role: 'board' }, { extra: { hubProbeMs: 1_000 } });
  page = await rig.open(board);
}, 120_000);
afterAll(async () => {
  await issuer.core.stop();
  await rig.close();
});

const text = (sel: string): Promise<string> => page.locator(sel).first().innerText();
const waitingOf = (area: string): Promise<string> => text(`.b-wait__row[data-area="${area}"] .b-wait__n`);
// In-page code is plain JavaScript: this project's tests are type-checked without the DOM library.
const lastCalls = (): Promise<string[]> =>
  page.evaluate<string[]>(`Array.from(document.querySelectorAll('.b-last__row')).map((r) =>
    Array.from(r.children).map((c) => c.textContent).join(' '))`);

describe('the hall board', () => {
  it('shows a call at its counter, highlighted for highlightS, the last calls in order and the waiting per area', async () => {
    for (const area of ['a', 'a', 'a', 'b']) await issuer.issue(area);
    await eventually(async () => {
      expect(await waitingOf('a')).toBe('3 người');
      expect(await waitingOf('b')).toBe('1 người');
    });
    expect(await text('.b-now')).toContain('Chưa gọi số nào');

    expect((await c1.next()).ok).toBe(true);
    await eventually(async () => {
      expect(await page.getAttribute('.b-now', 'data-highlight')).toBe('true');
      expect(await page.getAttribute('.b-tile[data-counter="1"]', 'data-highlight')).toBe('true');
    });
    expect(await text('.b-now__num')).toBe('1001');
    expect((await tileNumbers(page))['1']).toBe('1001');
    await eventually(async () => expect(await waitingOf('a')).toBe('2 người'));
    await saveScreenshot(page, 'board-1080p-call-highlighted');
    // highlightS is 6 s: the highlight goes, the number stays
    await eventually(async () => {
      expect(await page.getAttribute('.b-now', 'data-highlight')).toBeNull();
      expect(await page.getAttribute('.b-tile[data-counter="1"]', 'data-highlight')).toBeNull();
    }, 12_000);
    expect(await text('.b-now__num')).toBe('1001');

    expect((await c2.next()).ok).toBe(true);
    await eventually(async () => expect(await text('.b-now__num')).toBe('2001'));
    expect((await c1.next()).ok).toBe(true);
    await eventually(async () => {
      expect(await text('.b-now__num')).toBe('1002');
      expect(await lastCalls()).toEqual(['2001 Quầy 2', '1001 Quầy 1']);
      expect(await tileNumbers(page)).toMatchObject({ '1': '1002', '2': '2001' });
      expect(await waitingOf('a')).toBe('1 người');
      expect(await waitingOf('b')).toBe('0 người');
    });
    // a recall puts the same number back at the top, highlighted again
    expect((await c1.recall()).ok).toBe(true);
    await eventually(async () => {
      expect(await page.getAttribute('.b-now', 'data-highlight')).toBe('true');
      expect(await text('.b-now__num')).toBe('1002');
    });
  }, 60_000);

  it('ticks the date and time from the runtime clock', async () => {
    const first = await text('[data-testid="clock-time"]');
    expect(first).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await eventually(async () => expect(await text('[data-testid="clock-time"]')).not.toBe(first), 4_000);
    expect(await text('.b-clock__date')).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('scrolls the notice, and shows it still and whole under prefers-reduced-motion', async () => {
    const x = (): Promise<number> =>
      page.evaluate<number>(`document.querySelector('.b-ticker__track').getBoundingClientRect().x`);
    const a = await x();
    await page.waitForTimeout(600);
    expect(await x()).toBeLessThan(a);
    expect(await text('[data-testid="notice"]')).toContain(NOTICE);

    const still = await rig.open(board);
    await still.emulateMedia({ reducedMotion: 'reduce' });
    await eventually(async () => expect(await still.locator('.b-ticker__static').count()).toBe(1));
    const m = await still.evaluate<{ animations: number; fits: boolean; text: string }>(`(() => {
      const e = document.querySelector('.b-ticker__static');
      return {
        animations: e.getAnimations().length,
        fits: e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight,
        text: e.textContent,
      };
    })()`);
    expect(m).toEqual({ animations: 0, fits: true, text: expect.stringContaining(NOTICE_EN) as string });
    await still.close();
  });

  it('says the voice has only the chime when no voice pack is installed', async () => {
    await eventually(async () =>
      expect(await text('[data-testid="voice-health"]')).toContain('chỉ có chuông'),
    );
  });

  it('shows a call made while the hub is stopped, with a small indicator', async () => {
    await rig.centre.stopHub();
    await eventually(async () => expect(await page.locator('[data-testid="hub-offline"]').count()).toBe(1));
    const r = await c1.next();
    expect(r).toMatchObject({ ok: true, value: { mode: 'offline' } });
    await eventually(async () => {
      expect(await text('.b-now__num')).toBe('1003');
      expect((await tileNumbers(page))['1']).toBe('1003');
    });
    await saveScreenshot(page, 'board-1080p-hub-down');
    // The indicator is read across the hall too: never shrunk below the 24 px rule.
    expect(await textSmallerThan(page, 24)).toEqual([]);
    await rig.centre.startHub();
    await eventually(
      async () => expect(await page.locator('[data-testid="hub-offline"]').count()).toBe(0),
      15_000,
    );
  }, 40_000);

  it('reconnects by itself when its runtime restarts under the open page', async () => {
    const port = board.port;
    await board.stop();
    await eventually(async () => expect((await text('.mc-banner')).length).toBeGreaterThan(0));
    board = await rig.start({ role: 'board' }, { port, extra: { hubProbeMs: 1_000 } });
    await eventually(async () => {
      expect(await page.locator('.mc-banner--hidden').count()).toBe(1);
      expect((await tileNumbers(page))['1']).toBe('1003');
    }, 15_000);
    await issuer.issue('b');
    expect((await c2.next()).ok).toBe(true);
    await eventually(async () => expect(await text('.b-now__num')).toBe('2002'));
  }, 40_000);

  it('passes axe-core, keeps its CSP, and sets no text under 24 px at 1080p', async () => {
    expect(await runAxe(page)).toEqual([]);
    expect(await collectCspViolations(page)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
  });
});
