import { DLE_EOT, interpretStatus, isStatusByte, type PrinterStatus } from '../status.js';

/**
 * One interface for every way a kiosk reaches its printer (serial, USB printer device file, raw TCP,
 * in-memory fake). Bytes in, bytes out, nothing ESC/POS-specific except the shared status query.
 */
export interface PrinterTransport {
  readonly description: string;
  /** Resolves when the bytes were handed to the OS (drained); rejects with TransportError. */
  write(bytes: Uint8Array): Promise<void>;
  /** The next `length` bytes received, or null if they did not all arrive within `timeoutMs`. */
  read(length: number, timeoutMs: number): Promise<Uint8Array | null>;
  /** Drops bytes received but not yet read (stale replies). */
  discardInput(): void;
  /** DLE EOT 1, 2 and 4; `no-answer` on a timeout or a reply that is not a status byte. */
  queryStatus(timeoutMs: number): Promise<PrinterStatus>;
  close(): Promise<void>;
}

export type TransportFailure = 'open-failed' | 'disconnected' | 'closed';

export class TransportError extends Error {
  constructor(
    readonly reason: TransportFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

/**
 * The receive side shared by the stream transports: incoming chunks queue up, `read` takes from the
 * queue, and a lost connection fails waiting and later reads at once instead of letting them time out.
 */
export abstract class BufferedTransport implements PrinterTransport {
  abstract readonly description: string;
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  protected lostError: TransportError | undefined;

  abstract write(bytes: Uint8Array): Promise<void>;
  abstract close(): Promise<void>;

  protected receive(chunk: Uint8Array): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.waiter?.();
  }

  protected lost(error: TransportError): void {
    this.lostError ??= error;
    this.waiter?.();
  }

  protected assertOpen(): void {
    if (this.lostError !== undefined) throw this.lostError;
  }

  discardInput(): void {
    this.buffer = Buffer.alloc(0);
  }

  async read(length: number, timeoutMs: number): Promise<Uint8Array | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.buffer.length >= length) {
        const out = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        return Uint8Array.from(out);
      }
      this.assertOpen();
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  async queryStatus(timeoutMs: number): Promise<PrinterStatus> {
    return queryStatus(this, timeoutMs);
  }
}

/**
 * Real-time status: the three DLE EOT requests answer even while the printer is busy or stopped.
 * A TransportError (connection lost) is reported as `disconnected`.
 */
export async function queryStatus(t: PrinterTransport, timeoutMs: number): Promise<PrinterStatus> {
  const raw: Partial<Record<1 | 2 | 4, number>> = {};
  try {
    for (const n of [1, 2, 4] as const) {
      t.discardInput();
      await t.write(DLE_EOT(n));
      const reply = await t.read(1, timeoutMs);
      const b = reply?.[0];
      if (b === undefined || !isStatusByte(b)) return { state: 'no-answer', raw };
      raw[n] = b;
    }
  } catch (e) {
    if (e instanceof TransportError) return { state: 'disconnected', raw };
    throw e;
  }
  return {
    state: interpretStatus({ printer: raw[1] ?? 0x12, offlineCause: raw[2] ?? 0x12, paper: raw[4] ?? 0x12 }),
    raw,
  };
}
