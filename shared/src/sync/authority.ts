/**
 * Which events a device may write, by role: the rule both the hub (for every event a device uploads) and every
 * device (for every event it receives) apply, so a forged event is refused everywhere. It sits next to the
 * topics' role table (`ROLE_PERMISSIONS` in topics.ts): that one says what a device may *ask*, this one what it
 * may *write itself* (offline, or locally like a print outcome). Everything the hub decides online is written
 * by the hub under its own device id.
 *
 * Pure: no I/O, no clock. State is consulted only through `ticketKiosk`, and only to refuse: an unknown ticket
 * is let through (events may arrive out of order; the queue rules decide), a known one must be the kiosk's.
 */
import { EVENT_TYPES, type EventType, type QueueEvent } from '../domain/events.js';
import type { Role } from './topics.js';

/** Events a device of each role may write under its own device id. */
export const EVENT_AUTHORITY: Readonly<Record<Role, readonly EventType[]>> = {
  hub: EVENT_TYPES,
  /** A kiosk issues its own tickets (leased blocks, its offline series) and records their printing. */
  kiosk: ['ticket.issued', 'ticket.printed', 'ticket.print_failed', 'ticket.voided'],
  /** A counter panel calls and serves at its own counter, opens and closes it, logs its officer in and out. */
  counter: [
    'ticket.called',
    'ticket.recalled',
    'ticket.started',
    'ticket.finished',
    'ticket.no_show',
    'ticket.transferred',
    'ticket.held',
    'ticket.returned',
    'counter.opened',
    'counter.paused',
    'counter.closed',
    'officer.logged_in',
    'officer.logged_out',
  ],
  /** A rating pad rates at its own counter (the queue rules check the ticket was finished there). */
  ratingpad: ['rating.given'],
  display: [],
  lookup: [],
};

/** Who wrote an event, as the centre's configuration knows it. */
export interface Author {
  readonly role: Role;
  /** For counter panels and rating pads: the counter they belong to. */
  readonly counterId?: string;
}

/**
 * `open`: the configuration lists no devices (tests, benches), so roles are unknown and every device is
 * trusted for every event; `null`: a device the list does not have.
 */
export type AuthorLookup = (deviceId: string) => Author | 'open' | null;

/** The author lookup of a configuration's device list. */
export function authorsOf(config: {
  readonly devices: readonly { readonly id: string; readonly role: Role; readonly counterId?: string }[];
}): AuthorLookup {
  const byId = new Map<string, Author>(
    config.devices.map((d) => [
      d.id,
      d.counterId === undefined ? { role: d.role } : { role: d.role, counterId: d.counterId },
    ]),
  );
  const open = byId.size === 0;
  return (id) => (id === 'hub' ? { role: 'hub' } : (byId.get(id) ?? (open ? 'open' : null)));
}

export type AuthorityReason = 'unknown-device' | 'role-forbids' | 'not-own-counter' | 'not-own-ticket';
export type AuthorityCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: AuthorityReason; readonly message: string };

const OK: AuthorityCheck = { ok: true };

/** Whether `author` may have written `e` (already validated as an event). */
export function authorise(
  author: Author | 'open' | null,
  e: QueueEvent,
  ticketKiosk: (ticketId: string) => string | undefined = () => undefined,
): AuthorityCheck {
  if (author === 'open') return OK;
  if (author === null)
    return { ok: false, reason: 'unknown-device', message: `${e.device} is not a device of this centre` };
  if (!EVENT_AUTHORITY[author.role].includes(e.type))
    return { ok: false, reason: 'role-forbids', message: `a ${author.role} may not write ${e.type}` };
  if (author.role === 'hub') return OK;
  if (e.type === 'ticket.issued') {
    if (e.data.kioskId !== e.device || e.data.series === 'hub')
      return { ok: false, reason: 'not-own-ticket', message: `${e.device} issued as ${e.data.kioskId}` };
    return OK;
  }
  if (e.type === 'ticket.printed' || e.type === 'ticket.print_failed' || e.type === 'ticket.voided') {
    const kiosk = ticketKiosk(e.data.ticketId);
    if (kiosk !== undefined && kiosk !== e.device)
      return { ok: false, reason: 'not-own-ticket', message: `${e.data.ticketId} was issued for ${kiosk}` };
    return OK;
  }
  // Every other event a device may write names a counter: it must be the device's own.
  const counterId = (e.data as { counterId?: string }).counterId;
  if (author.counterId === undefined || counterId !== author.counterId)
    return {
      ok: false,
      reason: 'not-own-counter',
      message: `${e.device} (counter ${author.counterId ?? 'none'}) wrote ${e.type} for counter ${String(counterId)}`,
    };
  return OK;
}
