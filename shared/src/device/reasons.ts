/**
 * Why a device command did not happen: one union for every role's commands (kiosk and counter share it), so a
 * screen maps each reason to one message, and one rule for when a device may decide alone.
 */
import type { CommandReason } from '../domain/commands.js';
import { RequestError } from '../sync/device-sync.js';
import { StoreError } from '../store/db.js';
import type { Result } from './api.js';

/** The link to the hub, or the hub refusing to decide. */
export type TransportReason =
  /** Not connected to the broker: the request was never sent. */
  | 'offline'
  /** Sent, no answer before the deadline (the hub refuses it if it arrives later). */
  | 'no-answer'
  /** The device is stopping: a request in flight was abandoned, and nothing more is done. */
  | 'stopped'
  /** The hub has not stored this device's earlier events yet; it decided nothing. */
  | 'behind'
  /** The request reached the hub after its deadline; the hub decided nothing. */
  | 'expired'
  /** The hub refused: this device may not ask that (role, or another counter). */
  | 'forbidden'
  | 'invalid-request'
  | 'bad-response';

/** The device's own conditions. */
export type DeviceOnlyReason =
  /** A kiosk offline holds no leased numbers for the business day its clock shows. */
  | 'no-lease-for-day'
  /** Offline, "call next" in an area other counters serve too: only the hub may pick. */
  | 'needs-hub'
  /** Logging out with nobody logged in at this counter. */
  | 'not-logged-in'
  /** The ticket was issued, and the printer failed (`printer-<state>`); the number is voided or kept unprinted. */
  | `printer-${'paper-out' | 'cover-open' | 'offline' | 'no-answer' | 'disconnected' | 'not-printable'}`
  /** Counter panel log-in: the PIN does not match; or too many wrong PINs, locked for a while; or none set. */
  | 'wrong-pin'
  | 'pin-locked'
  | 'pin-not-set'
  /** Counter panel: a recall before the configured interval since the last call or recall. */
  | 'recall-too-soon'
  /** The kiosk has no printer configured. */
  | 'no-printer'
  /** SQLite refused the write (the command is not done). */
  | 'disk-full'
  | 'write-failed'
  /** Anything unexpected; the message says what. */
  | 'internal';

export type DeviceReason = TransportReason | CommandReason | DeviceOnlyReason;

/**
 * May the device decide alone after the hub did not? Only when the hub certainly did not and will not decide:
 * - `offline`: never sent;
 * - `no-answer`: the request carried a deadline (the hub's clock + the wait), so a copy delivered late is refused;
 * - `behind` / `expired`: the hub answered that it decided nothing.
 * Not `stopped`: a request in flight when the device stops may still reach the hub before its deadline and be
 * carried out there, so acting locally as well could do it twice; the device is stopping anyway. Kiosk, counter
 * and rating pad all use this one rule.
 */
export function mayActOffline(reason: string): boolean {
  return reason === 'offline' || reason === 'no-answer' || reason === 'behind' || reason === 'expired';
}

const KNOWN = new Set<string>([
  'offline',
  'no-answer',
  'stopped',
  'behind',
  'expired',
  'forbidden',
  'invalid-request',
  'bad-response',
  'no-lease-for-day',
  'needs-hub',
  'not-logged-in',
  'no-printer',
  'disk-full',
  'write-failed',
  'internal',
  'unknown-area',
  'unknown-counter',
  'unknown-ticket',
  'unknown-officer',
  'unknown-priority',
  'unknown-rating',
  'centre-closed',
  'outside-hours',
  'issuing-stopped',
  'quota-reached',
  'range-exhausted',
  'queue-empty',
  'counter-not-open',
  'counter-busy',
  'no-current-ticket',
  'wrong-status',
  'not-printed',
  'area-not-served',
  'already-rated',
  'comment-too-long',
]);

/** A reason string from elsewhere (the hub's answer, the store) as a DeviceReason; unknown ones are `internal`. */
export function asReason(reason: string): DeviceReason {
  if (KNOWN.has(reason) || reason.startsWith('printer-')) return reason as DeviceReason;
  return 'internal';
}

export function ok<T>(value: T): Result<T, DeviceReason> {
  return { ok: true, value };
}

export function fail<T>(reason: DeviceReason, message: string): Result<T, DeviceReason> {
  return { ok: false, reason, message };
}

/** A thrown error as a failed Result (request errors and store errors keep their reason). */
export function failure<T>(e: unknown): Result<T, DeviceReason> {
  if (e instanceof RequestError) {
    const r = asReason(e.reason);
    return fail(r, r === e.reason ? e.message : `${e.reason}: ${e.message}`);
  }
  if (e instanceof StoreError)
    return fail(e.reason === 'disk-full' ? 'disk-full' : 'write-failed', e.message);
  return fail('internal', e instanceof Error ? e.message : String(e));
}
