/**
 * Shared by the officer panel's screen tests: the centre (officers with PINs, a short recall interval and
 * lockout), text assertions, and the page rules checked on every panel state.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CentreConfig } from '@motcua/shared';
import {
  collectCspViolations,
  overflowPx,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
  textSmallerThan,
} from '@motcua/testing/chromium';
import { hashOfficerPin } from '../../src/runtime/officer-pin.js';
import { counterTestConfig, eventually } from './harness.js';

export const PIN_O1 = '4321';
export const PIN_O3 = '2468';
export const RECALL_S = 6;

/** Cheap scrypt cost for tests (the format's minimum); production hashes use the default. */
const TEST_COST = { log2N: 10, r: 8, p: 1 };

export async function panelConfig(): Promise<CentreConfig> {
  return counterTestConfig({
    officers: [
      {
        id: 'o1',
        name: 'Nguyễn Thị Hương',
        title: 'Chuyên viên',
        pinHash: await hashOfficerPin(PIN_O1, TEST_COST),
      },
      { id: 'o2', name: 'Trần Văn Đức' },
      { id: 'o3', name: 'Lê Minh Cường', pinHash: await hashOfficerPin(PIN_O3, TEST_COST) },
    ],
    counterPanel: { pinMaxAttempts: 3, pinLockoutS: 60, recallIntervalS: RECALL_S },
  });
}

export const hasText = (l: Locator, want: string | RegExp, timeout?: number): Promise<void> =>
  eventually(async () => {
    const text = ((await l.textContent()) ?? '').trim();
    if (typeof want === 'string') expect(text).toBe(want);
    else expect(text).toMatch(want);
  }, timeout);

/**
 * Every rule on a full-size (1080p) panel state: no CSP violation, no serious axe finding, 64 px targets, 24 px
 * text, no overflow; and a screenshot in test-artifacts/screens/panel-<name>.png.
 */
export async function checkFull(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `panel-${name}`);
  expect(await collectCspViolations(page)).toEqual([]);
  expect(await runAxe(page)).toEqual([]);
  expect(await targetsShorterThan(page, 64)).toEqual([]);
  expect(await textSmallerThan(page, 24)).toEqual([]);
  expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
}

/**
 * The compact window (360 px wide): nothing overflows sideways, targets ≥ 44 px (mouse and keyboard beside the
 * dossier software), text ≥ 18 px, no serious axe finding, and a screenshot (panel-compact-<name>.png).
 */
export async function checkCompact(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `panel-compact-${name}`);
  expect(await collectCspViolations(page)).toEqual([]);
  expect(await runAxe(page)).toEqual([]);
  expect(await targetsShorterThan(page, 44)).toEqual([]);
  expect(await textSmallerThan(page, 18)).toEqual([]);
  expect((await overflowPx(page)).x).toBe(0);
  // Nothing inside is wider than the window either (a clipped element would not widen the document).
  const wide = await page.evaluate(() => {
    const w = globalThis as unknown as {
      innerWidth: number;
      document: {
        querySelectorAll(s: string): ArrayLike<{
          getBoundingClientRect(): { right: number; left: number };
          tagName: string;
          textContent: string | null;
        }>;
      };
    };
    return Array.from(w.document.querySelectorAll('main *'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.right > w.innerWidth + 0.5 || r.left < -0.5;
      })
      .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 20)}`);
  });
  expect(wide).toEqual([]);
}
