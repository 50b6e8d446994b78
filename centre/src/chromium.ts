/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser): what the screen benchmarks
 * (`motcua bench kiosk`) measure with. A product module because a product command needs it; the test-only
 * checks (CSP, axe-core, screenshots) stay in testing/src/chromium.ts, which uses this launcher.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet, offline, no sandbox (containers), no GPU. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium. Playwright gives every launch a fresh temporary `--user-data-dir` and deletes it on
 * close, so no profile state leaks between runs.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** Slows the page's CPU `rate` times (DevTools protocol), standing in for the device's ARM board. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
