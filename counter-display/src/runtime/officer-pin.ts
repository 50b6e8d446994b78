/**
 * Officer PINs at the counter panel: the hash format is the admin PIN's (`scrypt$…`, shared/src/electron/kiosk.ts),
 * checked on the device itself (the configuration is local, so logging in works with the hub down), with a
 * lockout after repeated wrong PINs. The lockout is per officer on this panel and lives in memory: restarting the
 * runtime clears it, which needs access to the machine anyway.
 */
import { readLineFromStdin } from '@motcua/shared/runtime/stdin';
import type { CentreConfig, Clock } from '@motcua/shared';
import { hashPin, verifyPin } from '@motcua/shared/electron/kiosk';

/** Digits only: the PIN is typed on the panel's numeric pad (or the keyboard's digits). */
export const OFFICER_PIN_FORMAT = /^\d{4,12}$/;

export type PinCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'wrong-pin';
      readonly attemptsLeft: number;
      readonly message: string;
    }
  | { readonly ok: false; readonly reason: 'pin-locked'; readonly retryInS: number; readonly message: string }
  | { readonly ok: false; readonly reason: 'pin-not-set' | 'unknown-officer'; readonly message: string };

export interface PinGate {
  /** Checks an officer's PIN (or that none is needed); counts failures and locks. */
  check(officerId: string, pin: string | undefined): Promise<PinCheck>;
  /** Whether this officer must type a PIN at this panel. */
  needsPin(officerId: string): boolean;
  /** Seconds the officer stays locked out (0: not locked). */
  lockedForS(officerId: string): number;
  /** Wrong PINs still allowed before the lock. */
  attemptsLeft(officerId: string): number;
}

interface Tries {
  failures: number;
  lockedUntil: number;
}

export function createPinGate(config: CentreConfig, clock: Clock): PinGate {
  const { pinMaxAttempts, pinLockoutS, requirePin } = config.counterPanel;
  const tries = new Map<string, Tries>();
  const officer = (id: string) => config.officers.find((o) => o.id === id);
  // One check at a time: parallel guesses must not each see the same failure count.
  let queue: Promise<unknown> = Promise.resolve();

  const lockedForS = (id: string): number => {
    const t = tries.get(id);
    if (t === undefined) return 0;
    return Math.max(0, Math.ceil((t.lockedUntil - clock.now()) / 1000));
  };

  const checkNow = async (officerId: string, pin: string | undefined): Promise<PinCheck> => {
    const o = officer(officerId);
    if (o === undefined)
      return { ok: false, reason: 'unknown-officer', message: `unknown officer ${officerId}` };
    if (o.pinHash === undefined) {
      if (!requirePin) return { ok: true };
      return {
        ok: false,
        reason: 'pin-not-set',
        message: `officer ${officerId} has no PIN in the configuration`,
      };
    }
    const locked = lockedForS(officerId);
    if (locked > 0)
      return {
        ok: false,
        reason: 'pin-locked',
        retryInS: locked,
        message: `too many wrong PINs: try again in ${locked} s`,
      };
    const t = tries.get(officerId) ?? { failures: 0, lockedUntil: 0 };
    tries.set(officerId, t);
    if (t.lockedUntil !== 0) {
      // The lock has run out: a fresh set of attempts.
      t.failures = 0;
      t.lockedUntil = 0;
    }
    const good = pin !== undefined && OFFICER_PIN_FORMAT.test(pin) && (await verifyPin(pin, o.pinHash));
    if (good) {
      tries.delete(officerId);
      return { ok: true };
    }
    t.failures++;
    if (t.failures >= pinMaxAttempts) {
      t.lockedUntil = clock.now() + pinLockoutS * 1000;
      return {
        ok: false,
        reason: 'pin-locked',
        retryInS: pinLockoutS,
        message: `too many wrong PINs: try again in ${pinLockoutS} s`,
      };
    }
    const left = pinMaxAttempts - t.failures;
    return {
      ok: false,
      reason: 'wrong-pin',
      attemptsLeft: left,
      message: `wrong PIN (${left} attempts left)`,
    };
  };

  return {
    check(officerId, pin) {
      const r = queue.then(() => checkNow(officerId, pin));
      queue = r.catch(() => undefined);
      return r;
    },
    needsPin: (id) => officer(id)?.pinHash !== undefined || requirePin,
    lockedForS,
    attemptsLeft: (id) => {
      const t = tries.get(id);
      if (t === undefined) return pinMaxAttempts;
      if (lockedForS(id) > 0) return 0;
      // A lock that has run out gives a fresh set of attempts at the next check.
      return t.lockedUntil !== 0 ? pinMaxAttempts : pinMaxAttempts - t.failures;
    },
  };
}

/** Hashes an officer PIN (4–12 digits) in the admin PIN's format. */
export function hashOfficerPin(pin: string, cost?: { log2N: number; r: number; p: number }): Promise<string> {
  if (!OFFICER_PIN_FORMAT.test(pin)) throw new Error('an officer PIN has 4 to 12 digits');
  return cost === undefined ? hashPin(pin) : hashPin(pin, cost);
}

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

/**
 * `motcua officer-pin-hash`: prints the hash of an officer's PIN for `officers[].pinHash` in the centre's
 * configuration. The PIN is read from standard input, never from the command line (shell history, `ps`).
 */
export async function officerPinHashCommand(
  argv: string[],
  io: CliIo,
  readPin: () => Promise<string> = readLineFromStdin,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(
      'usage: motcua officer-pin-hash < pin.txt   (reads the PIN, 4–12 digits, from standard input;\n' +
        '       prints the value for officers[].pinHash in the centre configuration)\n',
    );
    return 0;
  }
  if (argv.length > 0) {
    io.err('officer-pin-hash: bad-args: the PIN is read from standard input, not from arguments\n');
    return 2;
  }
  const pin = (await readPin()).trim();
  if (!OFFICER_PIN_FORMAT.test(pin)) {
    io.err('officer-pin-hash: bad-pin: an officer PIN must be 4 to 12 digits\n');
    return 2;
  }
  io.out(`${await hashOfficerPin(pin)}\n`);
  return 0;
}
