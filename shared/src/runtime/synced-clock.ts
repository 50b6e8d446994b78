/**
 * A clock that follows the hub's, so a device whose own clock is wrong (a dead RTC battery, a bad NTP setting)
 * never stamps events or takes its business day from it. Between answers it advances with the monotonic clock,
 * which a wall-clock jump cannot move. Before any answer it uses the wall clock plus the last offset seen
 * (persisted by the caller), which is right as long as the wall clock has not jumped since.
 */
import type { Clock } from './clock.js';

export class SyncedClock implements Clock {
  private anchor: { hub: number; mono: number } | null = null;

  constructor(
    private readonly wall: Clock,
    /** Last known (hub − wall) offset, for a start without the hub. */
    private offsetMs = 0,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  now(): number {
    if (this.anchor) return Math.round(this.anchor.hub + (this.monotonic() - this.anchor.mono));
    return this.wall.now() + this.offsetMs;
  }

  /** True once the hub's time has been seen in this process. */
  get synced(): boolean {
    return this.anchor !== null;
  }

  /** The hub's reading; returns the (hub − wall) offset to persist. */
  update(hubTime: number): number {
    this.anchor = { hub: hubTime, mono: this.monotonic() };
    this.offsetMs = hubTime - this.wall.now();
    return this.offsetMs;
  }
}
