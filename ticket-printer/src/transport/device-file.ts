import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import { BufferedTransport, TransportError } from './types.js';

export interface DeviceFileTransportOptions {
  /** e.g. /dev/usb/lp0 (Linux USB printer class). */
  readonly path: string;
  /** How often to poll for status bytes while a read waits. Default 10 ms. */
  readonly pollMs?: number | undefined;
}

function isErrno(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && 'code' in e && codes.includes(String(e.code));
}

/**
 * A USB printer-class device opened as a file. The file is opened non-blocking: a blocking read on a
 * device with nothing to say would hold a libuv pool thread forever, so reads poll (only while someone
 * is waiting for a reply) and writes retry on EAGAIN.
 */
export class DeviceFileTransport extends BufferedTransport {
  readonly description: string;
  private polling: NodeJS.Timeout | undefined;
  private readonly pollMs: number;

  private constructor(
    private readonly file: FileHandle,
    path: string,
    pollMs: number,
  ) {
    super();
    this.description = `file:${path}`;
    this.pollMs = pollMs;
  }

  static async open(options: DeviceFileTransportOptions): Promise<DeviceFileTransport> {
    try {
      const file = await fs.open(options.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
      return new DeviceFileTransport(file, options.path, options.pollMs ?? 10);
    } catch (e) {
      throw new TransportError('open-failed', `Cannot open ${options.path}: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    let offset = 0;
    while (offset < bytes.length) {
      try {
        const { bytesWritten } = await this.file.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      } catch (e) {
        if (isErrno(e, 'EAGAIN', 'EWOULDBLOCK')) {
          await new Promise((r) => setTimeout(r, this.pollMs));
          continue;
        }
        const err = new TransportError(
          'disconnected',
          `Write to ${this.description} failed: ${(e as Error).message}`,
          {
            cause: e,
          },
        );
        this.lost(err);
        throw err;
      }
    }
  }

  override async read(length: number, timeoutMs: number): Promise<Uint8Array | null> {
    this.startPolling();
    try {
      return await super.read(length, timeoutMs);
    } finally {
      this.stopPolling();
    }
  }

  private startPolling(): void {
    if (this.polling !== undefined) return;
    const buf = Buffer.alloc(64);
    let busy = false;
    this.polling = setInterval(() => {
      if (busy) return;
      busy = true;
      this.file
        .read(buf, 0, buf.length, null)
        .then(({ bytesRead }) => {
          if (bytesRead > 0) this.receive(buf.subarray(0, bytesRead));
        })
        .catch((e: unknown) => {
          if (!isErrno(e, 'EAGAIN', 'EWOULDBLOCK'))
            this.lost(
              new TransportError(
                'disconnected',
                `Read from ${this.description} failed: ${(e as Error).message}`,
              ),
            );
        })
        .finally(() => {
          busy = false;
        });
    }, this.pollMs);
  }

  private stopPolling(): void {
    clearInterval(this.polling);
    this.polling = undefined;
  }

  async close(): Promise<void> {
    this.stopPolling();
    this.lost(new TransportError('closed', 'Transport closed'));
    await this.file.close().catch(() => undefined);
  }
}
