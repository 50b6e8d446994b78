import { afterEach, describe, expect, it } from 'vitest';
import { KioskIssuer } from '@motcua/kiosk/issuer';
import { StoreTicketJournal } from '@motcua/kiosk/journal';
import { TicketFlow } from '@motcua/kiosk/ticket-flow';
import { PrintService } from '@motcua/ticket-printer/print-job';
import { FAKE_STATUS, FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { decodeEscPos } from '@motcua/ticket-printer/escpos/decoder';
import { TestCentre, syncTestConfig, until } from './support/centre.js';

let centre: TestCentre | null = null;
afterEach(async () => {
  await centre?.close();
  centre = null;
});

async function kiosk(printer: FakePrinter) {
  centre = await new TestCentre(syncTestConfig()).start();
  const k = centre.device('kiosk-1', 'kiosk');
  const c = centre.device('counter-c1', 'counter');
  await until(() => k.sync.connected && c.sync.connected);
  const issuer = new KioskIssuer({
    kioskId: 'kiosk-1',
    config: centre.config,
    store: k.store,
    sync: k.sync,
    clock: centre.clock,
    logger: centre.logger,
  });
  const service = new PrintService({
    journal: new StoreTicketJournal(k.store, () => k.sync.flush()),
    openTransport: () => Promise.resolve(new FakeTransport(printer)),
    sleep: () => Promise.resolve(),
    statusTimeoutMs: 200,
  });
  const flow = new TicketFlow({
    config: centre.config,
    store: k.store,
    issuer,
    printer: service,
    clock: centre.clock,
  });
  await c.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
  return { k, c, flow, hub: centre.hub.store };
}

describe('the kiosk prints what it issues, and the centre knows whether it did', () => {
  it('a printed ticket reaches the hub as printed and can be called; the paper says the right number', async () => {
    const printer = new FakePrinter();
    const { k, c, flow, hub } = await kiosk(printer);
    const r = await flow.take('a', null);
    expect(r.print.status).toBe('printed');
    expect(r.ticket.display).toBe('1001');
    const printed = decodeEscPos(printer.received);
    // the number is printed in the printer's own font (ASCII); the QR carries the ticket id
    expect(printed.some((i) => i.type === 'text' && i.text.trim() === '1001')).toBe(true);
    expect(printed.some((i) => i.type === 'qr' && i.payload === r.ticket.ticketId)).toBe(true);
    expect(printed.filter((i) => i.type === 'cut')).toHaveLength(1);
    await until(
      () =>
        k.store.pendingOutbox().length === 0 && hub.state.tickets.get(r.ticket.ticketId)?.printed === true,
      10_000,
      'printed at hub',
    );
    const call = await c.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    expect(call.kind === 'done' && call.ticketId).toBe(r.ticket.ticketId);
  });

  it('a printer out of paper voids the number visibly, and a voided number is never called', async () => {
    const printer = new FakePrinter({ status: FAKE_STATUS.paperOut });
    const { k, c, flow, hub } = await kiosk(printer);
    const r = await flow.take('a', null);
    expect(r.print).toMatchObject({ status: 'voided', reason: 'paper-out' });
    expect(r.print.status === 'voided' && r.print.message.vi).toMatch(/giấy/i);
    await until(
      () =>
        k.store.pendingOutbox().length === 0 && hub.state.tickets.get(r.ticket.ticketId)?.status === 'voided',
      10_000,
      'voided at hub',
    );
    await expect(c.sync.request('call', { counterId: 'c1', action: { kind: 'next' } })).rejects.toMatchObject(
      { reason: 'queue-empty' },
    );
  });
});
