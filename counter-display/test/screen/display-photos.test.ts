/**
 * Officers' photos as the display's runtime reads them: only pictures inside the configuration folder, within
 * the size cap, with a picture's signature; anything else is left out with a reason (initials are shown).
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { initialsOf, loadOfficerPhotos, readPhoto } from '../../src/runtime/photos.js';
import { configDirWithPhoto, pngBytes } from './display-support.js';

describe('officer photos', () => {
  it('a PNG inside the folder becomes a data: URL of exactly its bytes', () => {
    const png = pngBytes(8, [200, 0, 0]);
    const dir = configDirWithPhoto('a.png', png);
    expect(readPhoto(dir, 'photos/a.png')).toEqual({
      ok: true,
      url: `data:image/png;base64,${png.toString('base64')}`,
    });
  });

  it('refuses a file over the cap, a non-picture, a missing file, and a link leading out of the folder', () => {
    const dir = configDirWithPhoto('big.png', pngBytes(64, [0, 0, 0]));
    expect(readPhoto(dir, 'photos/big.png', 50)).toEqual({ ok: false, reason: 'too-large' });
    writeFileSync(join(dir, 'photos', 'fake.png'), '<svg onload="alert(1)"/>');
    expect(readPhoto(dir, 'photos/fake.png')).toEqual({ ok: false, reason: 'not-a-picture' });
    expect(readPhoto(dir, 'photos/none.png')).toEqual({ ok: false, reason: 'unreadable' });
    const outside = mkdtempSync(join(tmpdir(), 'motcua-outside-'));
    writeFileSync(join(outside, 'secret.png'), pngBytes(4, [1, 2, 3]));
    symlinkSync(join(outside, 'secret.png'), join(dir, 'photos', 'link.png'));
    expect(readPhoto(dir, 'photos/link.png')).toEqual({ ok: false, reason: 'outside-folder' });
  });

  it('loads the configured officers’ photos, logging each one left out with its reason', () => {
    const dir = configDirWithPhoto('o1.png', pngBytes(8, [0, 128, 0]));
    const config = testCentreConfig({
      officers: [
        { id: 'o1', name: 'Nguyễn Văn An', photo: 'photos/o1.png' },
        { id: 'o2', name: 'Trần Thị Bình', photo: 'photos/missing.jpg' },
        { id: 'o3', name: 'Lê Văn Cường' },
      ],
    });
    const records: LogRecord[] = [];
    const logger = createLogger((r) => records.push(r));
    const photos = loadOfficerPhotos(config, { configDir: dir, logger });
    expect([...photos.keys()]).toEqual(['o1']);
    expect(records.map((r) => r.fields)).toEqual([
      { officerId: 'o2', path: 'photos/missing.jpg', reason: 'unreadable' },
    ]);
    records.length = 0;
    expect(loadOfficerPhotos(config, { logger }).size).toBe(0);
    expect(records.map((r) => r.fields?.reason)).toEqual(['no-config-dir', 'no-config-dir']);
  });

  it('initials: first letters of the first and last words, upper case', () => {
    expect(initialsOf('Nguyễn Thị Hương')).toBe('NH');
    expect(initialsOf('  đặng   ánh ')).toBe('ĐÁ');
    expect(initialsOf('Minh')).toBe('M');
  });
});
