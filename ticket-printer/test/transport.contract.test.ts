import { afterEach, describe, expect, it } from 'vitest';
import { renderTicket } from '../src/render.js';
import { DeviceFileTransport } from '../src/transport/device-file.js';
import { FAKE_STATUS, FakePrinter, FakeTransport } from '../src/transport/fake.js';
import { startFakeSerialPrinter, startFakeTcpPrinter } from '@motcua/testing/printer-servers';
import { SerialTransport } from '../src/transport/serial.js';
import { TcpTransport } from '../src/transport/tcp.js';
import { TransportError, type PrinterTransport } from '../src/transport/types.js';
import { PRIORITY_TICKET } from './fixtures.js';

/**
 * One contract, every transport that can run here: in-memory fake, raw TCP to a fake printer on
 * 127.0.0.1, serial (serialport) over a socat pty pair, and the USB device-file transport opened on
 * the same kind of pty.
 */
interface Harness {
  transport: PrinterTransport;
  cleanup: () => Promise<void>;
}
type Connect = (printer: FakePrinter) => Promise<Harness>;

const kinds: Record<string, Connect> = {
  fake: (printer) => {
    const transport = new FakeTransport(printer);
    return Promise.resolve({ transport, cleanup: () => transport.close() });
  },
  tcp: async (printer) => {
    const server = await startFakeTcpPrinter(printer);
    const transport = await TcpTransport.open({ host: '127.0.0.1', port: server.port });
    return {
      transport,
      cleanup: async () => {
        await transport.close();
        await server.close();
      },
    };
  },
  serial: async (printer) => {
    const line = await startFakeSerialPrinter(printer);
    const transport = await SerialTransport.open({ path: line.path, baudRate: 115200 });
    return {
      transport,
      cleanup: async () => {
        await transport.close();
        await line.close();
      },
    };
  },
  'usb device file': async (printer) => {
    const line = await startFakeSerialPrinter(printer);
    const transport = await DeviceFileTransport.open({ path: line.path });
    return {
      transport,
      cleanup: async () => {
        await transport.close();
        await line.close();
      },
    };
  },
};

const ticketBytes = renderTicket(PRIORITY_TICKET, { width: 80, profile: 'raster' });

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const [kind, connect] of Object.entries(kinds)) {
  describe(`printer transport contract: ${kind}`, () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    });
    const open = async (printer: FakePrinter): Promise<PrinterTransport> => {
      harness = await connect(printer);
      return harness.transport;
    };

    it('reports a ready printer as ready', async () => {
      const t = await open(new FakePrinter());
      expect((await t.queryStatus(1000)).state).toBe('ready');
    });

    it.each([
      ['paperOut', 'paper-out'],
      ['paperNearEnd', 'paper-near-end'],
      ['coverOpen', 'cover-open'],
      ['error', 'offline'],
    ] as const)('reports status %s as %s', async (status, state) => {
      const t = await open(new FakePrinter({ status: FAKE_STATUS[status] }));
      expect((await t.queryStatus(1000)).state).toBe(state);
    });

    it('reports a printer that does not answer as no-answer, within the timeout', async () => {
      const t = await open(new FakePrinter({ silent: true }));
      const started = Date.now();
      expect((await t.queryStatus(200)).state).toBe('no-answer');
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('delivers a whole ticket byte for byte', async () => {
      const printer = new FakePrinter();
      const t = await open(printer);
      await t.write(ticketBytes);
      await until(() => printer.received.length >= ticketBytes.length);
      expect(Buffer.from(printer.received).equals(Buffer.from(ticketBytes))).toBe(true);
      expect((await t.queryStatus(1000)).state).toBe('ready');
    });

    it('reports a printer that disappears mid-ticket', async () => {
      const printer = new FakePrinter({ vanishAfterBytes: 2000 });
      const t = await open(printer);
      const written = await t.write(ticketBytes).then(
        () => 'written',
        (e: unknown) => e,
      );
      if (written !== 'written') expect(written).toBeInstanceOf(TransportError);
      await until(() => printer.vanished);
      const status = await t.queryStatus(300);
      expect(['disconnected', 'no-answer']).toContain(status.state);
    });
  });
}
