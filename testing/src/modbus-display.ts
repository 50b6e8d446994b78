import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { exceptionFrame, hasValidCrc, withCrc } from '@motcua/counter-display/led/frame';

/**
 * A fake RS-485 number display at the byte level: it reads Modbus RTU requests from the far end of a
 * socat pseudo-terminal pair and answers the way real modules do (echo for FC 6), or misbehaves on
 * demand. The driver under test opens the near end with the real serialport binding. Needs Debian socat.
 */
export type FakeModbusAnswer =
  /** Echo the request (what a working module does). */
  | 'echo'
  /** Modbus exception 02 (illegal data address). */
  | 'exception'
  /** A frame for our unit and function with a broken CRC (line noise, wrong baud rate). */
  | 'garbage'
  /** Say nothing (display unplugged from the bus or without power). */
  | 'silent';

export class FakeModbusDisplay {
  answer: FakeModbusAnswer = 'echo';
  /** Register values written and acknowledged, by register. */
  readonly registers = new Map<number, number>();
  /** Every complete request frame received, as sent on the wire. */
  readonly requests: Uint8Array[] = [];
  private pending: number[] = [];

  constructor(readonly unitId = 1) {}

  /** The value the display shows (register 0). */
  get shown(): number | undefined {
    return this.registers.get(0);
  }

  /** Feeds bytes from the line; returns the reply bytes (possibly empty). */
  accept(chunk: Uint8Array): Uint8Array {
    this.pending.push(...chunk);
    const replies: number[] = [];
    // FC 6 requests are always 8 bytes; resynchronise on a bad CRC by dropping one byte.
    while (this.pending.length >= 8) {
      const frame = Uint8Array.from(this.pending.slice(0, 8));
      if (!hasValidCrc(frame)) {
        this.pending.shift();
        continue;
      }
      this.pending = this.pending.slice(8);
      this.requests.push(frame);
      if (frame[0] !== this.unitId) continue; // another unit on the bus
      replies.push(...this.answerTo(frame));
    }
    return Uint8Array.from(replies);
  }

  private answerTo(frame: Uint8Array): Uint8Array {
    const fc = frame[1] ?? 0;
    switch (this.answer) {
      case 'silent':
        return new Uint8Array(0);
      case 'exception':
        return exceptionFrame(this.unitId, fc, 0x02);
      case 'garbage': {
        const broken = withCrc(frame.subarray(0, 6));
        broken[6] = (broken[6] ?? 0) ^ 0x5a;
        return broken;
      }
      case 'echo':
        if (fc !== 0x06) return exceptionFrame(this.unitId, fc, 0x01);
        this.registers.set(
          ((frame[2] ?? 0) << 8) | (frame[3] ?? 0),
          ((frame[4] ?? 0) << 8) | (frame[5] ?? 0),
        );
        return frame;
    }
  }
}

export interface FakeModbusLine {
  /** The path the driver opens (host side of the pty pair). */
  readonly path: string;
  /** Kills socat: the port disappears, as when the USB-RS485 adapter is pulled. */
  unplug(): Promise<void>;
  /** Starts a new pty pair at the same path, as when the adapter is plugged back in. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startFakeModbusLine(display: FakeModbusDisplay): Promise<FakeModbusLine> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-modbus-'));
  const host = join(dir, 'host');
  const device = join(dir, 'display');
  let socat: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let port: SerialPort | undefined;

  const start = async (): Promise<void> => {
    // A killed socat may leave its links behind; a stale link would make the new one fail.
    rmSync(host, { force: true });
    rmSync(device, { force: true });
    const child = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], {
      stdio: 'ignore',
    });
    socat = child;
    exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await waitFor(() => existsSync(host) && existsSync(device), 5000, 'socat pty pair');
    const p = new SerialPort({ path: device, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      p.open((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
    p.on('error', () => undefined);
    p.on('data', (chunk: Buffer) => {
      const reply = display.accept(chunk);
      if (reply.length > 0) p.write(Buffer.from(reply));
    });
    port = p;
  };

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    const p = port;
    port = undefined;
    if (p?.isOpen === true) await new Promise<void>((resolve) => p.close(() => resolve()));
    socat?.kill(signal);
    socat = undefined;
    await exited;
  };

  await start();
  return {
    path: host,
    unplug: () => stop('SIGKILL'),
    replug: start,
    close: async () => {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
