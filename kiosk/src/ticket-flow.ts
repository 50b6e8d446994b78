/**
 * Two taps to a ticket: the citizen picks an area (and maybe a priority category); the kiosk issues the number
 * (online through the hub, offline from its own blocks), lays the ticket out with the people ahead and the
 * estimated wait, prints it, and records the print outcome. What the screen shows comes from the outcome:
 * a number is shown as issued only when its ticket is in the citizen's hand.
 */
// Module paths, not the '@motcua/shared' barrel: the barrel also loads the look-up terminal's catalogue and
// search (MiniSearch), which a kiosk never uses (kiosk/test/module-graph.test.ts).
import type { CentreConfig } from '@motcua/shared/config/schema';
import { ticketWaitEstimate } from '@motcua/shared/domain/wait-estimate';
import type { Clock } from '@motcua/shared/runtime/clock';
import type { EventStore } from '@motcua/shared/store/event-store';
import { ticketDataFromConfig } from '@motcua/ticket-printer/from-config';
import { layoutTicket } from '@motcua/ticket-printer/layout';
import { getProfile } from '@motcua/ticket-printer/profiles';
import { encodeTicket } from '@motcua/ticket-printer/render';
import type { PrintOutcome, PrintService } from '@motcua/ticket-printer/print-job';
import type { IssuedTicket, KioskIssuer } from './issuer.js';

export interface TicketFlowResult {
  readonly ticket: IssuedTicket;
  readonly print: PrintOutcome;
  readonly peopleAhead: number;
  readonly estimatedWaitMinutes: number | null;
}

export class TicketFlow {
  constructor(
    private readonly o: {
      readonly config: CentreConfig;
      readonly store: EventStore;
      readonly issuer: KioskIssuer;
      readonly printer: PrintService;
      readonly clock: Clock;
    },
  ) {}

  async take(areaId: string, priority: string | null): Promise<TicketFlowResult> {
    const { config, store } = this.o;
    const ticket = await this.o.issuer.issue(areaId, priority);
    // The same function `motcua simulate` measures, so the accuracy it reports is the printed figure's.
    const { peopleAhead: ahead, estimatedWaitMinutes: wait } = ticketWaitEstimate(
      store.state,
      config,
      ticket.ticketId,
      this.o.clock.now(),
    );
    const bytes = this.render(ticket, priority, ahead, wait);
    const print = await this.o.printer.print(ticket.ticketId, bytes);
    return { ticket, print, peopleAhead: ahead, estimatedWaitMinutes: wait };
  }

  /** Prints a ticket again (torn or lost), unless it was voided. */
  async reprint(ticket: IssuedTicket, priority: string | null): Promise<PrintOutcome> {
    const { peopleAhead: ahead, estimatedWaitMinutes: wait } = ticketWaitEstimate(
      this.o.store.state,
      this.o.config,
      ticket.ticketId,
      this.o.clock.now(),
    );
    return this.o.printer.reprint(ticket.ticketId, this.render(ticket, priority, ahead, wait));
  }

  private render(
    ticket: IssuedTicket,
    priority: string | null,
    ahead: number,
    wait: number | null,
  ): Uint8Array {
    const { config } = this.o;
    const data = ticketDataFromConfig(config, {
      areaId: ticket.areaId,
      number: ticket.number,
      issuedAt: new Date(this.o.clock.now()),
      peopleAhead: ahead,
      estimatedWaitMinutes: wait,
      priorityCategoryId: priority ?? undefined,
      ticketId: ticket.ticketId,
    });
    const doc = layoutTicket(data, {
      width: config.ticket.paperWidth,
      profile: getProfile(config.ticket.profile),
      copies: config.ticket.copies,
    });
    return encodeTicket(doc);
  }
}
