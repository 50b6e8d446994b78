/**
 * Log-in sessions and the log-in rate limit. Sessions live in memory only: a hub restart logs everyone out,
 * which is the safe side for a screen that can change the centre's configuration.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '@motcua/shared';

export type Role = 'supervisor' | 'admin';

export interface Session {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  create(user: { username: string; name: string; role: Role }): Session {
    this.sweep();
    // 256 random bits: a session id is a bearer secret.
    const s: Session = { id: randomBytes(32).toString('base64url'), ...user, expiresAt: 0 };
    s.expiresAt = this.clock.now() + this.ttlMs;
    this.sessions.set(s.id, s);
    return s;
  }

  /** The live session for `id`, its expiry pushed back (sliding); undefined when unknown or expired. */
  touch(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const s = this.sessions.get(id);
    if (s === undefined) return undefined;
    const now = this.clock.now();
    if (s.expiresAt <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    s.expiresAt = now + this.ttlMs;
    return s;
  }

  /** Still valid, without extending it (the live stream checks this; watching is not activity). */
  valid(id: string): boolean {
    const s = this.sessions.get(id);
    return s !== undefined && s.expiresAt > this.clock.now();
  }

  end(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}

/**
 * Failed log-ins counted per key (a username, a client address) in a sliding window. Once a key has
 * `maxFailures` in the window, attempts under it are refused until the oldest failure leaves the window. The
 * username count stops guessing one account from many addresses; the address count stops one machine trying
 * many accounts. A success clears the username's failures only (an attacker's address stays counted).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** 0 when an attempt is allowed under every key, else the ms until it is. */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.clock.now();
    let wait = 0;
    for (const k of keys) {
      const list = this.recent(k, now);
      if (list.length >= this.maxFailures) wait = Math.max(wait, list[0]! + this.windowMs - now);
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    const now = this.clock.now();
    for (const k of keys) {
      const list = this.recent(k, now);
      list.push(now);
      this.failures.set(k, list.slice(-this.maxFailures));
    }
    // Bound memory against a flood of made-up usernames: forget the oldest keys.
    if (this.failures.size > 10_000) {
      for (const k of [...this.failures.keys()].slice(0, 1_000)) this.failures.delete(k);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
