/**
 * Kiosk behaviour: leaving the app needs the admin PIN (with a lockout against guessing), the usual escape keys
 * do nothing, and the display never goes to sleep.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Input, PowerSaveBlocker, WebContents } from 'electron';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';

// ---------------------------------------------------------------------------------------------------------------
// PIN hashes: `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>`, so the cost can be raised later
// without breaking hashes already written into device configs.

export interface PinHashParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export type PinHashResult =
  | { readonly ok: true; readonly value: PinHashParams }
  | { readonly ok: false; readonly reason: 'bad-pin-hash'; readonly message: string };

/** Longest PIN accepted before hashing: input from the screen is hostile, scrypt on megabytes is a stall. */
export const MAX_PIN_LENGTH = 64;

// 2^14 × 8: 16 MB and a fraction of a second on a weak board. A PIN has few digits, so the cost cannot make
// offline guessing hard; it only has to keep a leaked config from being a PIN list. The lockout does the rest.
const DEFAULT_COST = { log2N: 14, r: 8, p: 1 } as const;

export function parsePinHash(encoded: unknown): PinHashResult {
  const bad = (message: string): PinHashResult => ({ ok: false, reason: 'bad-pin-hash', message });
  if (typeof encoded !== 'string') return bad('the admin PIN hash must be a string');
  const m = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{22,})\$([A-Za-z0-9_-]{43,})$/.exec(
    encoded,
  );
  if (!m) return bad('the admin PIN hash is not scrypt$<log2N>$<r>$<p>$<salt>$<hash>');
  const [log2N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a tampered config from turning every PIN check into a multi-second, gigabyte-sized stall.
  if (log2N < 10 || log2N > 20) return bad(`log2N ${log2N} is outside 10..20`);
  if (r < 1 || r > 16 || p < 1 || p > 4) return bad('r or p is out of range');
  const salt = Buffer.from(m[4]!, 'base64url');
  const hash = Buffer.from(m[5]!, 'base64url');
  if (salt.length < 16 || hash.length < 32 || hash.length > 64)
    return bad('salt or hash has the wrong length');
  return { ok: true, value: { log2N, r, p, salt, hash } };
}

function derive(
  pin: string,
  salt: Buffer,
  log2N: number,
  r: number,
  p: number,
  len: number,
): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; Node's default limit (32 MB) is too small from log2N 15, r 8 on.
    scrypt(pin.normalize('NFC'), salt, len, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes an admin PIN for the device config (run on the admin's machine, e.g. through a CLI command). */
export async function hashPin(
  pin: string,
  cost: { log2N: number; r: number; p: number } = DEFAULT_COST,
  salt: Buffer = randomBytes(16),
): Promise<string> {
  if (pin.length < 4 || pin.length > MAX_PIN_LENGTH) throw new Error('an admin PIN has 4 to 64 characters');
  const hash = await derive(pin, salt, cost.log2N, cost.r, cost.p, 32);
  return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Constant-time comparison of a PIN with a stored hash. A malformed hash never matches. */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const parsed = parsePinHash(encoded);
  if (!parsed.ok) return false;
  const { log2N, r, p, salt, hash } = parsed.value;
  const candidate = await derive(pin, salt, log2N, r, p, hash.length);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

// ---------------------------------------------------------------------------------------------------------------
// The exit guard.

export type ExitAttempt =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'bad-input' | 'wrong-pin' | 'locked';
      readonly message: string;
      /** When a locked guard accepts attempts again (ms epoch). */
      readonly retryAt?: number;
    };

export interface ExitGuardOptions {
  readonly pinHash: string;
  readonly clock: Clock;
  readonly verify?: (pin: string, encoded: string) => Promise<boolean>;
  /** Wrong PINs in a row before a lockout (default 5). */
  readonly maxAttempts?: number;
  /** First lockout (default 5 min); each further lockout in a row doubles it, up to `maxLockoutMs` (1 h). */
  readonly lockoutMs?: number;
  readonly maxLockoutMs?: number;
  readonly logger?: Logger;
}

export interface ExitGuard {
  attempt(pin: unknown): Promise<ExitAttempt>;
  /** For a status line: remaining attempts and the end of the current lockout, if any. */
  status(): { readonly remaining: number; readonly lockedUntil: number | null };
}

export class ExitGuardConfigError extends Error {
  readonly reason = 'bad-pin-hash';
}

export function createExitGuard(opts: ExitGuardOptions): ExitGuard {
  const parsed = parsePinHash(opts.pinHash);
  // A device whose PIN hash is unreadable could never be left: refuse to start rather than trap the staff.
  if (!parsed.ok) throw new ExitGuardConfigError(parsed.message);
  const verify = opts.verify ?? verifyPin;
  const maxAttempts = opts.maxAttempts ?? 5;
  const lockoutMs = opts.lockoutMs ?? 5 * 60_000;
  const maxLockoutMs = opts.maxLockoutMs ?? 60 * 60_000;
  let failures = 0;
  let lockouts = 0;
  let lockedUntil: number | null = null;
  // Attempts run one after another: parallel guesses must not all pass the lockout check before any failure counts.
  let queue: Promise<unknown> = Promise.resolve();

  const lockedResult = (until: number): ExitAttempt => ({
    ok: false,
    reason: 'locked',
    message: 'Tạm khoá do nhập sai mã quá nhiều lần / Locked after too many wrong PINs',
    retryAt: until,
  });

  const run = async (pin: unknown): Promise<ExitAttempt> => {
    const now = opts.clock.now();
    if (lockedUntil !== null) {
      if (now < lockedUntil) return lockedResult(lockedUntil);
      lockedUntil = null;
      failures = 0;
    }
    if (typeof pin !== 'string' || pin.length === 0 || pin.length > MAX_PIN_LENGTH) {
      return { ok: false, reason: 'bad-input', message: 'Mã không hợp lệ / Invalid PIN' };
    }
    let match = false;
    try {
      match = await verify(pin, opts.pinHash);
    } catch (e) {
      opts.logger?.error('PIN verification failed', { error: String(e) });
    }
    if (match) {
      failures = 0;
      lockouts = 0;
      opts.logger?.info('admin PIN accepted: exit allowed');
      return { ok: true };
    }
    failures += 1;
    if (failures >= maxAttempts) {
      lockouts += 1;
      const ms = Math.min(maxLockoutMs, lockoutMs * 2 ** Math.min(lockouts - 1, 20));
      lockedUntil = opts.clock.now() + ms;
      opts.logger?.warn('admin PIN: too many wrong attempts, locked', { until: lockedUntil, lockouts });
      return lockedResult(lockedUntil);
    }
    opts.logger?.warn('admin PIN: wrong PIN', { failures });
    return { ok: false, reason: 'wrong-pin', message: 'Sai mã / Wrong PIN' };
  };

  return {
    attempt(pin) {
      const next = queue.then(() => run(pin));
      queue = next.catch(() => undefined);
      return next;
    },
    status() {
      const locked = lockedUntil !== null && opts.clock.now() < lockedUntil;
      return { remaining: locked ? 0 : maxAttempts - failures, lockedUntil: locked ? lockedUntil : null };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Escape keys.

export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'alt' | 'shift' | 'meta'>;

/** Keys with no modifier that must do nothing in a kiosk: full screen toggle, reload, DevTools, caret browsing. */
const BARE = new Set([
  'F5',
  'F7',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
]);
/** Ctrl+<letter> by physical key: close, quit, reload, new window/tab, open, print, save, find, view source, zoom. */
const CTRL = new Set([
  'KeyW', 'KeyQ', 'KeyR', 'KeyN', 'KeyT', 'KeyO', 'KeyP', 'KeyS', 'KeyF', 'KeyG', 'KeyH', 'KeyJ', 'KeyL', 'KeyU',
  'KeyD', 'KeyE', 'KeyK', 'Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0', 'F4', 'F5', 'Tab',
  'PageUp', 'PageDown',
]); // prettier-ignore
/** Ctrl+Shift+<letter>: DevTools (I, J, C), reopen tab, private window, hard reload. */
const CTRL_SHIFT = new Set(['KeyI', 'KeyJ', 'KeyC', 'KeyT', 'KeyN', 'KeyR', 'KeyW', 'KeyQ', 'Delete']);

/**
 * True for key combinations that could leave, reload, zoom or inspect the kiosk. Both the physical key (`code`,
 * layout-independent) and the produced `key` are checked, so a non-US layout cannot slip Ctrl+W past the filter.
 * Keys a citizen or a keyboard-wedge scanner types (letters, digits, Enter, Backspace, arrows) pass.
 */
export function isEscapeKey(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toUpperCase() : input.key;
  const code = input.code;
  if (BARE.has(code) || BARE.has(key)) return true;
  if (input.alt && (code === 'F4' || key === 'F4' || code === 'ArrowLeft' || code === 'ArrowRight'))
    return true;
  if (input.alt && (code === 'Home' || key === 'Home')) return true;
  if (input.meta) return true;
  const ctrl = input.control;
  if (!ctrl) return false;
  const byKey =
    key.length === 1 ? (/[A-Z]/.test(key) ? `Key${key}` : /[0-9]/.test(key) ? `Digit${key}` : key) : key;
  if (input.shift && (CTRL_SHIFT.has(code) || CTRL_SHIFT.has(byKey))) return true;
  if (CTRL.has(code) || CTRL.has(byKey)) return true;
  return key === '+' || key === '-' || key === '=';
}

/** Swallows escape keys before the page (and Chromium's own accelerators) see them. */
export function blockEscapeKeys(contents: Pick<WebContents, 'on'>, logger?: Logger): void {
  contents.on('before-input-event', (event, input) => {
    if (!isEscapeKey(input)) return;
    event.preventDefault();
    logger?.debug(
      () => `escape key blocked: ${input.control ? 'Ctrl+' : ''}${input.alt ? 'Alt+' : ''}${input.code}`,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Screen kept awake.

/** Keeps the display on for as long as the shell runs; `stop()` releases it. */
export function keepScreenAwake(blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>): {
  readonly id: number;
  isActive(): boolean;
  stop(): void;
} {
  const id = blocker.start('prevent-display-sleep');
  return {
    id,
    isActive: () => blocker.isStarted(id),
    stop: () => {
      if (blocker.isStarted(id)) blocker.stop(id);
    },
  };
}
