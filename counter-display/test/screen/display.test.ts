/**
 * The counter display above the counter (role 'display', a 1080p screen, no touch) in Debian's Chromium,
 * against a real Mosquitto and hub, the officer driven through the counter runtime: the number called there,
 * the counter, the officer (initials, or the photo from the configuration), the counter's state, and a runtime
 * restarted under the open page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueProblems } from '@motcua/shared/ui/i18n-check';
import { displayMessages } from '../../src/screen/display/messages.js';
import {
  TV,
  checkPage,
  configDirWithPhoto,
  officerAt,
  pngBytes,
  ticketSource,
  type Officer,
} from './display-support.js';
import { counterTestConfig, eventually, startCounterRig, type CounterScreenRig } from './harness.js';

let rig: CounterScreenRig;
let source: ReturnType<typeof ticketSource>;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  rig = await startCounterRig({
    config: counterTestConfig({
      officers: [
        { id: 'o1', name: 'Nguyễn Thị Hương', title: 'Chuyên viên' },
        { id: 'o2', name: 'Trần Văn Đức', title: 'Phó phòng', photo: 'photos/o2.png' },
      ],
    }),
  });
  source = ticketSource(rig);
  stops.push(() => source.core.stop());
}, 120_000);
afterAll(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
  await rig.close();
});

const text = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('display messages', () => {
  it('every key in both languages, NFC, same placeholders, Vietnamese with its diacritics', () => {
    expect(catalogueProblems(displayMessages)).toEqual([]);
  });
});

describe('the counter display', () => {
  let officer: Officer;

  it('a closed counter says so; the number called there shows very large with the officer’s initials', async () => {
    const device = await rig.start({ role: 'display', counterId: 'c1' });
    const page = await rig.open(device, TV);
    await eventually(async () => {
      expect(await page.getAttribute('main', 'data-role')).toBe('display');
      expect(await text(page, 'counter-state')).toBe('Quầy đang đóng');
    });
    expect(await text(page, 'counter-title')).toBe('Quầy số 1');
    await checkPage(page, 'display-closed-1920');

    officer = await officerAt(rig, 'c1', 'o1');
    stops.push(() => officer.device.stop());
    await source.issue('a');
    const called = await officer.call();
    await eventually(async () => {
      expect(await text(page, 'current-number')).toBe(called);
    });
    expect(await text(page, 'officer-name')).toBe('Nguyễn Thị Hương');
    expect(await text(page, 'officer-title')).toBe('Chuyên viên');
    expect(await text(page, 'officer-initials')).toBe('NH');
    expect(await page.getByTestId('officer-photo').count()).toBe(0);
    // Readable across the counter: the number is at least a fifth of the screen's height.
    const box = await page.getByTestId('current-number').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(TV.height / 5);
    expect(await page.getByRole('button').count()).toBe(0); // nothing to press on a display
    await checkPage(page, 'display-serving-1920');

    expect(await officer.device.commands.pause({ reason: 'Họp giao ban' })).toMatchObject({ ok: true });
    await eventually(async () => {
      expect(await text(page, 'counter-state')).toBe('Tạm dừng: Họp giao ban');
    });
    await checkPage(page, 'display-paused-1920');
    expect(await officer.device.commands.open()).toMatchObject({ ok: true });
    await page.close();
  });

  it('shows the officer’s photo from the configuration folder, as sent (a data: URL the CSP allows)', async () => {
    const png = pngBytes(96, [30, 90, 160]);
    const dir = configDirWithPhoto('o2.png', png);
    expect(readFileSync(join(dir, 'photos', 'o2.png'))).toEqual(png);
    const device = await rig.start({ role: 'display', counterId: 'c2' }, { extra: { configDir: dir } });
    const page = await rig.open(device, TV);
    const o2 = await officerAt(rig, 'c2', 'o2');
    stops.push(() => o2.device.stop());
    await source.issue('b');
    const called = await o2.call();
    await eventually(async () => {
      expect(await text(page, 'current-number')).toBe(called);
    });
    const img = page.getByTestId('officer-photo');
    expect(await img.getAttribute('src')).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(await img.getAttribute('alt')).toBe('Trần Văn Đức');
    await eventually(async () => {
      expect(await img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBe(96);
    });
    await checkPage(page, 'display-photo-1920');
    await page.close();
  });

  it('the runtime restarted under the open page: the page reconnects by itself and follows new calls', async () => {
    const device = await rig.start({ role: 'display', counterId: 'c1' });
    const page = await rig.open(device, TV);
    await eventually(async () => {
      expect(await text(page, 'officer-name')).toBe('Nguyễn Thị Hương');
    });
    const port = device.port;
    await device.stop();
    await eventually(async () => {
      expect(await page.getByRole('status').first().textContent()).toMatch(/kết nối/);
    });
    const again = await rig.start({ role: 'display', counterId: 'c1' }, { port });
    await source.issue('a');
    const called = await officer.call();
    await eventually(async () => {
      expect(await text(page, 'current-number')).toBe(called);
    }, 15_000);
    expect(again.port).toBe(port);
    await page.close();
  });
});
