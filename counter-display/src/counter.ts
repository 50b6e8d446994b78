/**
 * The officer's calling panel, as plain Node logic (the screen and the USB keypad drive it).
 *
 * Online, every action is a request to the hub, which assigns "call next" atomically. When the hub cannot be
 * reached, the counter keeps working where that is safe without coordination:
 * - it can serve a number the citizen shows on paper (a ticket it already knows), and
 * - it can keep calling "next" in the areas that no other counter serves;
 * and it can finish, recall, or mark a no-show on what it is serving. Everything is written to the counter's
 * own SQLite and merged on reconnect; if another counter called the same ticket meanwhile, the queue rules
 * decide deterministically which call stands, and the other is reported to the supervisor as a conflict.
 */
import {
  actOnCurrent,
  callNext,
  callTicket,
  makeTicketId,
  parseConfig,
  type CentreConfig,
  type CommandResult,
  type EventStore,
  type Logger,
  type QueueState,
} from '@motcua/shared';
import { RequestError, type DeviceSync } from '@motcua/shared/sync/device-sync';

export class CounterError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'CounterError';
  }
}

export interface CounterOutcome {
  readonly ticketId: string | null;
  /** Whether the hub decided (online) or the counter alone (offline, merged later). */
  readonly mode: 'online' | 'offline';
}

export interface CounterPanelOptions {
  readonly counterId: string;
  readonly config: CentreConfig;
  readonly store: EventStore;
  readonly sync: DeviceSync;
  readonly logger: Logger;
  readonly onlineTimeoutMs?: number;
}

type Action = 'next' | 'recall' | 'start' | 'finish' | 'no-show';

/** Areas that only this counter serves: calling their head offline cannot collide with another counter. */
export function soleAreas(config: CentreConfig, counterId: string): string[] {
  const mine = config.counters.find((c) => c.id === counterId)?.areas ?? [];
  return mine.filter((a) => config.counters.every((c) => c.id === counterId || !c.areas.includes(a)));
}

export class CounterPanel {
  private readonly log: Logger;
  private readonly soloConfig: CentreConfig;

  constructor(private readonly o: CounterPanelOptions) {
    this.log = o.logger.child(`counter:${o.counterId}`);
    // The same centre, but this counter serving only its sole areas: what "next" may take while offline.
    this.soleServed = soleAreas(o.config, o.counterId);
    this.soloConfig =
      this.soleServed.length === 0
        ? o.config
        : parseConfig({
            ...o.config,
            counters: o.config.counters.map((c) =>
              c.id === o.counterId ? { ...c, areas: [...this.soleServed] } : c,
            ),
          });
  }

  private readonly soleServed: readonly string[];

  async act(action: Action, dossierCode: string | null = null): Promise<CounterOutcome> {
    const counterId = this.o.counterId;
    const body =
      action === 'next'
        ? { counterId, action: { kind: 'next' as const } }
        : action === 'finish'
          ? { counterId, action: { kind: 'finish' as const, dossierCode } }
          : { counterId, action: { kind: action } };
    return this.online(body, () => this.offline(action, dossierCode));
  }

  /** Serves the ticket whose number the citizen shows (area + number printed on the paper). */
  async callPaper(areaId: string, number: number): Promise<CounterOutcome> {
    const ticketId = makeTicketId(this.o.config.centre.id, this.o.store.day, areaId, number);
    return this.online({ counterId: this.o.counterId, action: { kind: 'ticket', ticketId } }, () =>
      this.local((s) => callTicket(s, this.o.config, this.o.counterId, ticketId)),
    );
  }

  private async online(
    body: Parameters<DeviceSync['request']>[1] & { counterId: string },
    offline: () => CounterOutcome,
  ): Promise<CounterOutcome> {
    try {
      const r = await this.o.sync.request('call', body as never, undefined, this.o.onlineTimeoutMs ?? 1500);
      return { ticketId: r.kind === 'done' ? r.ticketId : null, mode: 'online' };
    } catch (e) {
      if (e instanceof RequestError && (e.reason === 'offline' || e.reason === 'no-answer')) {
        this.log.info('hub unreachable: acting offline', { reason: e.reason });
        return offline();
      }
      if (e instanceof RequestError) throw new CounterError(e.reason, e.message);
      throw e;
    }
  }

  private offline(action: Action, dossierCode: string | null): CounterOutcome {
    if (action === 'next') {
      if (this.soleServed.length === 0)
        throw new CounterError(
          'needs-hub',
          'every area of this counter is shared: call the next number when online, or serve a paper ticket',
        );
      return this.local((s) => callNext(s, this.soloConfig, this.o.counterId));
    }
    return this.local((s) => actOnCurrent(s, this.o.counterId, action, dossierCode));
  }

  private local(decide: (s: QueueState) => CommandResult): CounterOutcome {
    const r = this.o.store.commit(decide);
    if (!r.ok) throw new CounterError(r.reason, r.message);
    this.o.sync.flush();
    return { ticketId: r.ticketId, mode: 'offline' };
  }
}
