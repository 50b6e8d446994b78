/** Retries an assertion until it holds (Playwright's web-first assertions live in @playwright/test). */
import type { Locator } from 'playwright-core';
import { expect, vi } from 'vitest';

export const eventually = (check: () => unknown, timeout = 8_000): Promise<void> =>
  vi.waitFor(
    async () => {
      await check();
    },
    { timeout, interval: 25 },
  );

export const hasText = (l: Locator, want: string | RegExp, timeout?: number): Promise<void> =>
  eventually(async () => {
    const text = ((await l.textContent()) ?? '').trim();
    if (typeof want === 'string') expect(text).toBe(want);
    else expect(text).toMatch(want);
  }, timeout);
