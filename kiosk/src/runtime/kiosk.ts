/**
 * The kiosk's runtime: one call starts a kiosk (store, sync, the hub's clock, leases, printer) and returns the
 * DeviceApi its screen binds to. Two taps to a ticket: `take` issues the number (through the hub online, from the
 * kiosk's leased blocks or its own series offline), prints it and records the print; the result is a ticket only
 * when the paper is in the citizen's hand. Leases are topped up after every connect and periodically while online,
 * so the kiosk always holds numbers for the moment the hub goes away.
 */
import { z } from 'zod';
// Module paths, not the '@motcua/shared' barrel: the barrel also loads the look-up terminal's catalogue and
// search (MiniSearch), which a kiosk never uses (kiosk/test/module-graph.test.ts).
import type { CentreConfig } from '@motcua/shared/config/schema';
import { localTime } from '@motcua/shared/domain/business-day';
import { issuingWindow, type IssuingWindow } from '@motcua/shared/domain/hours';
import { displayNumber } from '@motcua/shared/domain/numbering';
import type { QueueState } from '@motcua/shared/domain/state';
import { estimatedWaitMinutes } from '@motcua/shared/domain/wait-estimate';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { asReason, fail, failure, ok, type DeviceReason } from '@motcua/shared/device/reasons';
import { openDevice, type DeviceStatus, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import { PrintService, type PrintServiceDeps } from '@motcua/ticket-printer/print-job';
import {
  STATUS_MESSAGES,
  blocksPrinting,
  type PrinterState,
  type StatusMessage,
} from '@motcua/ticket-printer/status';
import { TransportError } from '@motcua/ticket-printer/transport/types';
import { KioskError, KioskIssuer, type IssueSeries } from '../issuer.js';
import { StoreTicketJournal } from '../journal.js';
import { TicketFlow } from '../ticket-flow.js';

export interface KioskAreaView {
  readonly id: string;
  readonly departmentId: string;
  readonly name: string;
  readonly nameEn: string | null;
  /** Numbers of the counters serving the area (the ones to watch on the board). */
  readonly counters: readonly number[];
  /** "HH:MM" issuing stops, when that is within CLOSING_SOON_MIN minutes: said before the citizen taps. */
  readonly closingSoonAt: string | null;
  /** True when a ticket can be taken now. */
  readonly open: boolean;
  /** Why not, when closed. */
  readonly closedReason: 'centre-closed' | 'outside-hours' | 'issuing-stopped' | 'quota-reached' | null;
  /** "HH:MM" the current session closes (open) or the next one opens today (closed), else null. */
  readonly closesAt: string | null;
  readonly opensAt: string | null;
  readonly quota: number;
  readonly issued: number;
  readonly waiting: number;
  /** Minutes for a ticket taken now; null when no counter serving the area is open. */
  readonly estimatedWaitMinutes: number | null;
  /** Leased blocks in hand for offline issuing today. */
  readonly offlineBlocks: number;
}

export interface KioskTicket {
  readonly ticketId: string;
  readonly display: string;
  readonly number: number;
  readonly areaId: string;
  readonly series: IssueSeries;
  /** The business day the ticket was issued for (its event's day). */
  readonly day: string;
  readonly peopleAhead: number;
  readonly estimatedWaitMinutes: number | null;
  readonly priority: string | null;
  /** 'printed', or why the paper did not come out (the number is then voided or left unprinted). */
  readonly print: 'printed' | 'voided' | 'failed';
  /** A printer warning worth showing (paper near end). */
  readonly printWarning: StatusMessage | null;
}

export interface KioskView {
  /** Which page set the screen shows (the look-up terminal's view says 'lookup'). */
  readonly role: 'kiosk';
  readonly kioskId: string;
  readonly day: string;
  readonly hubOnline: boolean;
  /** Seconds without a tap before the screen goes back home (config `kiosks[].idleResetS`). */
  readonly idleResetS: number;
  readonly departments: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string | null;
  }[];
  readonly areas: readonly KioskAreaView[];
  readonly priorities: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string | null;
  }[];
  readonly printer: { readonly state: PrinterState | 'unknown'; readonly message: StatusMessage | null };
  readonly lastTicket: KioskTicket | null;
}

export interface KioskCommands {
  [k: string]: (arg: never) => Promise<Result<unknown>>;
  take(arg: { area: string; priority?: string | null }): Promise<Result<KioskTicket, DeviceReason>>;
  reprint(arg: { ticketId: string }): Promise<Result<{ attempts: number }, DeviceReason>>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const kioskCommandArgs = {
  take: z.object({ area: id, priority: id.nullable().optional() }).strict(),
  reprint: z.object({ ticketId: z.string().min(1).max(120) }).strict(),
} as const satisfies Record<keyof KioskCommands, z.ZodType>;

export type KioskOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> & {
  readonly kioskId: string;
  /** Defaults to the kiosk id. */
  readonly deviceId?: string;
  /** How the kiosk reaches its printer (opened per attempt), retries and the wait between them. */
  readonly printer: Pick<PrintServiceDeps, 'openTransport' | 'statusTimeoutMs' | 'retry'> & {
    readonly sleep?: (ms: number) => Promise<void>;
    /**
     * While the printer's state is unknown (start-up) or stops printing, it is asked for its status this often
     * (default 3 s), so the screen says so before anyone taps, and resumes by itself once paper is loaded.
     */
    readonly watchMs?: number;
  };
  /** Spare leased blocks per area (default 2). */
  readonly spareBlocks?: number;
  /** How long to wait for the hub before issuing offline (default 1.5 s). */
  readonly onlineTimeoutMs?: number;
  /** Lease top-up period while online (default 60 s). */
  readonly leaseRefreshMs?: number;
};

/** What a kiosk adds to the DeviceApi for its own process (the supervisor's tools, tests); not for screens. */
export interface KioskDevice extends DeviceApi<KioskView, KioskCommands> {
  status(): DeviceStatus;
  /** Tops up the leased blocks now; the number of blocks granted. */
  refreshLeases(): Promise<Result<number, DeviceReason>>;
}

/** An open area says "closing soon" this many minutes before issuing stops. */
export const CLOSING_SOON_MIN = 15;
const DEFAULT_IDLE_RESET_S = 30;

const hhmm = (minute: number | null): string | null =>
  minute === null
    ? null
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function areaView(
  config: CentreConfig,
  window: IssuingWindow,
  minuteOfDay: number,
  area: CentreConfig['areas'][number],
  core: { state: QueueState },
  offlineBlocks: number,
  nowMs: number,
): KioskAreaView {
  const s = core.state;
  const st = s.areas.get(area.id);
  const issued = st?.issued ?? 0;
  const waiting = s.waitingByArea.get(area.id)?.size ?? 0;
  const full = issued >= area.dailyQuota;
  const stopsAt = window.open ? window.closesAtMinute - config.hours.stopIssuingBeforeCloseMin : null;
  return {
    id: area.id,
    departmentId: area.departmentId,
    name: area.name,
    nameEn: area.nameEn ?? null,
    counters: config.counters.filter((c) => c.areas.includes(area.id)).map((c) => c.number),
    closingSoonAt:
      !full && stopsAt !== null && stopsAt - minuteOfDay <= CLOSING_SOON_MIN ? hhmm(stopsAt) : null,
    open: window.open && !full,
    closedReason: !window.open ? window.reason : full ? 'quota-reached' : null,
    closesAt: window.open ? hhmm(window.closesAtMinute) : null,
    opensAt: window.open ? null : hhmm(window.nextOpenMinute),
    quota: area.dailyQuota,
    issued,
    waiting,
    // The estimator printed on tickets, at the kiosk's clock (busy counters' time left, breaks, arrivals).
    estimatedWaitMinutes: estimatedWaitMinutes(s, config, area.id, waiting, nowMs),
    offlineBlocks,
  };
}

export function startKiosk(o: KioskOptions): KioskDevice {
  const core = openDevice({ ...o, role: 'kiosk', deviceId: o.deviceId ?? o.kioskId });
  const { config, store, sync, clock } = core;
  const log = core.logger.child(`kiosk:${o.kioskId}`);
  const issuer = new KioskIssuer({
    kioskId: o.kioskId,
    config,
    store,
    sync,
    clock,
    logger: core.logger,
    ...(o.spareBlocks === undefined ? {} : { spareBlocks: o.spareBlocks }),
    onlineTimeoutMs: o.onlineTimeoutMs ?? 1_500,
  });
  let printerState: PrinterState | 'unknown' = 'unknown';
  const printer = new PrintService({
    journal: new StoreTicketJournal(store, () => {
      sync.flush();
      core.changed();
    }),
    openTransport: o.printer.openTransport,
    sleep: o.printer.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    statusTimeoutMs: o.printer.statusTimeoutMs,
    retry: o.printer.retry,
    onStatus: (s) => {
      setPrinterState(s);
    },
  });
  const setPrinterState = (s: PrinterState): void => {
    if (s === printerState) return;
    printerState = s;
    // The supervisor hears it over the bus (dev/{id}/health, retained): out of paper, cover open, near end…
    sync.setHealth({ since: clock.now(), printer: s });
    core.changed();
  };
  // Status only, never print data; skipped while a ticket is being taken (that job asks the printer itself).
  let takesInFlight = 0;
  let checking = false;
  const checkPrinter = async (): Promise<void> => {
    if (checking || takesInFlight > 0 || core.isStopped()) return;
    checking = true;
    try {
      const t = await o.printer.openTransport();
      try {
        const st = await t.queryStatus(o.printer.statusTimeoutMs ?? 1_000);
        if (takesInFlight === 0) setPrinterState(st.state);
      } finally {
        await t.close();
      }
    } catch (e) {
      if (e instanceof TransportError) setPrinterState('disconnected');
      else log.warn('printer status check failed', { error: (e as Error).message });
    } finally {
      checking = false;
    }
  };
  const printerTimer = setInterval(() => {
    if (printerState === 'unknown' || blocksPrinting(printerState)) void checkPrinter();
  }, o.printer.watchMs ?? 3_000);
  printerTimer.unref();
  void checkPrinter();
  const flow = new TicketFlow({ config, store, issuer, printer, clock });
  const offered = new Set(
    config.kiosks.find((k) => k.id === o.kioskId)?.areas ?? config.areas.map((a) => a.id),
  );
  let lastTicket: KioskTicket | null = null;

  const refreshLeases = async (): Promise<Result<number, DeviceReason>> => {
    if (core.isStopped()) return fail('stopped', 'the kiosk is stopping');
    try {
      const n = await issuer.refreshLeases();
      if (n > 0) core.changed();
      return ok(n);
    } catch (e) {
      return failure(e);
    }
  };
  // Top up after every connect (the first answer also sets the clock) and periodically while online.
  let refreshing = false;
  const topUp = (): void => {
    if (refreshing || core.isStopped() || !sync.connected) return;
    refreshing = true;
    void refreshLeases()
      .then((r) => {
        if (!r.ok && r.reason !== 'stopped') log.warn('lease top-up failed', { reason: r.reason });
      })
      .finally(() => (refreshing = false));
  };
  const offConn = core.connection((c) => {
    if (c.hub === 'online') topUp();
  });
  const leaseTimer = setInterval(topUp, o.leaseRefreshMs ?? 60_000);
  leaseTimer.unref();
  // Opening hours change what the home page says (closing soon, closed) with no event: look every 10 s.
  let windowKey = '';
  const windowTimer = setInterval(() => {
    const v = view();
    // Everything the home page's notes say: closed for another reason or opening at another time is news too.
    const key = v.areas
      .map((a) => `${a.open}${a.closingSoonAt ?? ''}${a.closedReason ?? ''}${a.opensAt ?? ''}`)
      .join();
    if (key !== windowKey) {
      windowKey = key;
      core.changed();
    }
  }, 10_000);
  windowTimer.unref();

  const kioskConfig = config.kiosks.find((k) => k.id === o.kioskId);
  const view = (): KioskView => {
    const now = clock.now();
    const window = issuingWindow(config, now);
    const minute = localTime(now, config.centre.timeZone).minuteOfDay;
    const areas = config.areas.filter((a) => offered.has(a.id));
    return {
      role: 'kiosk',
      kioskId: o.kioskId,
      day: store.day,
      hubOnline: sync.connected,
      idleResetS: kioskConfig?.idleResetS ?? DEFAULT_IDLE_RESET_S,
      departments: config.departments
        .filter((d) => areas.some((a) => a.departmentId === d.id))
        .map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn ?? null })),
      areas: areas.map((a) => areaView(config, window, minute, a, store, issuer.unusedBlocks(a.id), now)),
      priorities: config.priorityCategories.map((p) => ({
        id: p.id,
        name: p.name,
        nameEn: p.nameEn ?? null,
      })),
      printer: {
        state: printerState,
        message: printerState === 'unknown' ? null : STATUS_MESSAGES[printerState],
      },
      lastTicket,
    };
  };

  const commands: KioskCommands = {
    async take({ area, priority }) {
      if (core.isStopped()) return fail('stopped', 'the kiosk is stopping');
      if (!offered.has(area)) return fail('unknown-area', `area ${area} is not offered at this kiosk`);
      takesInFlight++;
      try {
        const r = await flow.take(area, priority ?? null);
        core.changed();
        const p = r.print;
        const t: KioskTicket = {
          ticketId: r.ticket.ticketId,
          display: r.ticket.display,
          number: r.ticket.number,
          areaId: r.ticket.areaId,
          series: r.ticket.series,
          day: store.ticketIssueDay(r.ticket.ticketId) ?? store.day,
          peopleAhead: r.peopleAhead,
          estimatedWaitMinutes: r.estimatedWaitMinutes,
          priority: priority ?? null,
          print: p.status,
          printWarning: p.status === 'printed' ? (p.warning ?? null) : null,
        };
        lastTicket = t;
        if (p.status === 'printed') return ok(t);
        return fail(`printer-${p.reason}`, `${p.message.vi} (${p.message.en})`);
      } catch (e) {
        if (e instanceof KioskError) return fail(asReason(e.reason), e.message);
        return failure(e);
      } finally {
        takesInFlight--;
      }
    },
    async reprint({ ticketId }) {
      if (core.isStopped()) return fail('stopped', 'the kiosk is stopping');
      const t = store.state.tickets.get(ticketId);
      const area = config.areas.find((a) => a.id === t?.areaId);
      if (!t || !area) return fail('unknown-ticket', `unknown ticket ${ticketId}`);
      const issued = lastTicket?.ticketId === ticketId ? lastTicket : null;
      try {
        const p = await flow.reprint(
          {
            ticketId,
            number: t.number,
            display: displayNumber(area, t.number),
            areaId: t.areaId,
            series: issued?.series ?? 'hub',
          },
          t.priority,
        );
        if (p.status === 'printed') return ok({ attempts: p.attempts });
        return fail(`printer-${p.reason}`, `${p.message.vi} (${p.message.en})`);
      } catch (e) {
        return failure(e);
      }
    },
  };

  const api = bindDevice({
    core,
    role: 'kiosk',
    view,
    commands,
    beforeStop: () => {
      offConn();
      clearInterval(leaseTimer);
      clearInterval(windowTimer);
      clearInterval(printerTimer);
    },
  });
  return { ...api, status: () => core.status(), refreshLeases };
}
