/**
 * The kiosk's ticket issuing, online and offline.
 *
 * Online, the hub numbers the ticket (one transaction, consecutive numbers per area). When the hub cannot be
 * reached, the kiosk issues from number blocks leased to it in advance, and when those run out, from its own
 * marked series; both are reserved for this kiosk alone, so no two devices ever use one number. The business
 * day comes from the hub's clock (SyncedClock), and offline issuing happens only for the day the leases were
 * granted for: a kiosk whose clock is wrong refuses rather than issue for the wrong day.
 */
// Module paths, not the '@motcua/shared' barrel: the barrel also loads the look-up terminal's catalogue and
// search (MiniSearch), which a kiosk never uses (kiosk/test/module-graph.test.ts).
import type { CentreConfig } from '@motcua/shared/config/schema';
import { issueTicket } from '@motcua/shared/domain/commands';
import { displayNumber, nextKioskSeriesNumber, nextLeasedNumber } from '@motcua/shared/domain/numbering';
import type { Clock } from '@motcua/shared/runtime/clock';
import type { Logger } from '@motcua/shared/runtime/logger';
import type { EventStore } from '@motcua/shared/store/event-store';
import { mayActOffline } from '@motcua/shared/device/reasons';
import { RequestError, type DeviceSync } from '@motcua/shared/sync/device-sync';

export type IssueSeries = 'hub' | 'lease' | 'kiosk';

export interface IssuedTicket {
  readonly ticketId: string;
  readonly number: number;
  readonly display: string;
  readonly areaId: string;
  readonly series: IssueSeries;
}

export class KioskError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }
}

export interface KioskIssuerOptions {
  readonly kioskId: string;
  readonly config: CentreConfig;
  readonly store: EventStore;
  readonly sync: DeviceSync;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Spare blocks per area kept in hand for offline issuing. */
  readonly spareBlocks?: number;
  /** How long to wait for the hub before issuing offline. */
  readonly onlineTimeoutMs?: number;
}

export class KioskIssuer {
  private readonly log: Logger;

  constructor(private readonly o: KioskIssuerOptions) {
    this.log = o.logger.child('issuer');
  }

  private areas(): string[] {
    const k = this.o.config.kiosks.find((x) => x.id === this.o.kioskId);
    return k?.areas ?? this.o.config.areas.map((a) => a.id);
  }

  /** Leases (and stores) enough blocks so that each area has `spareBlocks` unused ones for today. */
  async refreshLeases(): Promise<number> {
    const store = this.o.store;
    store.rollDay();
    const want = this.o.spareBlocks ?? 2;
    const short = this.areas().filter((a) => this.unusedBlocks(a) < want);
    if (short.length === 0) return 0;
    const r = await this.o.sync.request('lease', { areas: short, blocks: want });
    if (r.kind !== 'leases') return 0;
    store.transaction(() => {
      for (const l of r.leases) {
        if (!store.leases(l.day).some((x) => x.area === l.area && x.first === l.first))
          store.addLease(l.day, l.area, this.o.kioskId, l.first, l.last);
      }
    });
    return r.leases.length;
  }

  private myLeases(day: string): { area: string; first: number; last: number }[] {
    return this.o.store.leases(day).filter((l) => l.kiosk === this.o.kioskId);
  }

  /** Leased blocks of today for this area not yet started: numbers in hand for offline issuing. */
  unusedBlocks(area: string): number {
    const s = this.o.store.state;
    const used = s.numbers.get(area);
    return this.myLeases(s.day).filter((b) => b.area === area && !used?.has(b.first)).length;
  }

  async issue(areaId: string, priority: string | null): Promise<IssuedTicket> {
    const area = this.o.config.areas.find((a) => a.id === areaId);
    if (!area) throw new KioskError('unknown-area', `unknown area ${areaId}`);
    try {
      const r = await this.o.sync.request(
        'issue',
        { areaId, priority, needsPrint: true },
        undefined,
        this.o.onlineTimeoutMs ?? 1500,
      );
      if (r.kind === 'done' && r.ticketId !== null) {
        const t = this.o.store.state.tickets.get(r.ticketId);
        const number = t?.number ?? Number(r.ticketId.split(':').pop());
        return { ticketId: r.ticketId, number, display: displayNumber(area, number), areaId, series: 'hub' };
      }
      throw new KioskError('bad-response', 'the hub answered without a ticket');
    } catch (e) {
      // The one rule shared with the counter (reasons.ts): never decide alone while the hub might still decide.
      if (!(e instanceof RequestError) || !mayActOffline(e.reason))
        throw e instanceof RequestError ? new KioskError(e.reason, e.message) : e;
      this.log.info('hub unreachable: issuing offline', { reason: e.reason });
      return this.issueOffline(areaId, priority);
    }
  }

  private issueOffline(areaId: string, priority: string | null): IssuedTicket {
    const area = this.o.config.areas.find((a) => a.id === areaId)!;
    const store = this.o.store;
    store.rollDay();
    const day = store.day;
    const blocks = this.myLeases(day);
    if (blocks.length === 0) {
      // No lease for the day our clock says it is: either the clock is wrong or we never reached the hub today.
      throw new KioskError(
        'no-lease-for-day',
        `no numbers reserved for ${day}: the hub must be reached first`,
      );
    }
    let series: IssueSeries = 'lease';
    let number = nextLeasedNumber(store.state, areaId, blocks);
    if (number === null) {
      series = 'kiosk';
      number = nextKioskSeriesNumber(store.state, this.o.config, this.o.kioskId, areaId);
    }
    if (number === null) throw new KioskError('range-exhausted', 'no offline numbers left');
    const n = number;
    const r = store.commit((s) =>
      issueTicket(
        s,
        this.o.config,
        { areaId, priority, kioskId: this.o.kioskId, needsPrint: true, number: n, series },
        this.o.clock.now(),
      ),
    );
    if (!r.ok) throw new KioskError(r.reason, r.message);
    this.o.sync.flush();
    return { ticketId: r.ticketId!, number: n, display: displayNumber(area, n), areaId, series };
  }
}
