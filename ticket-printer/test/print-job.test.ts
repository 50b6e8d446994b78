import { afterEach, describe, expect, it } from 'vitest';
import { PrintService, type PrintFailureReason, type TicketJournal } from '../src/print-job.js';
import { renderTicket } from '../src/render.js';
import { FAKE_STATUS, FakePrinter, FakeTransport } from '../src/transport/fake.js';
import { startFakeSerialPrinter, startFakeTcpPrinter } from '@motcua/testing/printer-servers';
import { SerialTransport } from '../src/transport/serial.js';
import { TcpTransport } from '../src/transport/tcp.js';
import type { PrinterTransport } from '../src/transport/types.js';
import { PRIORITY_TICKET } from './fixtures.js';

/** The journal as the event store will be: commit first, then printed / print-failed / voided. */
class MemoryJournal implements TicketJournal {
  readonly events: string[] = [];
  private readonly committed = new Set<string>();
  private readonly voided = new Set<string>();
  constructor(private readonly log: string[]) {}
  commit(id: string): void {
    this.committed.add(id);
    this.log.push(`commit ${id}`);
  }
  isPrintable(id: string): Promise<boolean> {
    return Promise.resolve(this.committed.has(id) && !this.voided.has(id));
  }
  markPrinted(id: string, info: { attempt: number; reprint: boolean }): Promise<void> {
    this.log.push(`printed ${id} attempt=${info.attempt}${info.reprint ? ' reprint' : ''}`);
    return Promise.resolve();
  }
  markPrintFailed(
    id: string,
    f: { reason: PrintFailureReason; attempt: number; final: boolean },
  ): Promise<void> {
    this.log.push(`print-failed ${id} ${f.reason} attempt=${f.attempt}${f.final ? ' final' : ''}`);
    return Promise.resolve();
  }
  markVoided(id: string, reason: PrintFailureReason): Promise<void> {
    this.voided.add(id);
    this.log.push(`voided ${id} ${reason}`);
    return Promise.resolve();
  }
}

/** Logs what the service does to the printer, in the same log as the journal. */
function spy(t: PrinterTransport, log: string[]): PrinterTransport {
  return {
    description: t.description,
    write: (b) => {
      log.push(`write ${b.length}`);
      return t.write(b);
    },
    read: (n, ms) => t.read(n, ms),
    discardInput: () => {
      t.discardInput();
    },
    queryStatus: async (ms) => {
      const s = await t.queryStatus(ms);
      log.push(`status ${s.state}`);
      return s;
    },
    close: () => t.close(),
  };
}

const bytes = renderTicket(PRIORITY_TICKET, { width: 80, profile: 'raster' });
const id = PRIORITY_TICKET.ticketId;

function setup(open: () => Promise<PrinterTransport>) {
  const log: string[] = [];
  const sleeps: number[] = [];
  const journal = new MemoryJournal(log);
  const service = new PrintService({
    journal,
    openTransport: async () => spy(await open(), log),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    statusTimeoutMs: 200,
  });
  return { log, sleeps, journal, service };
}

describe('PrintService', () => {
  it('commits, prints, checks status, and marks printed only after the printer accepted it', async () => {
    const printer = new FakePrinter();
    const { log, journal, service } = setup(() => Promise.resolve(new FakeTransport(printer)));
    journal.commit(id);
    const outcome = await service.print(id, bytes);
    expect(outcome).toEqual({ status: 'printed', attempts: 1, warning: undefined });
    expect(log).toEqual([
      `commit ${id}`,
      'status ready',
      `write ${bytes.length}`,
      'status ready',
      `printed ${id} attempt=1`,
    ]);
    expect(Buffer.from(printer.received).equals(Buffer.from(bytes))).toBe(true);
  });

  it('never prints a number the store has not committed', async () => {
    const printer = new FakePrinter();
    const { log, service } = setup(() => Promise.resolve(new FakeTransport(printer)));
    const outcome = await service.print(id, bytes);
    expect(outcome.status).toBe('failed');
    expect(log).toEqual([]);
    expect(printer.received).toHaveLength(0);
  });

  it('voids the number visibly when the printer is out of paper, without sending it', async () => {
    const printer = new FakePrinter({ status: FAKE_STATUS.paperOut });
    const { log, journal, service, sleeps } = setup(() => Promise.resolve(new FakeTransport(printer)));
    journal.commit(id);
    const outcome = await service.print(id, bytes);
    expect(outcome).toMatchObject({ status: 'voided', reason: 'paper-out', attempts: 1 });
    if (outcome.status === 'printed') throw new Error('unreachable');
    expect(outcome.message.vi).toContain('hết giấy');
    expect(outcome.message.en).toContain('out of paper');
    expect(log).toEqual([
      `commit ${id}`,
      'status paper-out',
      `print-failed ${id} paper-out attempt=1 final`,
      `voided ${id} paper-out`,
    ]);
    expect(printer.received).toHaveLength(0);
    expect(sleeps).toEqual([]); // a person must add paper: no pointless retries
    expect(await service.reprint(id, bytes)).toMatchObject({ status: 'failed', reason: 'not-printable' });
  });

  it('retries a printer that did not answer, with backoff, and prints when it comes back', async () => {
    const printer = new FakePrinter({ silent: true });
    let opened = 0;
    const { log, journal, service, sleeps } = setup(() => {
      opened++;
      if (opened === 2) printer.silent = false;
      return Promise.resolve(new FakeTransport(printer));
    });
    journal.commit(id);
    const outcome = await service.print(id, bytes);
    expect(outcome).toMatchObject({ status: 'printed', attempts: 2 });
    expect(sleeps).toEqual([500]);
    expect(log.filter((l) => !l.startsWith('status'))).toEqual([
      `commit ${id}`,
      `print-failed ${id} no-answer attempt=1`,
      `write ${bytes.length}`,
      `printed ${id} attempt=2`,
    ]);
  });

  it('prints with a warning when paper is near its end', async () => {
    const { journal, service } = setup(() =>
      Promise.resolve(new FakeTransport(new FakePrinter({ status: FAKE_STATUS.paperNearEnd }))),
    );
    journal.commit(id);
    const outcome = await service.print(id, bytes);
    expect(outcome.status).toBe('printed');
    if (outcome.status !== 'printed') throw new Error('unreachable');
    expect(outcome.warning?.vi).toContain('sắp hết');
  });

  it('reprints a printed ticket and records it as a reprint', async () => {
    const printer = new FakePrinter();
    const { log, journal, service } = setup(() => Promise.resolve(new FakeTransport(printer)));
    journal.commit(id);
    await service.print(id, bytes);
    expect(await service.reprint(id, bytes)).toMatchObject({ status: 'printed' });
    expect(log.at(-1)).toBe(`printed ${id} attempt=1 reprint`);
    expect(printer.received).toHaveLength(bytes.length * 2);
  });

  it('runs one job at a time and loses no ticket: each ends printed or voided', async () => {
    const printer = new FakePrinter();
    let opened = 0;
    const { log, journal, service } = setup(() => {
      opened++;
      // The third job finds the cover open.
      printer.status = opened === 3 ? FAKE_STATUS.coverOpen : FAKE_STATUS.ready;
      return Promise.resolve(new FakeTransport(printer));
    });
    const ids = ['a', 'b', 'c', 'd'];
    for (const t of ids) journal.commit(t);
    const outcomes = await Promise.all(ids.map((t) => service.print(t, bytes)));
    expect(outcomes.map((o) => o.status)).toEqual(['printed', 'printed', 'voided', 'printed']);
    expect(outcomes[2]).toMatchObject({ reason: 'cover-open' });
    for (const t of ids)
      expect(log.some((l) => l.startsWith(`printed ${t} `) || l.startsWith(`voided ${t} `))).toBe(true);
    // Jobs did not interleave: every write sits between its own two status checks.
    const writes = log.flatMap((l, i) => (l.startsWith('write') ? [i] : []));
    expect(writes.length, 'one write per printed ticket').toBeGreaterThanOrEqual(3);
    for (const w of writes) expect([log[w - 1], log[w + 1]]).toEqual(['status ready', 'status ready']);
  });
});

describe('PrintService against fake printers on real links', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('TCP: a paper-out printer fails the print with the paper-out reason', async () => {
    const printer = new FakePrinter({ status: FAKE_STATUS.paperOut });
    const server = await startFakeTcpPrinter(printer);
    cleanups.push(() => server.close());
    const { journal, service } = setup(() => TcpTransport.open({ host: '127.0.0.1', port: server.port }));
    journal.commit(id);
    expect(await service.print(id, bytes)).toMatchObject({ status: 'voided', reason: 'paper-out' });
    expect(printer.received).toHaveLength(0);
  });

  it('TCP: a printer that disappears mid-ticket is reported, retried, then voided, never marked printed', async () => {
    const printer = new FakePrinter({ vanishAfterBytes: 3000 });
    const server = await startFakeTcpPrinter(printer);
    cleanups.push(() => server.close());
    const { log, journal, service, sleeps } = setup(() =>
      TcpTransport.open({ host: '127.0.0.1', port: server.port }),
    );
    journal.commit(id);
    const outcome = await service.print(id, bytes);
    expect(outcome.status).toBe('voided');
    if (outcome.status === 'printed') throw new Error('unreachable');
    expect(['disconnected', 'no-answer']).toContain(outcome.reason);
    expect(outcome.attempts).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(log.some((l) => l.startsWith('printed'))).toBe(false);
    expect(log.at(-1)).toMatch(new RegExp(`^voided ${id} `));
  });

  it('serial (socat pty): paper out fails with paper-out; unplugged mid-ticket is reported', async () => {
    const printer = new FakePrinter({ status: FAKE_STATUS.paperOut });
    const line = await startFakeSerialPrinter(printer);
    cleanups.push(() => line.close());
    const { journal, service } = setup(() => SerialTransport.open({ path: line.path, baudRate: 115200 }));
    journal.commit(id);
    expect(await service.print(id, bytes)).toMatchObject({ status: 'voided', reason: 'paper-out' });

    const printer2 = new FakePrinter({ vanishAfterBytes: 1500 });
    const line2 = await startFakeSerialPrinter(printer2);
    cleanups.push(() => line2.close());
    const s2 = setup(() => SerialTransport.open({ path: line2.path, baudRate: 115200 }));
    s2.journal.commit('t2');
    const outcome = await s2.service.print('t2', bytes);
    expect(outcome.status).toBe('voided');
    if (outcome.status === 'printed') throw new Error('unreachable');
    expect(['disconnected', 'no-answer']).toContain(outcome.reason);
    expect(s2.log.some((l) => l.startsWith('printed'))).toBe(false);
  });
});
