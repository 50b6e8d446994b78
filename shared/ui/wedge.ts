/**
 * Keyboard-wedge scanners type their code as very fast keystrokes ending in Enter. This detector tells
 * such a burst from a person typing, from key events alone. Pure (no node: imports, no DOM): the screen
 * feeds it `KeyboardEvent.key` and `event.timeStamp`.
 *
 * A burst is a scan when it has at least `minLength` characters, every gap between keys is at most
 * `maxGapMs`, and it ends with Enter within `maxGapMs` of the last character. People type at 100–300 ms
 * per key; scanners send a key every 1–20 ms.
 */
export interface WedgeOptions {
  /** Largest gap between keys of one scan (default 50 ms). */
  readonly maxGapMs?: number;
  /** Fewest characters in a scan (default 4): shorter bursts are left to the screen. */
  readonly minLength?: number;
  /** Most characters in a scan (default 512): longer bursts are dropped. */
  readonly maxLength?: number;
}

export type WedgeOutcome =
  /** Enter closed a fast burst: the scanned text (the screen should swallow these keys). */
  | { readonly kind: 'scan'; readonly text: string }
  /** Part of a burst that may become a scan. */
  | { readonly kind: 'pending' }
  /** Ordinary typing (or a key that never belongs to a scan). */
  | { readonly kind: 'typing' };

export class WedgeDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly maxLength: number;
  private buffer = '';
  private last = Number.NEGATIVE_INFINITY;

  constructor(o: WedgeOptions = {}) {
    this.maxGapMs = o.maxGapMs ?? 50;
    this.minLength = o.minLength ?? 4;
    this.maxLength = o.maxLength ?? 512;
  }

  /** Feeds one key (`KeyboardEvent.key`) pressed at `timestamp` (ms, any monotonic origin). */
  feed(key: string, timestamp: number): WedgeOutcome {
    const fast = timestamp - this.last <= this.maxGapMs && timestamp >= this.last;
    this.last = timestamp;
    if (key === 'Enter') {
      const text = this.buffer;
      this.buffer = '';
      return fast && text.length >= this.minLength ? { kind: 'scan', text } : { kind: 'typing' };
    }
    // Shift, Control, Dead and other named keys: scanners send Shift for capitals; it is not text.
    if (!/^.$/u.test(key)) return this.buffer.length > 0 ? { kind: 'pending' } : { kind: 'typing' };
    if (!fast) this.buffer = '';
    this.buffer += key;
    if (this.buffer.length > this.maxLength) {
      this.buffer = '';
      return { kind: 'typing' };
    }
    return { kind: 'pending' };
  }

  reset(): void {
    this.buffer = '';
    this.last = Number.NEGATIVE_INFINITY;
  }
}
