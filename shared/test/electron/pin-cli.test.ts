import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../src/electron/kiosk.js';
import { adminPinHashCommand } from '../../src/electron/pin-cli.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('adminPinHashCommand', () => {
  it('prints a hash that verifies the PIN read from standard input', async () => {
    const t = io();
    const code = await adminPinHashCommand([], t.io, () => Promise.resolve('482913\n'));
    expect(code).toBe(0);
    const hash = t.out.join('').trim();
    expect(await verifyPin('482913', hash)).toBe(true);
    expect(await verifyPin('482914', hash)).toBe(false);
    expect(hash).not.toContain('482913');
  });

  it.each(['1234', '12345', 'abcdef', '48 29 13', '1'.repeat(13), ''])(
    'refuses the PIN %j with a reason',
    async (pin) => {
      const t = io();
      expect(await adminPinHashCommand([], t.io, () => Promise.resolve(pin))).toBe(2);
      expect(t.err.join('')).toMatch(/bad-pin/);
      expect(t.out).toEqual([]);
    },
  );

  it('refuses a PIN given as an argument (it would stay in shell history)', async () => {
    const t = io();
    expect(await adminPinHashCommand(['482913'], t.io, () => Promise.resolve('482913'))).toBe(2);
    expect(t.err.join('')).toMatch(/bad-args/);
  });
});
