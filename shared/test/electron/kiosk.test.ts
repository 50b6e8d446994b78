import type { WebContents } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ExitGuardConfigError,
  blockEscapeKeys,
  createExitGuard,
  hashPin,
  isEscapeKey,
  keepScreenAwake,
  parsePinHash,
  verifyPin,
  type KeyInput,
} from '../../src/electron/kiosk.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { FakePowerSaveBlocker, FakeWebContents, fakeEvent } from './fake-electron.js';

// Cheap scrypt cost for the many guard tests; the default cost is exercised once below.
const CHEAP = { log2N: 10, r: 8, p: 1 };
let PIN_HASH = '';
beforeAll(async () => {
  PIN_HASH = await hashPin('482913', CHEAP);
});

describe('PIN hashes', () => {
  it('verifies the right PIN and refuses others, with the default cost too', async () => {
    const h = await hashPin('2468');
    expect(h).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(await verifyPin('2468', h)).toBe(true);
    expect(await verifyPin('2469', h)).toBe(false);
    const cheap = await hashPin('2468', CHEAP);
    expect(await verifyPin('24680', cheap)).toBe(false);
    expect(await verifyPin('', cheap)).toBe(false);
  });

  it('salts: the same PIN gives different hashes that both verify', async () => {
    const a = await hashPin('482913', CHEAP);
    expect(a).not.toBe(PIN_HASH);
    expect(await verifyPin('482913', a)).toBe(true);
  });

  it('compares Unicode PINs after NFC normalisation', async () => {
    const h = await hashPin('mật khẩu'.normalize('NFD'), CHEAP);
    expect(await verifyPin('mật khẩu'.normalize('NFC'), h)).toBe(true);
  });

  it.each([
    ['not scrypt', 'bcrypt$10$abc'],
    ['cost far too high (a config turned into a stall)', PIN_HASH_WITH('30')],
    ['cost too low', PIN_HASH_WITH('4')],
    ['short salt', 'scrypt$10$8$1$AAAA$' + 'A'.repeat(43)],
    ['empty', ''],
  ])('refuses a malformed hash: %s', async (_what, encoded) => {
    expect(parsePinHash(encoded).ok).toBe(false);
    expect(await verifyPin('482913', encoded)).toBe(false);
  });

  it('refuses to hash a PIN that is too short or too long', async () => {
    await expect(hashPin('123', CHEAP)).rejects.toThrow(/4 to 64/);
    await expect(hashPin('1'.repeat(65), CHEAP)).rejects.toThrow(/4 to 64/);
  });
});

function PIN_HASH_WITH(log2N: string): string {
  return `scrypt$${log2N}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;
}

describe('createExitGuard', () => {
  function guard(extra: { maxAttempts?: number; lockoutMs?: number; maxLockoutMs?: number } = {}) {
    const clock = new ManualClock(1_000_000);
    const verify = vi.fn(verifyPin);
    const { logger, records } = memoryLogger();
    const g = createExitGuard({
      pinHash: PIN_HASH,
      clock,
      verify,
      logger,
      maxAttempts: 3,
      lockoutMs: 60_000,
      ...extra,
    });
    return { g, clock, verify, records };
  }

  it('accepts the admin PIN', async () => {
    const { g } = guard();
    expect(await g.attempt('482913')).toEqual({ ok: true });
  });

  it('wrong PIN × N locks out; the correct PIN is refused until the lockout ends', async () => {
    const { g, clock, verify } = guard();
    expect(await g.attempt('000000')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await g.attempt('111111')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    const third = await g.attempt('222222');
    expect(third).toMatchObject({ ok: false, reason: 'locked', retryAt: 1_000_000 + 60_000 });
    expect(g.status()).toEqual({ remaining: 0, lockedUntil: 1_060_000 });

    verify.mockClear();
    clock.advance(59_999);
    expect(await g.attempt('482913')).toMatchObject({ ok: false, reason: 'locked' });
    // During a lockout the PIN is not even checked: nothing to learn from timing either.
    expect(verify).not.toHaveBeenCalled();

    clock.advance(1);
    expect(await g.attempt('482913')).toEqual({ ok: true });
  });

  it('a lockout in a row doubles, up to the cap', async () => {
    const { g, clock } = guard({ maxLockoutMs: 150_000 });
    const lockOnce = async (): Promise<number> => {
      let last;
      for (let i = 0; i < 3; i++) last = await g.attempt('999999');
      expect(last).toMatchObject({ reason: 'locked' });
      const until = g.status().lockedUntil!;
      const ms = until - clock.now();
      clock.set(until);
      return ms;
    };
    expect([await lockOnce(), await lockOnce(), await lockOnce(), await lockOnce()]).toEqual([
      60_000, 120_000, 150_000, 150_000,
    ]);
    // Success forgives the history.
    expect(await g.attempt('482913')).toEqual({ ok: true });
    expect(await lockOnce()).toBe(60_000);
  });

  it('parallel guesses cannot get past the counter', async () => {
    const { g, verify } = guard();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => g.attempt(String(100000 + i))));
    expect(verify).toHaveBeenCalledTimes(3);
    expect(results.filter((x) => !x.ok && x.reason === 'locked')).toHaveLength(18);
  });

  it.each([[undefined], [null], [482913], [['482913']], [''], ['4'.repeat(65)], [{ pin: '482913' }]])(
    'refuses hostile input without hashing it: %j',
    async (input) => {
      const { g, verify } = guard();
      expect(await g.attempt(input)).toMatchObject({ ok: false, reason: 'bad-input' });
      expect(verify).not.toHaveBeenCalled();
    },
  );

  it('a verifier that throws counts as a wrong PIN, and is logged', async () => {
    const clock = new ManualClock(0);
    const { logger, records } = memoryLogger();
    const g = createExitGuard({
      pinHash: PIN_HASH,
      clock,
      logger,
      verify: () => Promise.reject(new Error('scrypt out of memory')),
    });
    expect(await g.attempt('482913')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(records.some((x) => x.level === 'error')).toBe(true);
  });

  it('refuses to start with an unreadable PIN hash (the device could never be left)', () => {
    expect(() => createExitGuard({ pinHash: 'not-a-hash', clock: new ManualClock(0) })).toThrow(
      ExitGuardConfigError,
    );
  });
});

describe('escape keys', () => {
  const k = (key: string, code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    key,
    code,
    control: false,
    alt: false,
    shift: false,
    meta: false,
    ...mods,
  });

  it.each([
    ['Alt+F4', k('F4', 'F4', { alt: true })],
    ['Ctrl+W', k('w', 'KeyW', { control: true })],
    ['Ctrl+Q', k('q', 'KeyQ', { control: true })],
    ['Ctrl+R', k('r', 'KeyR', { control: true })],
    ['Ctrl+Shift+R', k('R', 'KeyR', { control: true, shift: true })],
    ['F5', k('F5', 'F5')],
    ['F11', k('F11', 'F11')],
    ['F12', k('F12', 'F12')],
    ['Ctrl+Shift+I', k('I', 'KeyI', { control: true, shift: true })],
    ['Ctrl+Shift+J', k('J', 'KeyJ', { control: true, shift: true })],
    ['Ctrl+Shift+C', k('C', 'KeyC', { control: true, shift: true })],
    ['Ctrl+P', k('p', 'KeyP', { control: true })],
    ['Ctrl+plus', k('+', 'Equal', { control: true, shift: true })],
    ['Ctrl+minus', k('-', 'Minus', { control: true })],
    ['Ctrl+0', k('0', 'Digit0', { control: true })],
    ['Ctrl+W on an AZERTY-like layout (key differs, code is KeyW)', k('z', 'KeyW', { control: true })],
    ['Ctrl+W where the layout maps another physical key to w', k('w', 'KeyZ', { control: true })],
    ['Alt+Left (history back)', k('ArrowLeft', 'ArrowLeft', { alt: true })],
    ['Super+anything', k('d', 'KeyD', { meta: true })],
    ['browser back key', k('BrowserBack', 'BrowserBack')],
  ])('blocks %s', (_name, input) => {
    expect(isEscapeKey(input)).toBe(true);
  });

  it.each([
    ['a letter', k('a', 'KeyA')],
    ['a Vietnamese letter', k('ư', 'BracketLeft')],
    ['a digit', k('7', 'Digit7')],
    ['Enter (keyboard-wedge scanners end with it)', k('Enter', 'Enter')],
    ['Backspace', k('Backspace', 'Backspace')],
    ['an arrow', k('ArrowDown', 'ArrowDown')],
    ['Shift+A', k('A', 'KeyA', { shift: true })],
    ['Ctrl+A (select all in a search box)', k('a', 'KeyA', { control: true })],
    ['Ctrl+C / Ctrl+V', k('v', 'KeyV', { control: true })],
    ['Escape (closes an on-screen dialog)', k('Escape', 'Escape')],
  ])('lets %s through', (_name, input) => {
    expect(isEscapeKey(input)).toBe(false);
  });

  it('blockEscapeKeys prevents blocked keys before the page sees them', () => {
    const c = new FakeWebContents();
    blockEscapeKeys(c as unknown as Pick<WebContents, 'on'>);
    const blocked = fakeEvent();
    c.emit('before-input-event', blocked, { type: 'keyDown', ...k('w', 'KeyW', { control: true }) });
    expect(blocked.defaultPrevented).toBe(true);
    const typed = fakeEvent();
    c.emit('before-input-event', typed, { type: 'keyDown', ...k('a', 'KeyA') });
    expect(typed.defaultPrevented).toBe(false);
  });
});

describe('keepScreenAwake', () => {
  it('prevents display sleep until stopped', () => {
    const b = new FakePowerSaveBlocker();
    const awake = keepScreenAwake(b);
    expect([...b.active.values()]).toEqual(['prevent-display-sleep']);
    expect(awake.isActive()).toBe(true);
    awake.stop();
    expect(b.active.size).toBe(0);
    expect(awake.isActive()).toBe(false);
    awake.stop();
  });
});
