/**
 * Broker credentials of a centre, one format for both brokers: Mosquitto's password file (`user:$7$…`, PBKDF2
 * with HMAC-SHA512, base64 salt and hash, the format `mosquitto_passwd` writes) hashed here with node:crypto, so
 * the embedded broker needs no Mosquitto tools and a Mosquitto can read what the embedded broker reads.
 *
 * `credentials.json` holds the plain passwords for installing on the devices; it and the password file are
 * written 0600 in a 0700 folder.
 */
import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './acl.js';
import { isDeviceId } from './topics.js';

/** PBKDF2 rounds. The passwords are 144 random bits, so the rounds guard nothing a guess could reach. */
const ITERATIONS = 1000;

/** A Mosquitto `$7$` hash of `password`. */
export function hashPassword(password: string, iterations = ITERATIONS): string {
  const salt = randomBytes(12);
  const hash = pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `password` matches a `$7$` hash (any other format: false). Constant time in the hash compare. */
export function verifyPassword(password: string, encoded: string): boolean {
  const m = /^\$7\$(\d{1,7})\$([A-Za-z0-9+/=]{4,64})\$([A-Za-z0-9+/=]{86,88})$/.exec(encoded);
  if (!m) return false;
  const iterations = Number(m[1]);
  if (iterations < 1 || iterations > 1_000_000) return false;
  const want = Buffer.from(m[3]!, 'base64');
  if (want.length !== 64) return false;
  const got = pbkdf2Sync(password, Buffer.from(m[2]!, 'base64'), iterations, 64, 'sha512');
  return timingSafeEqual(got, want);
}

/** The users of a Mosquitto password file (lines `user:hash`; blank lines and `#` comments skipped). */
export function parsePasswordFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const i = l.indexOf(':');
    if (i > 0) out.set(l.slice(0, i), l.slice(i + 1));
  }
  return out;
}

export function buildHashedPasswordFile(creds: Readonly<Record<string, string>>): string {
  return Object.entries(creds)
    .map(([u, p]) => `${u}:${hashPassword(p)}\n`)
    .join('');
}

export interface ProvisionedCredentials {
  readonly dir: string;
  /** Plain passwords by user (for the devices; never logged). */
  readonly passwords: Readonly<Record<string, string>>;
  /** Users whose password was made by this call. */
  readonly created: readonly string[];
}

/**
 * Makes sure every user has a password in `dir` (credentials.json + passwd): existing ones are kept, missing
 * ones generated. The folder is made 0700 and the files 0600 (also when they already existed).
 */
export async function provisionCredentials(
  dir: string,
  users: readonly string[],
): Promise<ProvisionedCredentials> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const credFile = join(dir, 'credentials.json');
  const existing: Record<string, string> = existsSync(credFile)
    ? (JSON.parse(readFileSync(credFile, 'utf8')) as Record<string, string>)
    : {};
  const created: string[] = [];
  for (const u of users) {
    if (!isDeviceId(u)) throw new Error(`invalid broker user ${JSON.stringify(u)}`);
    if (typeof existing[u] !== 'string' || existing[u] === '') {
      existing[u] = randomBytes(18).toString('base64url');
      created.push(u);
    }
  }
  const passwd = join(dir, 'passwd');
  if (created.length > 0 || !existsSync(passwd)) {
    await writeFileAtomic(credFile, `${JSON.stringify(existing, null, 2)}\n`, 0o600);
    await writeFileAtomic(passwd, buildHashedPasswordFile(existing), 0o600);
  }
  chmodSync(credFile, 0o600);
  chmodSync(passwd, 0o600);
  return { dir, passwords: existing, created };
}
