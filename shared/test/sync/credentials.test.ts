/** One credentials format for both brokers: Mosquitto's `$7$` PBKDF2-SHA512, hashed here or by mosquitto_passwd. */
import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPasswordFile } from '../../src/sync/acl.js';
import {
  hashPassword,
  parsePasswordFile,
  provisionCredentials,
  verifyPassword,
} from '../../src/sync/credentials.js';

describe('broker credentials', () => {
  it("verifies mosquitto_passwd's hashes, and its own; refuses wrong passwords and other formats", async () => {
    const text = await buildPasswordFile([{ username: 'kiosk-1', password: 'right one' }]);
    const hash = parsePasswordFile(text).get('kiosk-1')!;
    expect(hash.startsWith('$7$')).toBe(true);
    expect(verifyPassword('right one', hash)).toBe(true);
    expect(verifyPassword('wrong one', hash)).toBe(false);
    const own = hashPassword('s3cret');
    expect(verifyPassword('s3cret', own)).toBe(true);
    expect(verifyPassword('s3cret', own.replace('$7$', '$6$'))).toBe(false);
    expect(verifyPassword('', '')).toBe(false);
  });

  it('provisions missing users, keeps existing passwords, files 0600 in a 0700 folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'motcua-cred-')), 'broker');
    const a = await provisionCredentials(dir, ['kiosk-1', 'counter-c1']);
    expect(a.created).toEqual(['kiosk-1', 'counter-c1']);
    const b = await provisionCredentials(dir, ['kiosk-1', 'counter-c1', 'board-1']);
    expect(b.created).toEqual(['board-1']);
    expect(b.passwords['kiosk-1']).toBe(a.passwords['kiosk-1']);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'passwd')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
    const { readFileSync } = await import('node:fs');
    const hashes = parsePasswordFile(readFileSync(join(dir, 'passwd'), 'utf8'));
    expect(verifyPassword(b.passwords['board-1']!, hashes.get('board-1')!)).toBe(true);
  });
});
