/**
 * The kiosk screen survives its runtime being killed: the kiosk in browser mode runs in a process of its own
 * (fixtures/browser-mode-child.ts), is SIGKILLed under the open page, and is started again on the same port and
 * data. The page says "Đang kết nối lại…", recovers by itself (no reload) and takes a ticket that is printed and
 * reaches the hub. Real Mosquitto, hub and Chromium.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectCspViolations,
  launchChromium,
  newScreenPage,
  runAxe,
  saveScreenshot,
} from '@motcua/testing/chromium';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import { eventually, hasText, kioskTestConfig, screenDir } from './harness.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/browser-mode-child.ts', import.meta.url));

interface Child {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line (already seen or to come) starting with `prefix`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<void>;
  stderr(): string;
}

const children = new Set<Child>();

function spawnKiosk(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  proc.stdout.on('data', (b: Buffer) => {
    const parts = (partial + b.toString('utf8')).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr.on('data', (b: Buffer) => {
    err = (err + b.toString('utf8')).slice(-16_000);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    proc,
    exited,
    stderr: () => err,
    async line(prefix, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      for (let seen = 0; ;) {
        const hit = lines.slice(seen).find((l) => l.startsWith(prefix));
        if (hit !== undefined) return hit;
        seen = lines.length;
        if (proc.exitCode !== null || proc.signalCode !== null)
          throw new Error(`kiosk process exited before "${prefix}":\n${err}`);
        if (Date.now() > end) throw new Error(`no "${prefix}" from the kiosk process:\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

async function kill(child: Child): Promise<void> {
  child.proc.kill('SIGKILL');
  await child.exited;
}

let centre: TestCentreRun;
let browser: Browser;
let page: Page;
let env: Record<string, string>;
beforeAll(async () => {
  const config = kioskTestConfig();
  let dir: string;
  [dir, centre, browser] = await Promise.all([screenDir(), startTestCentre({ config }), launchChromium()]);
  env = {
    MOTCUA_URL: centre.broker.url,
    MOTCUA_DATA_DIR: centre.dir,
    MOTCUA_CONFIG: JSON.stringify(config),
    MOTCUA_KIOSK: 'kiosk-1',
    MOTCUA_PORT: '0',
    MOTCUA_STATIC: dir,
  };
  page = await newScreenPage(browser);
}, 60_000);
afterAll(async () => {
  await browser.close();
  for (const c of [...children]) await kill(c);
  await centre.close();
});

describe('kiosk screen: its runtime process killed and started again', () => {
  it(
    'says "Đang kết nối lại…", then recovers by itself and takes a ticket',
    { timeout: 90_000 },
    async () => {
      const first = spawnKiosk(env);
      const port = (await first.line('READY ')).split(' ')[1]!;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator('[data-testid="area-a"]:enabled').waitFor({ timeout: 20_000 });
      // Marks this document: a reload would lose it.
      await page.evaluate(() => {
        (globalThis as unknown as { motcuaSameDocument: boolean }).motcuaSameDocument = true;
      });

      await kill(first);
      expect(first.proc.signalCode).toBe('SIGKILL');
      await hasText(page.locator('.mc-banner'), 'Đang kết nối lại…', 15_000);
      await saveScreenshot(page, 'kiosk-reconnecting');
      expect(await runAxe(page)).toEqual([]);

      const second = spawnKiosk({ ...env, MOTCUA_PORT: port });
      expect(await second.line('READY ')).toBe(`READY ${port}`);
      await page
        .locator('.mc-banner')
        .filter({ hasText: /kết nối/ })
        .waitFor({ state: 'hidden', timeout: 20_000 });
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { motcuaSameDocument?: boolean }).motcuaSameDocument,
        ),
      ).toBe(true);

      await page.locator('[data-testid="area-a"]:enabled').click();
      await page.getByTestId('priority-none').click();
      const n = page.getByTestId('ticket-number');
      await n.waitFor({ timeout: 20_000 });
      const shown = ((await n.textContent()) ?? '').trim();
      expect(shown).toMatch(/^\d+$/);
      second.proc.stdin.write('printed\n');
      const printed = JSON.parse((await second.line('PRINTED ')).slice('PRINTED '.length)) as string[];
      expect(printed).toContain(shown);
      await eventually(() => {
        const atHub = [...centre.hub!.store.state.tickets.values()].find(
          (t) => t.areaId === 'a' && String(t.number) === shown,
        );
        expect(atHub).toMatchObject({ kioskId: 'kiosk-1', printed: true });
      }, 15_000);
      expect(await collectCspViolations(page)).toEqual([]);
    },
  );
});
