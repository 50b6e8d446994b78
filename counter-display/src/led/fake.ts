import type { Clock, Logger } from '@motcua/shared';
import { LedDriver } from './driver.js';
import { LedLinkError, type LedLink } from './types.js';

/**
 * An in-memory number display for the demo and tests: what it shows, and how it misbehaves.
 * Only the link is fake; the driver behaviour (retries, re-drive, results) is the real `LedDriver`.
 */
export class FakeLedPanel {
  /** What the display shows now (register value); undefined until first written. */
  value: number | undefined;
  /** How it answers: `ok` (echo), `exception`, `garbage`, `silent`. */
  answer: 'ok' | 'exception' | 'garbage' | 'silent' = 'ok';
  /** Port present (false: the USB-RS485 adapter is unplugged). */
  present = true;
  writes = 0;
}

export class FakeLedLink implements LedLink {
  readonly description = 'fake-led';
  private open_ = false;
  private lost: (() => void) | undefined;
  constructor(
    readonly panel: FakeLedPanel,
    private readonly answerTimeoutMs = 50,
  ) {}

  open(): Promise<void> {
    if (!this.panel.present) return Promise.reject(new LedLinkError('port-missing', 'No such port'));
    this.open_ = true;
    return Promise.resolve();
  }

  isOpen(): boolean {
    return this.open_;
  }

  async writeValue(value: number): Promise<void> {
    if (!this.open_ || !this.panel.present) throw new LedLinkError('port-missing', 'Port not open');
    this.panel.writes++;
    switch (this.panel.answer) {
      case 'ok':
        this.panel.value = value;
        return;
      case 'silent':
        await new Promise((r) => setTimeout(r, this.answerTimeoutMs));
        throw new LedLinkError('no-answer', 'Timed out');
      case 'exception':
        throw new LedLinkError('bad-answer', 'Modbus exception 2');
      case 'garbage':
        throw new LedLinkError('bad-answer', 'CRC error');
    }
  }

  onLost(listener: () => void): void {
    this.lost = listener;
  }

  /** Simulates pulling the adapter: the port closes under the driver. */
  unplug(): void {
    this.panel.present = false;
    if (this.open_) {
      this.open_ = false;
      this.lost?.();
    }
  }

  close(): Promise<void> {
    this.open_ = false;
    return Promise.resolve();
  }
}

export function createFakeLedDisplay(o: {
  panel?: FakeLedPanel;
  logger: Logger;
  clock: Clock;
  digits?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
}): { display: LedDriver; link: FakeLedLink; panel: FakeLedPanel } {
  const panel = o.panel ?? new FakeLedPanel();
  const link = new FakeLedLink(panel);
  const display = new LedDriver({
    link,
    logger: o.logger,
    clock: o.clock,
    ...(o.digits === undefined ? {} : { digits: o.digits }),
    ...(o.retryInitialMs === undefined ? {} : { retryInitialMs: o.retryInitialMs }),
    ...(o.retryMaxMs === undefined ? {} : { retryMaxMs: o.retryMaxMs }),
  });
  return { display, link, panel };
}
