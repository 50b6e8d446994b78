/**
 * The example screen in real Chromium, served by the real browser-mode server from a real Vite build, bound
 * to the fake counter runtime: what every screen's browser test checks, on the screen that proves the kit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveScreen, type ScreenServer } from '../../src/screen/server.js';
import {
  collectCspViolations,
  launchChromium,
  newScreenPage,
  overflowPx,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
  textSmallerThan,
} from '../../../testing/src/chromium.js';
import { buildExample } from './build-example.js';
import { counterArgs, fakeCounterApi, type FakeCounterApi } from './fake-api.js';

/** Retries an assertion until it holds (Playwright's web-first assertions live in @playwright/test, not core). */
const eventually = (check: () => Promise<void>, timeout = 5000): Promise<void> =>
  vi.waitFor(check, { timeout, interval: 25 });
const hasText = (l: Locator, want: string | RegExp): Promise<void> =>
  eventually(async () => {
    const text = (await l.textContent()) ?? '';
    if (typeof want === 'string') expect(text).toBe(want);
    else expect(text).toMatch(want);
  });
const hasValue = (l: Locator, want: string): Promise<void> =>
  eventually(async () => {
    expect(await l.inputValue()).toBe(want);
  });
const htmlLang = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement
        .lang,
  );

describe('example screen in Chromium (browser mode)', () => {
  let dist: string;
  let api: FakeCounterApi;
  let server: ScreenServer;
  let browser: Browser;
  /** One page for the whole file, as a kiosk runs one page all day (and a new page costs seconds here). */
  let page: Page;

  beforeAll(async () => {
    dist = await buildExample();
    api = fakeCounterApi();
    [server, browser] = await Promise.all([
      serveScreen({ port: 0, staticDir: dist, api, commandArgs: counterArgs }),
      launchChromium(),
    ]);
    page = await newScreenPage(browser);
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** The page, once it shows the runtime's current count. */
  const open = async (): Promise<Page> => {
    await page
      .getByTestId('count')
      .filter({ hasText: String(api.count) })
      .waitFor();
    return page;
  };

  it('builds without any inline script, so script-src self holds', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\sstyle=|\son\w+=/);
    expect(readdirSync(join(dist, 'assets')).some((f) => f.endsWith('.js'))).toBe(true);
  });

  it('loads under the CSP with no violation and no serious or critical axe finding', async () => {
    const page = await open();
    await hasText(page.locator('h1'), 'Màn hình mẫu');
    expect(await htmlLang(page)).toBe('vi');
    await saveScreenshot(page, 'example-vi');
    expect(await runAxe(page)).toEqual([]);
    expect(await collectCspViolations(page)).toEqual([]);
  });

  it('a tap runs a command and the view updates; a refusal is shown in words', async () => {
    const page = await open();
    const before = api.count;
    await page.getByTestId('increment').click();
    await hasText(page.getByTestId('count'), `Số đếm: ${before + 1}`);
    expect(api.count).toBe(before + 1);
    await page.getByTestId('fail').click();
    await hasText(page.getByTestId('note'), 'Bộ đếm đang khoá.');
  });

  it('shows a view pushed by the runtime (a remote event) without any tap', async () => {
    const page = await open();
    api.set(250);
    await hasText(page.getByTestId('count'), 'Số đếm: 250');
  });

  it('meets the size rules at 1080p: fits without scrolling, targets at least 64 px tall, text at least 24 px', async () => {
    const page = await open();
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    expect(await page.locator('button').count()).toBeGreaterThan(40);
    expect(await targetsShorterThan(page, 64)).toEqual([]);
    expect(await textSmallerThan(page, 24)).toEqual([]);
  });

  it('switches language with one tap', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'English' }).click();
    await hasText(page.locator('h1'), 'Example screen');
    await hasText(page.getByTestId('count'), `Count: ${api.count}`);
    await page.getByRole('button', { name: 'Add one' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await saveScreenshot(page, 'example-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await hasText(page.locator('h1'), 'Màn hình mẫu');
  });

  it('types Vietnamese on the on-screen keyboard, tone marks included', async () => {
    const page = await open();
    const kb = page.getByRole('group', { name: 'Bàn phím' });
    for (const k of ['đ', 'ă', 'n', 'g']) await kb.getByRole('button', { name: k, exact: true }).click();
    await kb.getByRole('button', { name: 'Dấu cách' }).click();
    for (const k of ['k', 'y']) await kb.getByRole('button', { name: k, exact: true }).click();
    await kb.getByRole('button', { name: 'Dấu sắc' }).click();
    await hasValue(page.getByTestId('query'), 'đăng ký');
    await kb.getByRole('button', { name: 'Xoá lùi' }).click();
    await hasValue(page.getByTestId('query'), 'đăng k');
    await saveScreenshot(page, 'example-keyboard');
    await kb.getByRole('button', { name: 'Xoá hết' }).click();
    await hasValue(page.getByTestId('query'), '');
  });

  it('survives the runtime restarting: says "Đang kết nối lại…", then recovers by itself', async () => {
    const page = await open();
    const banner = page.getByRole('status');
    await banner.waitFor({ state: 'hidden' });
    const port = server.port;
    await server.close();
    await hasText(banner, 'Đang kết nối lại…');
    await page.getByTestId('increment').click();
    await hasText(page.getByTestId('note'), /Chưa kết nối được/);
    expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
    await saveScreenshot(page, 'example-reconnecting');
    expect(await runAxe(page)).toEqual([]);

    api.set(api.count + 10); // the runtime moved on while the screen was away
    server = await serveScreen({ port, staticDir: dist, api, commandArgs: counterArgs });
    await banner.waitFor({ state: 'hidden', timeout: 10_000 });
    await hasText(page.getByTestId('count'), `Số đếm: ${api.count}`);
    await page.getByTestId('increment').click();
    await hasText(page.getByTestId('count'), `Số đếm: ${api.count}`);
    await hasText(page.getByTestId('note'), '');
    expect(await collectCspViolations(page)).toEqual([]);
  });
});
