/**
 * Every state change in the centre is an event. An event is identified by (device, seq): the device that
 * wrote it and that device's contiguous sequence number; it is stamped with a hybrid logical clock (hlc) whose
 * order is the order in which the queue folds events. `day` is the business day the event belongs to.
 */
import { z } from 'zod';
import { RATING_COMMENT_MAX, isStorableComment } from './comment.js';
import { decodeHlc } from './hlc.js';

export const EVENT_VERSION = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const ticketId = z.string().regex(/^[a-z0-9-]{1,40}:\d{4}-\d{2}-\d{2}:[a-z0-9-]{1,40}:\d{1,6}$/);
const reason = z.string().max(200);
/** Longest note an officer may send with a transfer (a line for the receiving counter, not a dossier). */
export const TRANSFER_NOTE_MAX = 140;

const ticketRef = { ticketId, counterId: id };

export const eventDataSchemas = {
  'ticket.issued': z
    .object({
      ticketId,
      areaId: id,
      number: z.number().int().min(1).max(99_999),
      priority: id.nullable(),
      kioskId: id,
      /** Paper tickets must be printed before they can be called; online/phone tickets need no print. */
      needsPrint: z.boolean(),
      /** Which number series produced it: the hub's, a leased block, or a kiosk's offline series. */
      series: z.enum(['hub', 'lease', 'kiosk', 'local']),
    })
    .strict(),
  'ticket.printed': z.object({ ticketId, copies: z.number().int().min(1).max(2) }).strict(),
  'ticket.print_failed': z.object({ ticketId, reason }).strict(),
  'ticket.voided': z.object({ ticketId, reason }).strict(),
  'ticket.called': z.object({ ...ticketRef, officerId: id.nullable() }).strict(),
  'ticket.recalled': z.object(ticketRef).strict(),
  'ticket.started': z.object(ticketRef).strict(),
  'ticket.finished': z.object({ ...ticketRef, dossierCode: z.string().max(60).nullable() }).strict(),
  'ticket.no_show': z.object(ticketRef).strict(),
  'ticket.transferred': z
    .object({
      ...ticketRef,
      to: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('area'), areaId: id }).strict(),
        z.object({ kind: z.literal('counter'), counterId: id }).strict(),
      ]),
      toFront: z.boolean(),
      /** Optional: a short note for the receiving counter, shown on its panel with the ticket. */
      note: z.string().trim().min(1).max(TRANSFER_NOTE_MAX).optional(),
    })
    .strict(),
  'ticket.held': z.object({ ...ticketRef, reason }).strict(),
  'ticket.returned': z.object(ticketRef).strict(),
  'ticket.cancelled': z.object({ ticketId, reason }).strict(),
  'counter.opened': z.object({ counterId: id }).strict(),
  'counter.paused': z.object({ counterId: id, reason: z.string().min(1).max(200) }).strict(),
  'counter.closed': z.object({ counterId: id }).strict(),
  'officer.logged_in': z.object({ officerId: id, counterId: id }).strict(),
  'officer.logged_out': z.object({ officerId: id, counterId: id }).strict(),
  'rating.given': z
    .object({
      counterId: id,
      ticketId: ticketId.nullable(),
      level: z.number().int().min(1).max(10),
      reasons: z.array(id).max(10),
      dossierCode: z.string().max(60).nullable(),
      /** Free text from the citizen, already cleaned (comment.ts); absent when none was left. */
      comment: z
        .string()
        .refine(isStorableComment, `must be cleaned text of 1-${RATING_COMMENT_MAX} characters`)
        .optional(),
    })
    .strict(),
} as const;

export type EventType = keyof typeof eventDataSchemas;
export type EventData<T extends EventType> = z.output<(typeof eventDataSchemas)[T]>;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];

interface EnvelopeBase {
  readonly v: number;
  /** `${device}:${seq}` */
  readonly id: string;
  readonly device: string;
  readonly seq: number;
  readonly hlc: string;
  /** Business day, yyyy-MM-dd in the centre's zone. */
  readonly day: string;
}

export type QueueEvent = {
  [T in EventType]: EnvelopeBase & { readonly type: T; readonly data: EventData<T> };
}[EventType];

export type EventOf<T extends EventType> = Extract<QueueEvent, { type: T }>;

/** An intent's event before the store gives it an identity. */
export type EventDraft = { [T in EventType]: { readonly type: T; readonly data: EventData<T> } }[EventType];

const envelopeSchema = z
  .object({
    v: z.number().int().min(1),
    id: z.string(),
    device: id,
    seq: z.number().int().min(1),
    hlc: z.string(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    type: z.string(),
    data: z.unknown(),
  })
  .strict();

export type EventValidation =
  | { readonly ok: true; readonly event: QueueEvent }
  /** A well-formed envelope of a newer version or unknown type: keep it, defer it, never drop it. */
  | { readonly ok: false; readonly reason: 'unknown-version' | 'unknown-type'; readonly message: string }
  | { readonly ok: false; readonly reason: 'invalid-event'; readonly message: string };

function isEventType(t: string): t is EventType {
  return Object.hasOwn(eventDataSchemas, t);
}

/** Validates untrusted input as an event. Never throws. */
export function validateEvent(input: unknown): EventValidation {
  const env = envelopeSchema.safeParse(input);
  if (!env.success) {
    const i = env.error.issues[0];
    return {
      ok: false,
      reason: 'invalid-event',
      message: `${i?.path.join('.') ?? ''}: ${i?.message ?? 'invalid'}`,
    };
  }
  const e = env.data;
  if (e.id !== `${e.device}:${e.seq}`)
    return { ok: false, reason: 'invalid-event', message: 'id is not device:seq' };
  const h = decodeHlc(e.hlc);
  if (!h || h.node !== e.device)
    return { ok: false, reason: 'invalid-event', message: 'hlc is malformed or not the device' };
  if (e.v > EVENT_VERSION) return { ok: false, reason: 'unknown-version', message: `event version ${e.v}` };
  if (!isEventType(e.type)) return { ok: false, reason: 'unknown-type', message: `event type ${e.type}` };
  const data = eventDataSchemas[e.type].safeParse(e.data);
  if (!data.success) {
    const i = data.error.issues[0];
    return {
      ok: false,
      reason: 'invalid-event',
      message: `${e.type} data.${i?.path.join('.') ?? ''}: ${i?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, event: { ...e, type: e.type, data: data.data } as QueueEvent };
}

/** The total order in which events are folded: by hlc, then by id (hlc embeds the device, so ties are rare). */
export function compareEvents(a: QueueEvent, b: QueueEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export function hlcMs(e: { hlc: string }): number {
  return Number(e.hlc.slice(0, 15));
}

/** Ticket ids are readable and unique across the centre: centre:day:area:number. */
export function makeTicketId(centreId: string, day: string, areaId: string, number: number): string {
  return `${centreId}:${day}:${areaId}:${number}`;
}
