/**
 * Dashboard passwords: scrypt, in the admin PIN's format (`scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, see
 * shared/src/electron/kiosk.ts), so one parser checks both and the cost can be raised later. A password is
 * typed on a PC keyboard and guarded by the log-in rate limit; the cost (2^15 × 8, 32 MB, ~0.1 s) keeps a leaked
 * config from being a password list.
 */
import { readLineFromStdin } from '@motcua/shared/runtime/stdin';
import { hashPin, verifyPin } from '@motcua/shared/electron/kiosk';

export const MIN_PASSWORD_LENGTH = 10;
/** Longest password hashed: input from the network is hostile, scrypt on megabytes is a stall. */
export const MAX_PASSWORD_LENGTH = 64;
const DEFAULT_COST = { log2N: 15, r: 8, p: 1 } as const;

export function hashPassword(
  password: string,
  cost: { log2N: number; r: number; p: number } = DEFAULT_COST,
): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw new Error(`a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  return hashPin(password, cost);
}

/** Constant-time; a malformed hash or an over-long password never matches. */
export function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return Promise.resolve(false);
  return verifyPin(password, encoded);
}

/**
 * A hash no password matches, verified when the username is unknown, so a wrong username takes as long as a
 * wrong password (the answer must not tell which part was wrong, nor must its timing).
 */
export const DUMMY_HASH = `scrypt$15$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

/**
 * `motcua dashboard-password-hash < password.txt`: prints the hash for a `dashboard.accounts[].passwordHash`.
 * The password is read from standard input, never from the command line (shell history and `ps` keep those).
 */
export async function dashboardPasswordHashCommand(
  argv: string[],
  io: CliIo,
  readPassword: () => Promise<string> = readLineFromStdin,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(
      `usage: motcua dashboard-password-hash < password.txt   (reads the password, ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters, from standard input)\n`,
    );
    return 0;
  }
  if (argv.length > 0) {
    io.err(
      'dashboard-password-hash: bad-args: the password is read from standard input, not from arguments\n',
    );
    return 2;
  }
  // Only the line ending is removed: spaces inside or around a password are part of it.
  const password = (await readPassword()).replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    io.err(
      `dashboard-password-hash: bad-password: a password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters\n`,
    );
    return 2;
  }
  io.out(`${await hashPassword(password)}\n`);
  return 0;
}
