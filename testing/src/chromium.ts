/**
 * Dev-only test support: Debian's Chromium driven by playwright-core (never a downloaded browser), plus the
 * checks every screen test runs: CSP violations, axe-core, screenshots, a weak-board CPU.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium, throttleCpu } from '@motcua/centre/chromium';

/** Screenshots go here (git-ignored); CI keeps the folder as an artifact. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screens/', import.meta.url));

/** A page the size of the kiosk's 1080p screen, with the CSP listener installed before any page script. */
export async function newScreenPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      __cspViolations: string[];
      document: { addEventListener(t: string, f: (e: Record<string, unknown>) => void): void };
    };
    g.__cspViolations = [];
    g.document.addEventListener('securitypolicyviolation', (e) => {
      g.__cspViolations.push(`${String(e.violatedDirective)} blocked ${String(e.blockedURI)}`);
    });
  });
  return page;
}

/** Every CSP violation the page has reported so far (page must come from `newScreenPage`). */
export async function collectCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page and returns its serious and critical violations. Injected with `evaluate`:
 * `addScriptTag` would be refused by the screen's own `script-src 'self'`.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface AxeRun {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (globalThis as unknown as { axe: { run(): Promise<AxeRun> } }).axe;
    const r = await axe.run();
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
  });
}

/** Saves a full-page screenshot as `test-artifacts/screens/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name.replace(/[^\w.-]/g, '_')}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The minimal DOM surface the in-page measurements use (this file is type-checked without the DOM lib). */
interface MiniElement {
  readonly tagName: string;
  readonly id: string;
  readonly className: unknown;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<{ readonly nodeType: number; readonly textContent: string | null }>;
  getBoundingClientRect(): { width: number; height: number };
}
interface MiniWindow {
  document: { querySelectorAll(sel: string): ArrayLike<MiniElement> };
  getComputedStyle(e: MiniElement): { fontSize: string; visibility: string; display: string };
}

export interface Measured {
  readonly what: string;
  readonly px: number;
}

/** Visible touch targets (buttons, inputs, links, role=button) shorter than `minPx` CSS pixels. */
export async function targetsShorterThan(page: Page, minPx: number): Promise<Measured[]> {
  return page.evaluate((min) => {
    const w = globalThis as unknown as MiniWindow;
    const out: { what: string; px: number }[] = [];
    for (const e of Array.from(
      w.document.querySelectorAll('button, input, select, textarea, a[href], [role=button]'),
    )) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered
      if (r.height < min)
        out.push({ what: `${e.tagName} ${e.id} ${(e.textContent ?? '').trim()}`, px: r.height });
    }
    return out;
  }, minPx);
}

/** Visible text set smaller than `minPx` (every element holding text of its own). */
export async function textSmallerThan(page: Page, minPx: number): Promise<Measured[]> {
  return page.evaluate((min) => {
    const w = globalThis as unknown as MiniWindow;
    const out: { what: string; px: number }[] = [];
    for (const e of Array.from(w.document.querySelectorAll('body *'))) {
      const own = Array.from(e.childNodes).some(
        (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
      );
      if (!own) continue;
      const r = e.getBoundingClientRect();
      const s = w.getComputedStyle(e);
      if (r.width === 0 || s.visibility === 'hidden' || s.display === 'none') continue;
      const px = parseFloat(s.fontSize);
      if (px < min) out.push({ what: `${e.tagName} ${(e.textContent ?? '').trim().slice(0, 30)}`, px });
    }
    return out;
  }, minPx);
}

/** How far the page overflows the viewport (0 = fits): a kiosk screen must never need a swipe to scroll. */
export async function overflowPx(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      document: { documentElement: { scrollWidth: number; scrollHeight: number } };
    };
    const d = w.document.documentElement;
    return { x: Math.max(0, d.scrollWidth - w.innerWidth), y: Math.max(0, d.scrollHeight - w.innerHeight) };
  });
}
