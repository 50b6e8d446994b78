import { SerialPort } from 'serialport';
import type { Logger } from '@motcua/shared';
import { ScannerBase, type ScannerBaseOptions } from './base.js';

export interface SerialScannerOptions extends ScannerBaseOptions {
  /** e.g. /dev/ttyACM0 (USB-serial/CDC scanners) or /dev/ttyS0; ptys are never listed: pass paths. */
  readonly path: string;
  /** Default 9600 (8N1), the factory setting of most serial scanners. */
  readonly baudRate?: number;
  readonly logger: Logger;
  /** Reopen attempts while the port is missing: first after `retryInitialMs` (default 250), doubling to `retryMaxMs` (default 5000). */
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /** Longest line kept (default 512 bytes); longer input is noise and is dropped. */
  readonly maxLineBytes?: number;
}

/**
 * A serial scanner sends each code as one line ending in CR, LF or CR LF (configurable on the scanner,
 * so all three are accepted). The port is reopened with a bounded backoff when it disappears (USB
 * cable pulled) and the scanner is picked up again when it returns.
 */
export class SerialScanner extends ScannerBase {
  readonly description: string;
  private readonly log: Logger;
  private port: SerialPort | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private dropping = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private closed = false;
  private warnedMissing = false;

  private constructor(private readonly o: SerialScannerOptions) {
    super(o, 'missing');
    this.description = `serial:${o.path}`;
    this.log = o.logger.child('scanner');
    this.retryDelay = o.retryInitialMs ?? 250;
  }

  /** Opens the port; a missing port is not an error: the scanner reports `missing` and keeps trying. */
  static async open(o: SerialScannerOptions): Promise<SerialScanner> {
    const s = new SerialScanner(o);
    await s.connect();
    return s;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const port = new SerialPort({ path: this.o.path, baudRate: this.o.baudRate ?? 9600, autoOpen: false });
    const error = await new Promise<Error | null>((resolve) => {
      port.open(resolve);
    });
    if (error !== null) {
      // Logged once per absence, not on every retry.
      if (!this.warnedMissing)
        this.log.warn('scanner port missing', { port: this.o.path, error: error.message });
      this.warnedMissing = true;
      this.scheduleRetry();
      return;
    }
    if (this.isClosed()) {
      port.close();
      return;
    }
    this.warnedMissing = false;
    this.port = port;
    this.pending = Buffer.alloc(0);
    this.dropping = false;
    this.retryDelay = this.o.retryInitialMs ?? 250;
    port.on('data', (chunk: Buffer) => {
      this.receive(chunk);
    });
    port.on('error', (e: Error) => {
      this.log.warn('scanner port error', { port: this.o.path, error: e.message });
    });
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = undefined;
      if (this.closed) return;
      this.log.warn('scanner port lost', { port: this.o.path });
      this.warnedMissing = true;
      this.setState('missing');
      this.scheduleRetry();
    });
    this.log.info('scanner ready', { port: this.o.path });
    this.setState('ready');
  }

  private receive(chunk: Buffer): void {
    const max = this.o.maxLineBytes ?? 512;
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const end = this.pending.findIndex((b) => b === 0x0d || b === 0x0a);
      if (end < 0) break;
      const line = this.pending.subarray(0, end);
      this.pending = this.pending.subarray(end + 1);
      if (this.dropping) {
        this.dropping = false;
        continue;
      }
      if (line.length > max) {
        this.log.warn('scanner line too long, dropped', { port: this.o.path, bytes: line.length });
        continue;
      }
      // CR LF gives an empty line between the two: nothing was scanned there.
      if (line.length > 0) this.emit(line.toString('utf8'));
    }
    if (this.pending.length > max) {
      // Logged once per over-long line; its remainder is dropped up to the next line end.
      this.log.warn('scanner line too long, dropped', { port: this.o.path, bytes: this.pending.length });
      this.pending = Buffer.alloc(0);
      this.dropping = true;
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, this.o.retryMaxMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  /** A method, not the field: `close()` may run while `connect()` awaits the port. */
  private isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen === true)
      await new Promise<void>((resolve) => {
        port.close(() => {
          resolve();
        });
      });
    this.setState('closed');
  }
}
