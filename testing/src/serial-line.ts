/**
 * A serial line to a fake device: a socat pseudo-terminal pair whose far end this module opens with the real
 * serialport binding, so a driver under test opens the near end (`path`) exactly as it would a USB-serial
 * adapter. The line can be unplugged (socat killed: both ends vanish) and plugged back in at the same path.
 * Needs Debian socat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export interface SerialLine {
  /** The path a driver opens (the host side of the pty pair). */
  readonly path: string;
  /** Writes bytes from the device's side (one write on the line), resolved once drained. */
  send(data: string | Uint8Array): Promise<void>;
  /** Kills socat: the port disappears, as when the adapter is pulled. */
  unplug(): Promise<void>;
  /** Starts a new pty pair at the same path, as when the adapter is plugged back in. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export interface SerialLineOptions {
  /** Temp-dir prefix and the device side's link name, for readable paths in failures. */
  readonly name: string;
  /** Bytes the driver wrote, as the device receives them; a returned non-empty answer is written back. */
  readonly onData?: (chunk: Buffer) => Uint8Array | undefined;
  readonly baudRate?: number;
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startSerialLine(o: SerialLineOptions): Promise<SerialLine> {
  const dir = mkdtempSync(join(tmpdir(), `motcua-${o.name}-`));
  const host = join(dir, 'host');
  const device = join(dir, o.name);
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
    const p = new SerialPort({ path: device, baudRate: o.baudRate ?? 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      p.open((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
    p.on('error', () => undefined);
    const onData = o.onData;
    if (onData !== undefined)
      p.on('data', (chunk: Buffer) => {
        const reply = onData(chunk);
        if (reply !== undefined && reply.length > 0) p.write(Buffer.from(reply));
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
    send: (data) => {
      const p = port;
      if (p === undefined) return Promise.reject(new Error(`${o.name} unplugged`));
      return new Promise<void>((resolve, reject) => {
        p.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), (err) => {
          if (err) reject(err);
          else p.drain(() => resolve());
        });
      });
    },
    unplug: () => stop('SIGKILL'),
    replug: start,
    close: async () => {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
