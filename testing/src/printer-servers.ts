import net from 'node:net';
import type { FakePrinter } from '@motcua/ticket-printer/transport/fake';
import { startSerialLine, type SerialLine } from './serial-line.js';

/**
 * Fake printers reachable the way real ones are: a TCP server on 127.0.0.1 (OS-assigned port), and a
 * socat pseudo-terminal pair whose far end is driven by a FakePrinter (serial and device-file
 * transports open the near end). Test support only; needs Debian `socat`.
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

export async function startFakeSerialPrinter(printer: FakePrinter): Promise<FakeSerialPrinter> {
  // The line is known only once started; the vanish below needs it.
  const held: { line?: SerialLine } = {};
  const l = await startSerialLine({
    name: 'printer',
    baudRate: 115200,
    onData: (chunk) => {
      if (printer.vanished) return undefined;
      const { reply, vanish } = printer.accept(chunk);
      // The printer drops off the line mid-job: after this answer, the whole line vanishes.
      if (vanish) setImmediate(() => void held.line?.unplug());
      return reply;
    },
  });
  held.line = l;
  return { path: l.path, unplug: () => l.unplug(), close: () => l.close() };
}
