/**
 * The printer's ticket journal backed by the kiosk's event store: the ticket is committed before anything is
 * printed, marked printed only after the printer accepted it, and a failed print is recorded or voided as an
 * event — so a voided number is never called anywhere in the centre.
 */
// Module paths, not the '@motcua/shared' barrel: the barrel also loads the look-up terminal's catalogue and
// search (MiniSearch), which a kiosk never uses (kiosk/test/module-graph.test.ts).
import { printOutcome } from '@motcua/shared/domain/commands';
import type { EventStore } from '@motcua/shared/store/event-store';
import type { PrintFailureReason, TicketJournal } from '@motcua/ticket-printer/print-job';

export class StoreTicketJournal implements TicketJournal {
  constructor(
    private readonly store: EventStore,
    /** Called after each write so the events go to the hub at once. */
    private readonly afterWrite: () => void = () => undefined,
  ) {}

  isPrintable(ticketId: string): Promise<boolean> {
    const t = this.store.state.tickets.get(ticketId);
    return Promise.resolve(t !== undefined && t.status !== 'voided' && t.status !== 'cancelled');
  }

  markPrinted(ticketId: string, _info: { attempt: number; reprint: boolean }): Promise<void> {
    return this.write(ticketId, { kind: 'printed', copies: 1 });
  }

  markPrintFailed(
    ticketId: string,
    f: { reason: PrintFailureReason; attempt: number; final: boolean },
  ): Promise<void> {
    return this.write(ticketId, { kind: 'failed', reason: `${f.reason} (attempt ${f.attempt})` });
  }

  markVoided(ticketId: string, reason: PrintFailureReason): Promise<void> {
    return this.write(ticketId, { kind: 'voided', reason });
  }

  private write(ticketId: string, outcome: Parameters<typeof printOutcome>[2]): Promise<void> {
    const r = this.store.commit((s) => printOutcome(s, ticketId, outcome));
    if (!r.ok) return Promise.reject(new Error(`${r.reason}: ${r.message}`));
    this.afterWrite();
    return Promise.resolve();
  }
}
