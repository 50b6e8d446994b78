import type { Clock, Logger } from '@motcua/shared';
import {
  LED_MESSAGES,
  LedLinkError,
  type LedDisplay,
  type LedFailure,
  type LedLink,
  type LedResult,
  type LedStatus,
} from './types.js';

export interface LedDriverOptions {
  readonly link: LedLink;
  readonly logger: Logger;
  readonly clock: Clock;
  /**
   * Digits on the module (default 4). Numbers that do not fit are refused (`out-of-range`), never clipped:
   * a clipped 1025 shown as 025 or 9999 would send a citizen to the wrong counter. Values above 65535 never
   * fit a Modbus register, so at most 4 digits are usable through FC 6.
   */
  readonly digits?: number;
  /** Register value sent for "blank" (null). Default 0: most modules have no blank command. */
  readonly blankValue?: number;
  /** First retry delay after a failure (default 250 ms); doubles up to `retryMaxMs` (default 5000 ms). */
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
}

/**
 * The behaviour every display shares, whatever its protocol: remember the number the counter wants,
 * send it, and when the port or the display is gone keep re-sending it with a bounded backoff, so that a
 * display unplugged and plugged back shows the current number without the counter doing anything.
 */
export class LedDriver implements LedDisplay {
  readonly description: string;
  private readonly log: Logger;
  private readonly digits: number;
  private readonly blankValue: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private wanted: number | null | undefined;
  private confirmed: number | null | undefined;
  private state: LedStatus['state'] = 'unknown';
  private since: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  /** One exchange at a time on the line: RS-485 is half duplex and Modbus has one request in flight. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly listeners = new Set<(s: LedStatus) => void>();

  constructor(private readonly o: LedDriverOptions) {
    this.description = o.link.description;
    this.log = o.logger.child('led');
    this.digits = o.digits ?? 4;
    this.blankValue = o.blankValue ?? 0;
    this.retryInitialMs = o.retryInitialMs ?? 250;
    this.retryMaxMs = o.retryMaxMs ?? 5000;
    this.retryDelay = this.retryInitialMs;
    this.since = o.clock.now();
    o.link.onLost(() => {
      if (this.closed) return;
      this.log.warn('display port lost', { port: this.description });
      this.setState('port-missing');
      this.scheduleRetry();
    });
  }

  /** The largest number the display can show. */
  get maxNumber(): number {
    return Math.min(10 ** this.digits - 1, 0xffff);
  }

  show(number: number | null): Promise<LedResult> {
    if (this.closed) return Promise.resolve(failure('closed', false));
    if (number !== null && (!Number.isInteger(number) || number < 0 || number > this.maxNumber)) {
      this.log.warn('number does not fit the display', { number, digits: this.digits });
      const m = LED_MESSAGES['out-of-range'];
      return Promise.resolve({
        ok: false,
        reason: 'out-of-range',
        message: `${m.vi}: ${String(number)} (tối đa ${this.maxNumber})`,
        messageEn: `${m.en}: ${String(number)} (at most ${this.maxNumber})`,
        willRetry: false,
      });
    }
    this.wanted = number;
    this.cancelRetry();
    this.retryDelay = this.retryInitialMs;
    return this.enqueue();
  }

  status(): LedStatus {
    const m = LED_MESSAGES[this.state];
    return {
      state: this.state,
      wanted: this.wanted,
      shown: this.confirmed,
      message: m.vi,
      messageEn: m.en,
      since: this.since,
    };
  }

  onStatus(listener: (status: LedStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelRetry();
    await this.queue;
    await this.o.link.close().catch((e: unknown) => {
      this.log.warn('closing the display port failed', { error: String(e) });
    });
    this.setState('closed');
  }

  private enqueue(): Promise<LedResult> {
    const run = this.queue.then(() => this.drive());
    this.queue = run;
    return run;
  }

  /** Sends the number wanted now (a newer `show` supersedes an older one still waiting in the queue). */
  private async drive(): Promise<LedResult> {
    if (this.closed) return failure('closed', false);
    const wanted = this.wanted;
    try {
      if (!this.o.link.isOpen()) {
        await this.o.link.open();
        this.log.info('display port open', { port: this.description });
      }
      if (wanted === undefined) {
        // Port back before the counter asked for any number: nothing to re-send.
        this.retryDelay = this.retryInitialMs;
        this.setState('unknown');
        return { ok: true, shown: null };
      }
      await this.o.link.writeValue(wanted ?? this.blankValue);
    } catch (e) {
      const reason = e instanceof LedLinkError ? e.reason : 'bad-answer';
      // Logged on change only: a display that stays off must not fill the log every retry.
      if (this.state !== reason)
        this.log.warn('display failed', { port: this.description, reason, error: String(e) });
      this.setState(reason);
      this.scheduleRetry();
      return failure(reason, true);
    }
    if (this.state !== 'ok' && this.state !== 'unknown')
      this.log.info('display back', { port: this.description, shown: wanted });
    this.confirmed = wanted;
    this.retryDelay = this.retryInitialMs;
    this.setState('ok');
    return { ok: true, shown: wanted };
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.retryMaxMs);
    this.log.debug(() => `display retry in ${delay} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.enqueue();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setState(state: LedStatus['state']): void {
    if (state === this.state) return;
    this.state = state;
    this.since = this.o.clock.now();
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}

function failure(reason: LedFailure, willRetry: boolean): LedResult {
  const m = LED_MESSAGES[reason];
  return { ok: false, reason, message: m.vi, messageEn: m.en, willRetry };
}
