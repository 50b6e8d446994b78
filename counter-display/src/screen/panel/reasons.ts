/** A refused command's reason → the panel's words (one place, so every action says the same thing). */
import type { PanelKey } from './messages.js';

export function failureKey(reason: string): PanelKey | null {
  switch (reason) {
    case 'recall-too-soon':
      return 'failedRecallSoon';
    case 'queue-empty':
      return 'failedEmpty';
    case 'needs-hub':
      return 'failedNeedsHub';
    case 'counter-not-open':
      return 'failedNotOpen';
    case 'no-current-ticket':
      return 'failedNoTicket';
    case 'unknown-ticket':
      return 'failedUnknownTicket';
    case 'area-not-served':
      return 'failedNotServed';
    case 'offline-screen':
    case 'timeout':
      return 'failedScreen';
    case 'wrong-pin':
      return 'wrongPin';
    case 'pin-locked':
      return 'pinLocked';
    case 'pin-not-set':
      return 'pinNotSet';
    default:
      return null;
  }
}

/** The keyboard shortcuts, shown on screen in this order. */
export const SHORTCUTS = [
  ['F2', 'next'],
  ['F3', 'recall'],
  ['F4', 'start'],
  ['F5', 'finish'],
  ['F6', 'noShow'],
  ['F7', 'transfer'],
  ['F8', 'hold'],
  ['F9', 'callNumber'],
] as const satisfies readonly (readonly [string, PanelKey])[];

export type ShortcutAction = (typeof SHORTCUTS)[number][1];

/**
 * Counts down from a number of seconds received with a view (re-rendering each second). `now` is the page's
 * ticking clock, which can be up to one tick older than `receivedAt`: that must not count as time to wait, or
 * nothing-to-wait (0) read as "1 s left" and locked the PIN form of an officer who was not locked.
 */
export function secondsLeft(receivedAt: number, seconds: number, now: number): number {
  const elapsed = Math.max(0, now - receivedAt);
  return Math.max(0, Math.ceil((seconds * 1000 - elapsed) / 1000));
}
