import { BufferedTransport, TransportError } from './types.js';

/**
 * A fake ESC/POS printer: keeps what it was sent, answers DLE EOT n with the status bytes it was given,
 * and can "disappear" after a number of bytes (unplugged, power cut). It skips the data of GS v 0 and
 * GS ( k so that image bytes that happen to read 10 04 n are not taken for status requests.
 * The same model sits behind the in-memory transport, the TCP server and the pty of the tests.
 */
export interface FakeStatus {
  /** DLE EOT 1 reply. 0x12 = online. */
  printer: number;
  /** DLE EOT 2 reply. 0x12 = no cause. */
  offlineCause: number;
  /** DLE EOT 4 reply. 0x12 = paper present. */
  paper: number;
}

export const FAKE_STATUS = {
  ready: { printer: 0x12, offlineCause: 0x12, paper: 0x12 },
  paperNearEnd: { printer: 0x12, offlineCause: 0x12, paper: 0x1e },
  paperOut: { printer: 0x1a, offlineCause: 0x32, paper: 0x72 },
  coverOpen: { printer: 0x1a, offlineCause: 0x16, paper: 0x12 },
  error: { printer: 0x1a, offlineCause: 0x52, paper: 0x12 },
} as const satisfies Record<string, FakeStatus>;

export interface FakePrinterOptions {
  status?: FakeStatus | undefined;
  /** Stop answering status requests (a printer that is on but hung). */
  silent?: boolean | undefined;
  /** After this many bytes of print data the printer vanishes. */
  vanishAfterBytes?: number | undefined;
}

export class FakePrinter {
  status: FakeStatus;
  silent: boolean;
  vanishAfterBytes: number | undefined;
  /** Print data received (status requests removed). */
  private data: number[] = [];
  private skip = 0;
  private pending: number[] = [];
  vanished = false;

  constructor(options: FakePrinterOptions = {}) {
    this.status = options.status ?? FAKE_STATUS.ready;
    this.silent = options.silent ?? false;
    this.vanishAfterBytes = options.vanishAfterBytes;
  }

  get received(): Uint8Array {
    return Uint8Array.from(this.data);
  }

  clearReceived(): void {
    this.data = [];
  }

  /** Feeds bytes from the host; returns the reply bytes and whether the printer just vanished. */
  accept(chunk: Uint8Array): { reply: Uint8Array; vanish: boolean } {
    const reply: number[] = [];
    for (const b of chunk) {
      if (this.vanished) break;
      if (this.skip > 0) {
        this.skip--;
        this.keep(b);
        continue;
      }
      this.pending.push(b);
      const p = this.pending;
      if (p[0] === 0x10) {
        if (p.length < 3) continue;
        if (p[1] === 0x04) {
          if (!this.silent) {
            const n = p[2];
            if (n === 1) reply.push(this.status.printer);
            else if (n === 2) reply.push(this.status.offlineCause);
            else if (n === 4) reply.push(this.status.paper);
          }
          this.pending = [];
          continue;
        }
      } else if (p[0] === 0x1d && p.length >= 2 && p[1] === 0x76) {
        if (p.length < 8) continue;
        this.skip = ((p[4] ?? 0) | ((p[5] ?? 0) << 8)) * ((p[6] ?? 0) | ((p[7] ?? 0) << 8));
      } else if (p[0] === 0x1d && p.length >= 2 && p[1] === 0x28) {
        if (p.length < 5) continue;
        this.skip = (p[3] ?? 0) | ((p[4] ?? 0) << 8);
      } else if (p[0] === 0x1d && p.length < 2) continue;
      for (const x of this.pending) this.keep(x);
      this.pending = [];
    }
    return { reply: Uint8Array.from(reply), vanish: this.vanished };
  }

  private keep(b: number): void {
    this.data.push(b);
    if (this.vanishAfterBytes !== undefined && this.data.length >= this.vanishAfterBytes)
      this.vanished = true;
  }
}

/** In-memory transport to a FakePrinter; replies arrive asynchronously like a real link. */
export class FakeTransport extends BufferedTransport {
  readonly description = 'fake';
  constructor(readonly printer: FakePrinter = new FakePrinter()) {
    super();
  }

  write(bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    const { reply, vanish } = this.printer.accept(bytes);
    setImmediate(() => {
      if (reply.length > 0) this.receive(reply);
      if (vanish) this.lost(new TransportError('disconnected', 'The printer disappeared'));
    });
    if (vanish) return Promise.reject(new TransportError('disconnected', 'The printer disappeared'));
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.lost(new TransportError('closed', 'Transport closed'));
    return Promise.resolve();
  }
}
