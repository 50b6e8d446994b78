import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger } from '@motcua/shared';
import { startFakeSerialScanner } from '@motcua/testing/serial-scanner';
import type { TicketQrConfig } from '../../src/scanner/classify.js';
import { FakeScanner } from '../../src/scanner/fake.js';
import { SerialScanner } from '../../src/scanner/serial.js';
import type { Scan, Scanner } from '../../src/scanner/types.js';
import { WedgeScanner } from '../../src/scanner/wedge-scanner.js';

/**
 * One contract for every kiosk scanner: a serial scanner on a socat pty (real serialport binding), a
 * keyboard-wedge scanner fed key events 5 ms apart, and the in-memory fake. Each harness `read(code)`
 * makes the scanner read one code the way that kind of scanner delivers it.
 */
interface Harness {
  scanner: Scanner;
  read: (code: string) => Promise<void>;
  /** The link layer, for serial-only checks: raw bytes on the line. */
  raw?: (bytes: string) => Promise<void>;
  unplug: () => Promise<void>;
  replug: () => Promise<void>;
  /** Whether the scanner can tell it was unplugged (a wedge scanner just stops typing). */
  detectsUnplug: boolean;
  cleanup: () => Promise<void>;
}
type Connect = (qr: TicketQrConfig) => Promise<Harness>;

const TEMPLATE = 'https://motcua.example.vn/tra-cuu?so={ticketId}';
const QR: TicketQrConfig = { kind: 'link', template: TEMPLATE };
const DOSSIER = '000.00.19.H33-261201-0001';
const TICKET = 'vt-hcc:2026-12-01:hotich:1025';

const kinds: Record<string, Connect> = {
  'serial over pty': async (qr) => {
    const line = await startFakeSerialScanner();
    const scanner = await SerialScanner.open({
      path: line.path,
      qr,
      clock: new ManualClock(0),
      logger: memoryLogger().logger,
      retryInitialMs: 40,
      retryMaxMs: 160,
    });
    return {
      scanner,
      read: (code) => line.send(`${code}\r\n`),
      raw: (bytes) => line.send(bytes),
      detectsUnplug: true,
      unplug: () => line.unplug(),
      replug: () => line.replug(),
      cleanup: async () => {
        await scanner.close();
        await line.close();
      },
    };
  },
  'keyboard wedge': (qr) => {
    const scanner = new WedgeScanner({ qr, clock: new ManualClock(0) });
    let t = 0;
    let plugged = true;
    return Promise.resolve({
      scanner,
      read: (code) => {
        if (!plugged) return Promise.resolve();
        t += 1000;
        [...Array.from(code), 'Enter'].forEach((k, i) => scanner.key(k, t + i * 5));
        return Promise.resolve();
      },
      // A wedge scanner unplugged simply types nothing; the screen cannot tell it is gone.
      detectsUnplug: false,
      unplug: () => {
        plugged = false;
        return Promise.resolve();
      },
      replug: () => {
        plugged = true;
        return Promise.resolve();
      },
      cleanup: () => scanner.close(),
    });
  },
  'in-memory fake': (qr) => {
    const scanner = new FakeScanner({ qr, clock: new ManualClock(0) });
    return Promise.resolve({
      scanner,
      detectsUnplug: true,
      read: (code) => {
        scanner.scan(code);
        return Promise.resolve();
      },
      unplug: () => {
        scanner.unplug();
        return Promise.resolve();
      },
      replug: () => {
        scanner.replug();
        return Promise.resolve();
      },
      cleanup: () => scanner.close(),
    });
  },
};

async function until(check: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const [kind, connect] of Object.entries(kinds)) {
  describe(`scanner contract: ${kind}`, () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.cleanup();
      h = undefined;
    });
    const open = async (): Promise<{ h: Harness; scans: Scan[] }> => {
      h = await connect(QR);
      const scans: Scan[] = [];
      h.scanner.onScan((s) => scans.push(s));
      return { h, scans };
    };

    it('a scanned dossier receipt is a dossier; a ticket QR (link) is that ticket; anything else unknown', async () => {
      const { h, scans } = await open();
      expect(h.scanner.status().state).toBe('ready');
      await h.read(DOSSIER);
      await h.read(TEMPLATE.replace('{ticketId}', encodeURIComponent(TICKET)));
      await h.read(TICKET);
      await h.read('HELLO-WORLD');
      await until(() => scans.length === 4, 'four scans');
      expect(scans.map(({ raw: _r, source: _s, at: _a, ...rest }) => rest)).toEqual([
        { kind: 'dossier', code: DOSSIER },
        { kind: 'ticket', ticketId: TICKET },
        { kind: 'ticket', ticketId: TICKET },
        { kind: 'unknown', text: 'HELLO-WORLD' },
      ]);
      expect(scans.every((s) => s.source === h.scanner.description)).toBe(true);
    });

    it('a scanner that is unplugged and returns reads again', async () => {
      const { h, scans } = await open();
      await h.unplug();
      if (h.detectsUnplug) await until(() => h.scanner.status().state === 'missing', 'missing');
      await h.read(DOSSIER).catch(() => undefined);
      await h.replug();
      await until(() => h.scanner.status().state === 'ready', 'ready again');
      await h.read(DOSSIER);
      await until(() => scans.length === 1, 'a scan after replug');
      expect(scans[0]?.kind).toBe('dossier');
    });

    it('after close, nothing more is reported', async () => {
      const { h, scans } = await open();
      await h.scanner.close();
      expect(h.scanner.status().state).toBe('closed');
      await h.read(DOSSIER).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
      expect(scans).toEqual([]);
    });
  });
}

describe('serial scanner line handling', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });
  const open = async (): Promise<{ h: Harness; raw: (s: string) => Promise<void>; scans: Scan[] }> => {
    const harness = await kinds['serial over pty']!(QR);
    h = harness;
    const scans: Scan[] = [];
    harness.scanner.onScan((s) => scans.push(s));
    return { h: harness, raw: harness.raw!, scans };
  };

  it('accepts CR, LF and CR LF endings, codes split over writes and several codes in one write', async () => {
    const { raw, scans } = await open();
    await raw(`${DOSSIER}\r`);
    await raw(`${TICKET}\n`);
    await raw('000.00.19.H33-');
    await raw('261201-0002\r\n');
    await raw(`${TICKET}\r\n${DOSSIER}\r\n`);
    await until(() => scans.length === 5, 'five scans');
    expect(
      scans.map((s) => (s.kind === 'dossier' ? s.code : s.kind === 'ticket' ? s.ticketId : s.text)),
    ).toEqual([DOSSIER, TICKET, '000.00.19.H33-261201-0002', TICKET, DOSSIER]);
  });

  it('drops an over-long line (noise) and keeps reading the next code', async () => {
    const { raw, scans } = await open();
    await raw('x'.repeat(700));
    await raw(`${'y'.repeat(100)}\r\n${DOSSIER}\r\n`);
    // A long line and its end in one write.
    await raw(`${'z'.repeat(700)}\r\n${TICKET}\r\n`);
    await until(() => scans.length >= 2, 'the codes after the noise');
    await new Promise((r) => setTimeout(r, 50));
    expect(scans.map((s) => s.kind)).toEqual(['dossier', 'ticket']);
  });

  it('reports a missing port, and is picked up when the port appears', async () => {
    const { h: harness, scans } = await open();
    const states: string[] = [];
    harness.scanner.onStatus((s) => states.push(s.state));
    await harness.unplug();
    await until(() => harness.scanner.status().state === 'missing', 'missing');
    expect(harness.scanner.status().message).toBe('Không thấy máy quét (kiểm tra cáp nối)');
    await harness.replug();
    await until(() => harness.scanner.status().state === 'ready', 'ready');
    await harness.read(TICKET);
    await until(() => scans.length === 1, 'a scan');
    expect(states).toEqual(['missing', 'ready']);
  });
});
