/**
 * Test support for the counter display and rating pad screens (display*.test.ts, rating*.test.ts): an officer
 * driven through the counter runtime itself, tickets issued by a printer-less kiosk link, a real PNG for the
 * officer's photo, and the page checks every screen passes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { silentLogger } from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import {
  collectCspViolations,
  overflowPx,
  runAxe,
  saveScreenshot,
  targetsShorterThan,
  textSmallerThan,
} from '@motcua/testing/chromium';
import { until } from '@motcua/testing/test-centre';
import { startCounter, type CounterDevice } from '../../src/runtime/counter.js';
import type { CounterScreenRig } from './harness.js';

export const TABLET = { width: 1280, height: 800 };
export const TV = { width: 1920, height: 1080 };

/** The options every runtime in the rig shares (as the harness gives its devices). */
function common(rig: CounterScreenRig) {
  return {
    dataDir: rig.centre.dir,
    brokerUrl: rig.centre.broker.url,
    config: rig.config,
    logger: silentLogger,
    sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
  };
}

export interface Officer {
  readonly device: CounterDevice;
  /** Calls the next ticket and returns its number as displayed. */
  call(): Promise<string>;
  /** Calls, starts and finishes the next ticket; returns its id. */
  serve(): Promise<string>;
}

/** An officer logged in at an open counter, through the counter runtime. */
export async function officerAt(
  rig: CounterScreenRig,
  counterId: string,
  officerId: string,
): Promise<Officer> {
  const device = startCounter({ ...common(rig), counterId, onlineTimeoutMs: 800 });
  await until(() => device.status().connected, 10_000, 'counter connected');
  const cmd = device.commands;
  expect(await cmd.login({ officerId })).toMatchObject({ ok: true });
  expect(await cmd.open()).toMatchObject({ ok: true });
  let current: string | null = null;
  device.subscribe((v) => {
    current = v.current?.display ?? null;
  });
  return {
    device,
    async call() {
      const r = await cmd.next();
      expect(r).toMatchObject({ ok: true });
      await until(() => current !== null, 5_000, 'called');
      return current!;
    },
    async serve() {
      const r = await cmd.next();
      if (!r.ok) throw new Error(`next: ${r.reason}`);
      expect(await cmd.start()).toMatchObject({ ok: true });
      expect(await cmd.finish()).toMatchObject({ ok: true });
      return r.value.ticketId!;
    },
  };
}

/** A ticket source without a printer: the hub numbers it, as an online or phone ticket. */
export function ticketSource(rig: CounterScreenRig): {
  issue(areaId: string): Promise<string>;
  core: DeviceCore;
} {
  const core = openDevice({ ...common(rig), role: 'kiosk', deviceId: 'kiosk-1' });
  return {
    core,
    async issue(areaId) {
      await until(() => core.sync.connected, 10_000, 'issuer connected');
      const r = await core.sync.request('issue', { areaId, priority: null, needsPrint: false });
      if (r.kind !== 'done' || r.ticketId === null) throw new Error('no ticket');
      return r.ticketId;
    },
  };
}

/** A real PNG: `size`×`size` pixels of one colour (the photo the display must show, byte for byte). */
export function pngBytes(size: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A configuration folder holding `photos/<name>`. */
export function configDirWithPhoto(name: string, bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-display-config-'));
  mkdirSync(join(dir, 'photos'));
  writeFileSync(join(dir, 'photos', name), bytes);
  return dir;
}

/** Every screen's rules: no CSP violation, no serious axe finding, 64 px targets, 24 px text, no scrolling. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect(await collectCspViolations(page)).toEqual([]);
  expect(await runAxe(page)).toEqual([]);
  expect(await targetsShorterThan(page, 64)).toEqual([]);
  expect(await textSmallerThan(page, 24)).toEqual([]);
  expect(await overflowPx(page)).toEqual({ x: 0, y: 0 });
}
