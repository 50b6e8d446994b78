import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { FakePrinter } from '@motcua/ticket-printer/transport/fake';

/**
 * Fake printers reachable the way real ones are: a TCP server on 127.0.0.1 (OS-assigned port), and a
 * socat pseudo-terminal pair whose far end is driven by a FakePrinter (serial and device-file
 * transports open the near end). For tests, the demo and the benchmark; needs Debian `socat`.
 */
export interface FakeTcpPrinter {
  readonly port: number;
  close(): Promise<void>;
}

export async function startFakeTcpPrinter(printer: FakePrinter): Promise<FakeTcpPrinter> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      if (printer.vanished) {
        socket.destroy();
        return;
      }
      const { reply, vanish } = printer.accept(chunk);
      if (reply.length > 0) socket.write(reply);
      // Gone mid-ticket: a reset, not a polite close, as when a network printer loses power.
      if (vanish) socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No TCP port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export interface FakeSerialPrinter {
  /** The path a transport opens (the host side of the pty pair). */
  readonly path: string;
  /** Kills socat: both ends of the line vanish, as when a USB-serial cable is pulled. */
  unplug(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startFakeSerialPrinter(printer: FakePrinter): Promise<FakeSerialPrinter> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pty-'));
  const host = join(dir, 'host');
  const device = join(dir, 'printer');
  const socat: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`],
    { stdio: 'ignore' },
  );
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    socat.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  await waitFor(() => existsSync(host) && existsSync(device), 5000, 'socat pty pair');
  const port = new SerialPort({ path: device, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((err) => {
      if (err) reject(err);
      else resolve();
    });
  });
  port.on('error', () => undefined);
  port.on('data', (chunk: Buffer) => {
    if (printer.vanished) return;
    const { reply, vanish } = printer.accept(chunk);
    if (reply.length > 0) port.write(Buffer.from(reply));
    if (vanish) socat.kill('SIGKILL');
  });
  const stop = async (): Promise<void> => {
    if (port.isOpen)
      await new Promise<void>((resolve) => {
        port.close(() => {
          resolve();
        });
      });
    if (!exited) socat.kill('SIGTERM');
    await exitedPromise;
  };
  return {
    path: host,
    unplug: async () => {
      socat.kill('SIGKILL');
      await exitedPromise;
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
