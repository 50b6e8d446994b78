import { displayNumber as areaDisplayNumber, isKioskSeriesNumber } from '@motcua/shared/domain/numbering';
import type { CentreConfig } from '@motcua/shared/config';
import type { TicketData } from './ticket.js';

/**
 * Maps the centre's configuration plus one issued number to TicketData. Pure: the caller supplies the
 * issue time, the queue figures and the ticket id (the event store owns those).
 */
export class TicketInputError extends Error {
  constructor(
    readonly reason: 'unknown-area' | 'number-out-of-range' | 'unknown-priority',
    message: string,
  ) {
    super(message);
    this.name = 'TicketInputError';
  }
}

export interface IssuedNumber {
  readonly areaId: string;
  readonly number: number;
  readonly issuedAt: Date;
  readonly peopleAhead: number;
  /** Null: no counter serving the area is open (printed as "not known yet"). */
  readonly estimatedWaitMinutes: number | null;
  readonly priorityCategoryId?: string | undefined;
  /** Default: `<centre id>-<yyyyMMdd in the centre's zone>-<display number>`. */
  readonly ticketId?: string | undefined;
}

export function displayNumber(prefix: string, number: number): string {
  return `${prefix}${number}`;
}

function localDateStamp(at: Date, timeZone: string): string {
  // en-CA formats dates as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replace(/-/g, '');
}

/** Counters serving the area, those that serve it first before those that serve it later, then by number. */
export function countersFor(config: CentreConfig, areaId: string): string[] {
  return config.counters
    .filter((c) => c.areas.includes(areaId))
    .sort((a, b) => a.areas.indexOf(areaId) - b.areas.indexOf(areaId) || a.number - b.number)
    .map((c) => `Quầy ${c.number}`);
}

export function ticketDataFromConfig(config: CentreConfig, issued: IssuedNumber): TicketData {
  const area = config.areas.find((a) => a.id === issued.areaId);
  if (area === undefined)
    throw new TicketInputError(
      'unknown-area',
      `Area "${issued.areaId}" is not in the config (known: ${config.areas.map((a) => a.id).join(', ')})`,
    );
  const kioskSeries = isKioskSeriesNumber(issued.number);
  if (!kioskSeries && (issued.number < area.numberRange.from || issued.number > area.numberRange.to))
    throw new TicketInputError(
      'number-out-of-range',
      `Number ${issued.number} is outside area "${area.id}" range ${area.numberRange.from}-${area.numberRange.to}`,
    );
  let priorityLabel: string | undefined;
  if (issued.priorityCategoryId !== undefined) {
    const category = config.priorityCategories.find((p) => p.id === issued.priorityCategoryId);
    if (category === undefined)
      throw new TicketInputError(
        'unknown-priority',
        `Priority category "${issued.priorityCategoryId}" is not in the config`,
      );
    priorityLabel = `ƯU TIÊN: ${category.name}`;
  }
  // Kiosk-series numbers (issued offline after the leased blocks ran out) print with their kiosk mark.
  const shown = kioskSeries
    ? areaDisplayNumber(area, issued.number)
    : displayNumber(area.prefix, issued.number);
  const timeZone = config.centre.timeZone;
  const ticketId =
    issued.ticketId ?? `${config.centre.id}-${localDateStamp(issued.issuedAt, timeZone)}-${shown}`;
  const qr = config.ticket.qr;
  return {
    ticketId,
    centreName: config.centre.name,
    centreAddress: config.centre.address,
    centreHotline: config.centre.hotline,
    areaName: area.name,
    displayNumber: shown,
    priorityLabel,
    counters: countersFor(config, area.id),
    peopleAhead: issued.peopleAhead,
    estimatedWaitMinutes: issued.estimatedWaitMinutes,
    issuedAt: issued.issuedAt,
    timeZone,
    qrPayload:
      qr.kind === 'ticket-id' ? ticketId : qr.template.replace('{ticketId}', encodeURIComponent(ticketId)),
    footerLines: config.ticket.footer,
  };
}
