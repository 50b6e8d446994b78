import HID from 'node-hid';
import type { Clock, Logger } from '@motcua/shared';
import { decodeReport, type KeypadConfig } from './keymap.js';
import {
  KEYPAD_MESSAGES,
  type HidBackend,
  type HidHandle,
  type Keypad,
  type KeypadAction,
  type KeypadStatus,
} from './types.js';

export interface HidKeypadOptions {
  readonly config: KeypadConfig;
  readonly backend: HidBackend;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * A HID-data caller keypad: finds the configured vendor/product id, reads its reports, turns newly
 * pressed keys into actions through the key map, and when the keypad is unplugged (read error) polls
 * until it is plugged back in, then picks it up again. It never throws into the caller.
 */
export class HidKeypad implements Keypad {
  private readonly log: Logger;
  private readonly actionListeners = new Set<(a: KeypadAction) => void>();
  private readonly statusListeners = new Set<(s: KeypadStatus) => void>();
  private handle: HidHandle | undefined;
  private device: string | null = null;
  private state: KeypadStatus['state'] = 'missing';
  private since: number;
  private held = new Set<number>();
  private pollTimer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private readonly unknownLogged = new Set<number>();

  private constructor(private readonly o: HidKeypadOptions) {
    this.log = o.logger.child('keypad');
    this.since = o.clock.now();
  }

  /** Starts looking for the keypad; resolves after the first look (found or not). */
  static async start(o: HidKeypadOptions): Promise<HidKeypad> {
    const k = new HidKeypad(o);
    await k.scan();
    return k;
  }

  onAction(listener: (action: KeypadAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  onStatus(listener: (status: KeypadStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  status(): KeypadStatus {
    const m = KEYPAD_MESSAGES[this.state];
    return { state: this.state, device: this.device, message: m.vi, messageEn: m.en, since: this.since };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.setState('closed');
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    await this.scanning;
    await this.drop();
  }

  private scan(): Promise<void> {
    this.scanning = this.scanOnce().finally(() => {
      if (this.state === 'missing') this.schedulePoll();
    });
    return this.scanning;
  }

  private schedulePoll(): void {
    if (this.pollTimer !== undefined) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.scan();
    }, this.o.config.pollMs);
  }

  private async scanOnce(): Promise<void> {
    const { vendorId, productId } = this.o.config;
    let handle: HidHandle;
    let path: string;
    try {
      const found = (await this.o.backend.devices()).find(
        (d) => d.vendorId === vendorId && d.productId === productId && d.path !== undefined,
      );
      if (found?.path === undefined) return;
      path = found.path;
      handle = await this.o.backend.open(path);
    } catch (e) {
      // Seen while a keypad is being plugged in (permissions not applied yet): try again next poll.
      this.log.warn('cannot open the keypad', { error: String(e) });
      return;
    }
    if (this.state === 'closed') {
      await handle.close().catch(() => undefined);
      return;
    }
    this.handle = handle;
    this.device = path;
    this.held = new Set();
    handle.onData((data) => {
      if (this.handle === handle) this.receive(data);
    });
    handle.onError((error) => {
      if (this.handle !== handle) return;
      this.log.warn('keypad lost', { device: path, error: error.message });
      void this.drop().then(() => {
        if (this.state === 'closed') return;
        this.setState('missing');
        this.schedulePoll();
      });
    });
    this.log.info('keypad connected', { device: path });
    this.setState('connected');
  }

  private async drop(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    this.device = null;
    this.held = new Set();
    await h?.close().catch(() => undefined);
  }

  private receive(data: Uint8Array): void {
    const size = this.o.config.reportLength;
    // hidraw hands over one report per read; a replay may join several, so split whole multiples.
    const joined = data.length > size && data.length % size === 0;
    const reports = joined
      ? Array.from({ length: data.length / size }, (_, i) => data.subarray(i * size, (i + 1) * size))
      : [data];
    for (const report of reports) {
      const r = decodeReport(report, this.held, this.o.config);
      this.held = r.held;
      for (const u of r.unknown)
        if (!this.unknownLogged.has(u)) {
          // Logged once per code: a stuck or unmapped key must not flood the log.
          this.unknownLogged.add(u);
          this.log.warn('key not in the key map', { usage: `0x${u.toString(16).padStart(2, '0')}` });
        }
      for (const a of r.actions) for (const l of this.actionListeners) l(a);
    }
  }

  private setState(state: KeypadStatus['state']): void {
    if (state === this.state) return;
    this.state = state;
    this.since = this.o.clock.now();
    const s = this.status();
    for (const l of this.statusListeners) l(s);
  }
}

/** The production backend: node-hid's asynchronous API (hidraw on Linux; needs Debian libusb-1.0-0). */
export function nodeHidBackend(): HidBackend {
  return {
    devices: () => HID.devicesAsync(),
    open: async (path) => {
      const device = await HID.HIDAsync.open(path);
      return {
        onData: (listener) => device.on('data', (b: Buffer) => listener(new Uint8Array(b))),
        onError: (listener) =>
          device.on('error', (e: unknown) => listener(e instanceof Error ? e : new Error(String(e)))),
        close: () => device.close(),
      };
    },
  };
}
