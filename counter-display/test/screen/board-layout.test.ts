/**
 * The hall board's layout at 1920×1080 and 3840×2160, with the provincial config (29 counters, all open, 4–5
 * digit numbers, long Vietnamese counter and area names) and with 40 counters. Every text element is measured
 * on every page of the paged lists: nothing wider or taller than its box, nothing outside the viewport or cut
 * by a clipping ancestor, no ellipsis; every current number at least 1/10 of the screen height; every open
 * counter on some page. The scrolling notice is the one text meant to run past its box, and is left out.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, type CentreConfig } from '@motcua/shared/config';
import { AROUND_THE_CLOCK } from '@motcua/shared/config/examples';
import { saveScreenshot } from '@motcua/testing/chromium';
import { eventually, startCounterRig, type CounterScreenRig } from './harness.js';
import { openCounter, startIssuer, type Issuer } from './board-helpers.js';

const PROVINCIAL = JSON.parse(
  readFileSync(new URL('../../../shared/config-examples/provincial.json', import.meta.url), 'utf8'),
) as {
  counters: { id: string; number: number; areas: string[] }[];
  areas: { id: string; name: string }[];
  [k: string]: unknown;
};

/** The provincial centre with every counter named at length, `extra` more counters, open around the clock. */
function hallConfig(extra: number): CentreConfig {
  const areaName = new Map(PROVINCIAL.areas.map((a) => [a.id, a.name]));
  const fiveDigitAreas = ['ct-congthuong', 'yt-hanhnghe', 'ld-laodong', 'bd-tiepnhan', 'ca-xuatnhapcanh'];
  const counters = [
    ...PROVINCIAL.counters,
    ...Array.from({ length: extra }, (_, i) => ({
      id: `q${String(30 + i)}`,
      number: 30 + i,
      areas: [fiveDigitAreas[i % fiveDigitAreas.length]!],
    })),
  ].map((c) => ({
    ...c,
    name: `Tiếp nhận và trả kết quả hồ sơ ${areaName.get(c.areas[0]!)!.toLowerCase()}`,
  }));
  return parseConfig({
    ...PROVINCIAL,
    counters,
    officers: counters.map((c) => ({ id: `o-${c.id}`, name: `Cán bộ quầy ${String(c.number)}` })),
    devices: [],
    hours: AROUND_THE_CLOCK,
    board: {
      notice:
        'Trung tâm làm việc từ thứ Hai đến sáng thứ Bảy. Quý vị vui lòng theo dõi số thứ tự và xuất trình giấy tờ khi được mời.',
      pageS: 3,
    },
  });
}

interface Problem {
  readonly what: string;
  readonly why: string;
}

/**
 * Every text on the page that is cut, overflows, leaves the viewport or is ellipsised (see the file's doc).
 * Plain JavaScript run in the page: this project's tests are type-checked without the DOM library.
 */
const LAYOUT_PROBLEMS = `(() => {
  const out = [];
  const W = window.innerWidth;
  const H = window.innerHeight;
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('.b-ticker__track, .b-sr')) continue;
    const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && (n.textContent || '').trim() !== '');
    if (!own) continue;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    if (r.width === 0 || s.display === 'none' || s.visibility === 'hidden') continue;
    const what = e.className + ' «' + (e.textContent || '').trim().slice(0, 40) + '»';
    if (s.display !== 'inline') {
      if (e.scrollWidth > e.clientWidth + 1) out.push({ what, why: 'scrollWidth ' + e.scrollWidth + ' > ' + e.clientWidth });
      if (e.scrollHeight > e.clientHeight + 1) out.push({ what, why: 'scrollHeight ' + e.scrollHeight + ' > ' + e.clientHeight });
    }
    if (s.textOverflow === 'ellipsis') out.push({ what, why: 'ellipsis' });
    if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5)
      out.push({ what, why: 'outside the viewport ' + JSON.stringify(r) });
    for (let a = e.parentElement; a !== null; a = a.parentElement) {
      if (getComputedStyle(a).overflow === 'visible') continue;
      const b = a.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)
        out.push({ what, why: 'cut by ' + a.className });
    }
  }
  return out;
})()`;

function layoutProblems(page: Page): Promise<Problem[]> {
  return page.evaluate<Problem[]>(LAYOUT_PROBLEMS);
}

interface TileNumber {
  readonly counter: string;
  readonly number: string;
  readonly fontPx: number;
  readonly boxPx: number;
}

/** The current numbers on the tiles shown now, with their font size and box height. */
const TILE_NUMBERS = `Array.from(document.querySelectorAll('.b-tile')).map((t) => {
  const n = t.querySelector('.b-tile__num');
  return {
    counter: t.getAttribute('data-counter') || '',
    number: n ? n.textContent : '',
    fontPx: n ? parseFloat(getComputedStyle(n).fontSize) : 0,
    boxPx: n ? n.getBoundingClientRect().height : 0,
  };
})`;

function tileNumbers(page: Page): Promise<TileNumber[]> {
  return page.evaluate<TileNumber[]>(TILE_NUMBERS);
}

async function checkEveryPage(page: Page, counters: number, label: string): Promise<void> {
  const { height } = page.viewportSize()!;
  const seen = new Map<string, string>();
  const pageNo = (): Promise<string> =>
    page
      .locator('.b-counters .b-pageno')
      .count()
      .then((n) => (n === 0 ? '1/1' : page.locator('.b-counters .b-pageno').innerText()));
  let first = true;
  for (let guard = 0; guard < 12 && seen.size < counters; guard++) {
    const before = await pageNo();
    if (!first) await eventually(async () => expect(await pageNo()).not.toBe(before), 10_000);
    first = false;
    await page.waitForTimeout(150); // the pager's measurement settles within a frame
    expect(await layoutProblems(page), `${label}, page ${await pageNo()}`).toEqual([]);
    for (const t of await tileNumbers(page)) {
      expect(t.number, `counter ${t.counter}`).toMatch(/^\d{4,5}$/);
      expect(t.fontPx, `counter ${t.counter} font`).toBeGreaterThanOrEqual(height / 10);
      expect(t.boxPx, `counter ${t.counter} box`).toBeGreaterThanOrEqual(height / 10);
      seen.set(t.counter, t.number);
    }
    if (guard === 0) await saveScreenshot(page, `board-${label}`);
  }
  expect(seen.size, `${label}: every open counter on some page`).toBe(counters);
}

async function hallWithEveryCounterCalling(extra: number) {
  const config = hallConfig(extra);
  const rig = await startCounterRig({ config });
  const issuer = await startIssuer(rig);
  const cmds = [];
  // In batches: each counter is a runtime with its own SQLite file and broker connection.
  for (let i = 0; i < config.counters.length; i += 10)
    cmds.push(
      ...(await Promise.all(
        config.counters
          .slice(i, i + 10)
          .map((c) => openCounter(rig, c.id, `o-${c.id}`, { onlineTimeoutMs: 5_000 })),
      )),
    );
  for (const c of config.counters) await issuer.issue(c.areas[0]!);
  for (const cmd of cmds) {
    // Twenty-nine counters catching up at once keep the hub busy: a first try may find it "offline".
    let r = await cmd.next();
    for (let i = 0; i < 5 && !r.ok; i++) {
      await new Promise((ok) => setTimeout(ok, 500));
      r = await cmd.next();
    }
    if (!r.ok) throw new Error(`next: ${r.message}`);
  }
  const board = await rig.start({ role: 'board' });
  const page = await rig.open(board);
  return { rig, issuer, page, counters: config.counters.length };
}

let running: { rig: CounterScreenRig; issuer: Issuer } | null = null;
afterAll(async () => {
  await running?.issuer.core.stop();
  await running?.rig.close();
});

describe.each([
  ['provincial', 0],
  ['40-counters', 11],
])('the board with the %s config', (label, extra) => {
  it('fits every text and keeps every number ≥ 1/10 of the height at 1080p and 4K', async () => {
    const hall = await hallWithEveryCounterCalling(extra);
    running = hall;
    try {
      await eventually(
        async () => expect(await hall.page.locator('.b-tile__num').count()).toBeGreaterThan(0),
        15_000,
      );
      await checkEveryPage(hall.page, hall.counters, `1080p-${label}`);
      await hall.page.setViewportSize({ width: 3840, height: 2160 });
      await checkEveryPage(hall.page, hall.counters, `4k-${label}`);
    } finally {
      await hall.issuer.core.stop();
      await hall.rig.close();
      running = null;
    }
  }, 240_000);
});
