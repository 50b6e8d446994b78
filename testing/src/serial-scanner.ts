import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

/**
 * A fake serial barcode scanner: the far end of a socat pseudo-terminal pair on which the test writes
 * what a scanner would send (codes followed by CR, LF or CR LF). The scanner driver opens the near end
 * with the real serialport binding. The adapter can be unplugged (socat killed) and plugged back in at
 * the same path. Needs Debian socat.
 */
export interface FakeSerialScanner {
  readonly path: string;
  /** Sends bytes as the scanner does (each call one write on the line). */
  send(data: string | Uint8Array): Promise<void>;
  unplug(): Promise<void>;
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

export async function startFakeSerialScanner(): Promise<FakeSerialScanner> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-scanner-'));
  const host = join(dir, 'host');
  const device = join(dir, 'scanner');
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
      if (p === undefined) return Promise.reject(new Error('scanner unplugged'));
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
