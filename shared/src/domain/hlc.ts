/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014).
 *
 * A timestamp is (wall milliseconds, logical counter, node id). It never goes backwards on one node, even when
 * the wall clock does, and after receiving a remote stamp the local clock is ahead of it. Stamps are encoded
 * as fixed-width strings so that plain string comparison is the total order used to fold events.
 *
 * Pure: the wall time is passed in by the caller.
 */

export interface Hlc {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export class HlcError extends Error {
  constructor(
    readonly reason: 'invalid-hlc' | 'counter-overflow' | 'clock-drift',
    message: string,
  ) {
    super(message);
    this.name = 'HlcError';
  }
}

export function encodeHlc(h: Hlc): string {
  return `${h.ms.toString().padStart(MS_WIDTH, '0')}-${h.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

const HLC_RE = /^(\d{15})-([0-9a-z]{6})-([a-z0-9-]{1,40})$/;

/** Parses an encoded stamp; returns null when it is not one. */
export function decodeHlc(s: string): Hlc | null {
  const m = HLC_RE.exec(s);
  if (!m) return null;
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 36), node: m[3]! };
}

/** The next local stamp after `last`, given the wall clock reading `now`. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.ms) return { ms: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) throw new HlcError('counter-overflow', 'HLC counter overflow');
  return { ms: last.ms, counter: last.counter + 1, node: last.node };
}

/**
 * Merge a remote stamp into the local clock (on receive). `maxDriftMs` bounds how far ahead of our wall clock
 * a remote stamp may pull us, so one device with a clock set to next year cannot drag the whole centre along.
 */
export function receive(local: Hlc, remote: Hlc, now: number, maxDriftMs = 60_000): Hlc {
  if (remote.ms - now > maxDriftMs) {
    throw new HlcError(
      'clock-drift',
      `remote clock ${remote.node} is ${remote.ms - now} ms ahead of ours (limit ${maxDriftMs} ms)`,
    );
  }
  const ms = Math.max(local.ms, remote.ms, now);
  let counter: number;
  if (ms === local.ms && ms === remote.ms) counter = Math.max(local.counter, remote.counter) + 1;
  else if (ms === local.ms) counter = local.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new HlcError('counter-overflow', 'HLC counter overflow');
  return { ms, counter, node: local.node };
}

export function initialHlc(node: string): Hlc {
  return { ms: 0, counter: 0, node };
}
