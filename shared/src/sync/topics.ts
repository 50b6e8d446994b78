/**
 * Every MQTT topic Một Cửa uses, who may publish on it, and every message schema (see the second half).
 *
 * This is the single place topic strings are built or parsed. Nothing else should concatenate
 * `motcua/v1/...` by hand: the Mosquitto ACL generator (`acl.ts`), an embedded broker's
 * authorisation hook and the hub's inbound checks all derive from the tables below, so a rule changed
 * here changes everywhere at once.
 *
 * Layout (all under `motcua/v1/{centreId}/`):
 *
 *   dev/{deviceId}/events      device → hub   batches of outbox events (QoS 1)
 *   dev/{deviceId}/ack         hub → device   retained durable high-water mark ("stored up to seq n")
 *   dev/{deviceId}/req/{kind}  device → hub   requests: issue | call | lease | catchup | rate | counter
 *   dev/{deviceId}/res         hub → device   responses (correlation id in the payload: Aedes is 3.1.1 only)
 *   dev/{deviceId}/health      device → hub   retained device health (the kiosk's printer), for the supervisor
 *   presence/{deviceId}        device         retained birth / last will, carrying a session epoch
 *   config                     hub            retained, versioned centre configuration
 *   catalogue                  hub            retained, versioned procedure catalogue (look-up terminals): the
 *                                             catalogue itself, or for one too big for a message a manifest
 *   catalogue/part/{i}         hub            retained part i of a big catalogue's JSON (published before its manifest)
 *   bus/events                 hub → all      stored events broadcast
 *   bus/state                  hub            retained snapshot / state hash
 *
 * Invariant: ids interpolated into a topic are validated against `[a-z0-9-]{1,40}`. That excludes
 * `+`, `#` and `/`, so user input can never widen a subscription or address another device's topics.
 * Builders throw (a programming error: the id should have been validated at the edge); parsers return
 * null (inbound data is untrusted and simply skipped).
 */

import { z } from 'zod';
import { TRANSFER_NOTE_MAX } from '../domain/events.js';
import { RATING_COMMENT_MAX, isStorableComment } from '../domain/comment.js';

export const TOPIC_ROOT = 'motcua/v1';

export const ROLES = ['hub', 'kiosk', 'counter', 'display', 'ratingpad', 'lookup'] as const;
export type Role = (typeof ROLES)[number];
export type DeviceRole = Exclude<Role, 'hub'>;
export const DEVICE_ROLES: readonly DeviceRole[] = ['kiosk', 'counter', 'display', 'ratingpad', 'lookup'];

export const REQUEST_KINDS = ['issue', 'call', 'lease', 'catchup', 'rate', 'counter'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Topic kinds, one per row of the layout above. */
export const TOPIC_KINDS = [
  'events',
  'ack',
  'req',
  'res',
  'health',
  'presence',
  'config',
  'catalogue',
  'cataloguePart',
  'busEvents',
  'busState',
] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface TopicSpec {
  /** Who publishes: the device that owns the topic, or the hub. */
  readonly publisher: 'owner' | 'hub';
  /** Whether publishers must set the retain flag (readers rely on getting the last value on subscribe). */
  readonly retained: boolean;
  /** Whether the topic names one device (`dev/{id}/...`, `presence/{id}`). */
  readonly perDevice: boolean;
}

export const TOPIC_SPECS: Readonly<Record<TopicKind, TopicSpec>> = {
  events: { publisher: 'owner', retained: false, perDevice: true },
  ack: { publisher: 'hub', retained: true, perDevice: true },
  req: { publisher: 'owner', retained: false, perDevice: true },
  res: { publisher: 'hub', retained: false, perDevice: true },
  health: { publisher: 'owner', retained: true, perDevice: true },
  presence: { publisher: 'owner', retained: true, perDevice: true },
  config: { publisher: 'hub', retained: true, perDevice: false },
  catalogue: { publisher: 'hub', retained: true, perDevice: false },
  cataloguePart: { publisher: 'hub', retained: true, perDevice: false },
  busEvents: { publisher: 'hub', retained: false, perDevice: false },
  busState: { publisher: 'hub', retained: true, perDevice: false },
};

export interface DevicePermissions {
  readonly scope: 'device';
  /** Request kinds the device may publish on its own `dev/{id}/req/{kind}`. */
  readonly requests: readonly RequestKind[];
  /**
   * May read every device's own `dev/+/events` (never their requests, answers or acks): the hall board and the
   * counter displays hear counters directly, so calls still show while the hub is down.
   */
  readonly hearsDevices?: boolean;
}
export interface HubPermissions {
  /** The hub reads and writes every topic under its centre. */
  readonly scope: 'centre';
}

/**
 * Besides the request kinds listed, every device may publish its own `events` and its own
 * `presence`, and read its own `ack` and `res`, `config`, `catalogue` and its parts, `bus/*` and everyone's `presence`.
 */
export const ROLE_PERMISSIONS: { readonly hub: HubPermissions } & {
  readonly [R in DeviceRole]: DevicePermissions;
} = {
  hub: { scope: 'centre' },
  kiosk: { scope: 'device', requests: ['issue', 'lease', 'catchup'] },
  counter: { scope: 'device', requests: ['call', 'counter', 'catchup'] },
  // The rating pad is also the citizen's counter display: it hears its counter's calls with the hub down.
  ratingpad: { scope: 'device', requests: ['rate', 'catchup'], hearsDevices: true },
  display: { scope: 'device', requests: ['catchup'], hearsDevices: true },
  lookup: { scope: 'device', requests: ['catchup'] },
};

/** Topic kinds a device publishes on its own topics (requests are further limited by role). */
export const DEVICE_PUBLISHES: readonly TopicKind[] = ['events', 'req', 'presence', 'health'];

const ID_PATTERN = /^[a-z0-9-]{1,40}$/;

/** Device ids double as broker usernames and topic levels: lowercase letters, digits, `-`; 1–40 chars. */
export function isDeviceId(s: unknown): s is string {
  return typeof s === 'string' && ID_PATTERN.test(s);
}

/** Centre ids follow the same rule as device ids. */
export function isCentreId(s: unknown): s is string {
  return isDeviceId(s);
}

export function isRequestKind(s: unknown): s is RequestKind {
  return typeof s === 'string' && (REQUEST_KINDS as readonly string[]).includes(s);
}

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

export class TopicIdError extends Error {
  readonly reason = 'invalid-topic-id';
  constructor(
    readonly field: 'centreId' | 'deviceId' | 'requestKind',
    readonly value: unknown,
  ) {
    super(`invalid ${field} for an MQTT topic: ${JSON.stringify(value)}`);
    this.name = 'TopicIdError';
  }
}

function centre(centreId: string): string {
  if (!isCentreId(centreId)) throw new TopicIdError('centreId', centreId);
  return `${TOPIC_ROOT}/${centreId}`;
}

function device(centreId: string, deviceId: string): string {
  if (!isDeviceId(deviceId)) throw new TopicIdError('deviceId', deviceId);
  return `${centre(centreId)}/dev/${deviceId}`;
}

export const eventsTopic = (centreId: string, deviceId: string): string =>
  `${device(centreId, deviceId)}/events`;
export const ackTopic = (centreId: string, deviceId: string): string => `${device(centreId, deviceId)}/ack`;
export const responseTopic = (centreId: string, deviceId: string): string =>
  `${device(centreId, deviceId)}/res`;
export const healthTopic = (centreId: string, deviceId: string): string =>
  `${device(centreId, deviceId)}/health`;

export function requestTopic(centreId: string, deviceId: string, kind: RequestKind): string {
  if (!isRequestKind(kind)) throw new TopicIdError('requestKind', kind);
  return `${device(centreId, deviceId)}/req/${kind}`;
}

export function presenceTopic(centreId: string, deviceId: string): string {
  if (!isDeviceId(deviceId)) throw new TopicIdError('deviceId', deviceId);
  return `${centre(centreId)}/presence/${deviceId}`;
}

export const configTopic = (centreId: string): string => `${centre(centreId)}/config`;
export const catalogueTopic = (centreId: string): string => `${centre(centreId)}/catalogue`;

/** Most parts a big catalogue may be cut into (MAX_CATALOGUE_BYTES in parts of at least 512 KiB). */
export const MAX_CATALOGUE_PARTS = 64;

export class TopicPartError extends Error {
  readonly reason = 'invalid-topic-id';
  constructor(readonly value: unknown) {
    super(`invalid catalogue part index: ${JSON.stringify(value)}`);
    this.name = 'TopicPartError';
  }
}

const isPartIndex = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < MAX_CATALOGUE_PARTS;

export function cataloguePartTopic(centreId: string, index: number): string {
  if (!isPartIndex(index)) throw new TopicPartError(index);
  return `${centre(centreId)}/catalogue/part/${index}`;
}
export const busEventsTopic = (centreId: string): string => `${centre(centreId)}/bus/events`;
export const busStateTopic = (centreId: string): string => `${centre(centreId)}/bus/state`;

/**
 * Subscription filters. Wildcards appear only here, built from constants; ids are still validated.
 */
export const filters = {
  /** Everything of one centre (the hub, the provincial bridge). */
  centre: (centreId: string): string => `${centre(centreId)}/#`,
  allDeviceEvents: (centreId: string): string => `${centre(centreId)}/dev/+/events`,
  allRequests: (centreId: string): string => `${centre(centreId)}/dev/+/req/+`,
  allPresence: (centreId: string): string => `${centre(centreId)}/presence/+`,
  allHealth: (centreId: string): string => `${centre(centreId)}/dev/+/health`,
  bus: (centreId: string): string => `${centre(centreId)}/bus/#`,
  catalogueParts: (centreId: string): string => `${centre(centreId)}/catalogue/part/+`,
} as const;

export type ParsedTopic =
  | {
      readonly kind: 'events' | 'ack' | 'res' | 'health' | 'presence';
      readonly centreId: string;
      readonly deviceId: string;
    }
  | {
      readonly kind: 'req';
      readonly centreId: string;
      readonly deviceId: string;
      readonly requestKind: RequestKind;
    }
  | { readonly kind: 'config' | 'catalogue' | 'busEvents' | 'busState'; readonly centreId: string }
  | { readonly kind: 'cataloguePart'; readonly centreId: string; readonly index: number };

/** Parses a concrete (wildcard-free) topic. Returns null for anything that is not exactly one of ours. */
export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  const [root, version, centreId, a, b, c, d, ...rest] = parts;
  if (`${root ?? ''}/${version ?? ''}` !== TOPIC_ROOT || !isCentreId(centreId) || rest.length > 0)
    return null;
  if (a === 'config' && b === undefined) return { kind: 'config', centreId };
  if (a === 'catalogue' && b === undefined) return { kind: 'catalogue', centreId };
  if (a === 'catalogue' && b === 'part' && d === undefined) {
    // Canonical decimal only ("01" is not part 1), so one part has exactly one topic.
    const index = c !== undefined && /^(0|[1-9][0-9]?)$/.test(c) ? Number(c) : -1;
    return isPartIndex(index) ? { kind: 'cataloguePart', centreId, index } : null;
  }
  if (a === 'bus' && c === undefined) {
    if (b === 'events') return { kind: 'busEvents', centreId };
    if (b === 'state') return { kind: 'busState', centreId };
    return null;
  }
  if (a === 'presence' && isDeviceId(b) && c === undefined)
    return { kind: 'presence', centreId, deviceId: b };
  if (a !== 'dev' || !isDeviceId(b)) return null;
  const deviceId = b;
  if (c === 'req') {
    return isRequestKind(d) ? { kind: 'req', centreId, deviceId, requestKind: d } : null;
  }
  if (d !== undefined) return null;
  if (c === 'events' || c === 'ack' || c === 'res' || c === 'health') return { kind: c, centreId, deviceId };
  return null;
}

/**
 * Whether a client of `role` logged in as `username` may publish on `topic` in `centreId`.
 * The same rule the generated Mosquitto ACL enforces; use it in an embedded broker's
 * authorizePublish hook so both brokers agree.
 */
export function mayPublish(role: Role, username: string, centreId: string, topic: string): boolean {
  const t = parseTopic(topic);
  if (t?.centreId !== centreId) return false;
  if (role === 'hub') return true;
  const perms = ROLE_PERMISSIONS[role];
  if (!('deviceId' in t) || t.deviceId !== username) return false;
  if (t.kind === 'req') return perms.requests.includes(t.requestKind);
  return DEVICE_PUBLISHES.includes(t.kind);
}

/** See `checkSender`: the broker's ACL already tied the topic to the authenticated user. */
export const ACL_ENFORCED: unique symbol = Symbol('acl-enforced');

export type SenderCheck =
  | { readonly ok: true; readonly deviceId: string; readonly topic: ParsedTopic }
  | {
      readonly ok: false;
      readonly reason:
        | 'unknown-topic'
        | 'not-device-topic'
        | 'wrong-centre'
        | 'payload-device-mismatch'
        | 'username-mismatch';
    };

/**
 * Consumer-side check for anything a device sends (events, requests, presence): the device named by
 * the topic, the device named in the payload and the broker identity must be the same device.
 *
 * `brokerUsername` is the authenticated username when the consumer knows it (an embedded broker's
 * hook does). Pass `ACL_ENFORCED` only when the messages come through a Mosquitto whose ACL was
 * generated by `acl.ts`: there, only user X can write `dev/X/...`, so the topic already is the
 * broker identity (MQTT 3.1.1 does not tell subscribers who published). It is a symbol, not a
 * string, so no username can ever be mistaken for it.
 */
export function checkSender(args: {
  readonly centreId: string;
  readonly topic: string;
  readonly payloadDeviceId: unknown;
  readonly brokerUsername: string | typeof ACL_ENFORCED;
}): SenderCheck {
  const t = parseTopic(args.topic);
  if (t === null) return { ok: false, reason: 'unknown-topic' };
  if (t.centreId !== args.centreId) return { ok: false, reason: 'wrong-centre' };
  if (!('deviceId' in t) || TOPIC_SPECS[t.kind].publisher !== 'owner') {
    return { ok: false, reason: 'not-device-topic' };
  }
  if (args.payloadDeviceId !== t.deviceId) return { ok: false, reason: 'payload-device-mismatch' };
  if (args.brokerUsername !== ACL_ENFORCED && args.brokerUsername !== t.deviceId) {
    return { ok: false, reason: 'username-mismatch' };
  }
  return { ok: true, deviceId: t.deviceId, topic: t };
}

// ---------------------------------------------------------------------------------------------------------
// Message schemas. Every inbound payload is parsed with these at the edge; a payload that does not parse is
// logged once and skipped. Requests and responses share one envelope: a request carries `requestId` (the
// idempotency key, also the correlation id: Aedes speaks MQTT 3.1.1 only, so nothing rides in MQTT 5
// properties) and the response echoes it.
// ---------------------------------------------------------------------------------------------------------

/** Largest payload the hub reads; anything larger is dropped unread (Mosquitto: message_size_limit). */
export const MAX_PAYLOAD_BYTES = 1_048_576;
/** Most events in one upload or catch-up page. */
export const MAX_BATCH = 500;

const deviceIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);
const requestIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/);

export const eventsMessage = z
  .object({ deviceId: deviceIdSchema, events: z.array(z.unknown()).max(MAX_BATCH) })
  .strict();
export const ackMessage = z.object({ deviceId: deviceIdSchema, seq: z.number().int().min(0) }).strict();
export const busEventsMessage = z.object({ events: z.array(z.unknown()).max(MAX_BATCH) }).strict();
export const presenceMessage = z
  .object({
    deviceId: deviceIdSchema,
    online: z.boolean(),
    /** Per-session epoch: a newer session's "online" is never overridden by an older session's will. */
    epoch: z.number().int().min(0),
    role: z.enum(ROLES).optional(),
  })
  .strict();
/** Printer states a kiosk reports (ticket-printer's PrinterState, plus 'unknown' before the first answer). */
export const PRINTER_HEALTH_STATES = [
  'unknown',
  'ready',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'offline',
  'no-answer',
  'disconnected',
] as const;
export const healthMessage = z
  .object({
    deviceId: deviceIdSchema,
    /** Device clock, ms epoch, when the state last changed. */
    since: z.number().int().min(0),
    printer: z.enum(PRINTER_HEALTH_STATES).optional(),
  })
  .strict();
export type HealthMessage = z.output<typeof healthMessage>;
export const configMessage = z.object({ revision: z.number().int().min(0), config: z.unknown() }).strict();
/** The procedure catalogue; `catalogue` is validated by the receiver with parseCatalogue (field-named errors). */
export const catalogueMessage = z
  .object({ revision: z.number().int().min(0), catalogue: z.unknown() })
  .strict();

/** Largest catalogue (its JSON, in bytes) a device assembles from parts: bounds a terminal's memory. */
export const MAX_CATALOGUE_BYTES = 32 * 1_048_576;
/**
 * Sent on `catalogue` instead of the catalogue when its message would exceed the packet limit: the catalogue's
 * JSON (UTF-8) is cut into `parts` retained messages on `catalogue/part/{i}`, published before this manifest.
 */
export const catalogueManifest = z
  .object({
    revision: z.number().int().min(0),
    parts: z.number().int().min(1).max(MAX_CATALOGUE_PARTS),
    bytes: z.number().int().min(1).max(MAX_CATALOGUE_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type CatalogueManifest = z.output<typeof catalogueManifest>;
/**
 * A part's payload is this header as one JSON line, a newline, then the part's raw bytes (no base64: a part
 * stays within the packet limit at its full size). The header ties the part to its revision, so a part of an
 * older catalogue still retained on the broker is never mixed into a newer one.
 */
export const cataloguePartHeader = z
  .object({
    revision: z.number().int().min(0),
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_CATALOGUE_PARTS - 1),
  })
  .strict();

const area = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const ticketIdSchema = z.string().max(140);

export const requestBodies = {
  issue: z.object({ areaId: area, priority: area.nullable(), needsPrint: z.boolean() }).strict(),
  call: z
    .object({
      counterId: area,
      action: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('next') }).strict(),
        z.object({ kind: z.literal('ticket'), ticketId: ticketIdSchema }).strict(),
        z.object({ kind: z.enum(['recall', 'start', 'no-show']) }).strict(),
        z.object({ kind: z.literal('finish'), dossierCode: z.string().max(60).nullable() }).strict(),
        z
          .object({
            kind: z.literal('transfer'),
            to: z.discriminatedUnion('kind', [
              z.object({ kind: z.literal('area'), areaId: area }).strict(),
              z.object({ kind: z.literal('counter'), counterId: area }).strict(),
            ]),
            toFront: z.boolean(),
            note: z.string().max(TRANSFER_NOTE_MAX).optional(),
          })
          .strict(),
        z.object({ kind: z.literal('hold'), reason: z.string().max(200) }).strict(),
        z.object({ kind: z.literal('return'), ticketId: ticketIdSchema }).strict(),
      ]),
    })
    .strict(),
  counter: z
    .object({
      counterId: area,
      action: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('open') }).strict(),
        z.object({ kind: z.literal('pause'), reason: z.string().min(1).max(200) }).strict(),
        z.object({ kind: z.literal('close') }).strict(),
        z.object({ kind: z.literal('login'), officerId: area }).strict(),
        z.object({ kind: z.literal('logout'), officerId: area }).strict(),
      ]),
    })
    .strict(),
  rate: z
    .object({
      counterId: area,
      ticketId: ticketIdSchema.nullable(),
      level: z.number().int().min(1).max(10),
      reasons: z.array(area).max(10),
      dossierCode: z.string().max(60).nullable(),
      /** Free text, cleaned by the pad before sending (domain/comment.ts); anything else is refused. */
      comment: z
        .string()
        .refine(isStorableComment, `must be cleaned text of 1-${RATING_COMMENT_MAX} characters`)
        .nullable()
        .optional(),
    })
    .strict(),
  lease: z.object({ areas: z.array(area).max(100), blocks: z.number().int().min(1).max(4) }).strict(),
  catchup: z
    .object({
      vector: z.record(deviceIdSchema, z.number().int().min(0)),
      limit: z.number().int().min(1).max(MAX_BATCH),
    })
    .strict(),
} as const satisfies Record<RequestKind, z.ZodType>;

export type RequestBody<K extends RequestKind> = z.output<(typeof requestBodies)[K]>;

export const requestEnvelope = z
  .object({
    deviceId: deviceIdSchema,
    requestId: requestIdSchema,
    body: z.unknown(),
    /**
     * Hub-clock time after which the device has stopped waiting (and may have acted offline instead). A request
     * delivered late, after a partition heals, is refused rather than carried out twice.
     */
    deadline: z.number().int().min(0).optional(),
    /**
     * The device's last own event when it asked. The hub answers only once it has stored all of them, so a
     * decision the device took alone while cut off is always known before the hub decides for it again.
     */
    after: z.number().int().min(0).optional(),
  })
  .strict();

export interface Lease {
  readonly day: string;
  readonly area: string;
  readonly first: number;
  readonly last: number;
}

/** A response without its correlation id. */
export type Reply =
  | { readonly ok: true; readonly result: ResponseResult }
  | { readonly ok: false; readonly reason: string; readonly message: string };

export type ResponseMessage = Reply & { readonly requestId: string };

export type ResponseResult =
  | {
      readonly kind: 'done';
      readonly ticketId: string | null;
      readonly eventIds: readonly string[];
      /** The events the request caused, so the requester has them at once (they also go on bus/events). */
      readonly events: readonly unknown[];
      readonly day: string;
      readonly hubTime: number;
    }
  | {
      readonly kind: 'leases';
      readonly leases: readonly Lease[];
      readonly day: string;
      readonly hubTime: number;
    }
  | {
      readonly kind: 'events';
      readonly events: readonly unknown[];
      readonly more: boolean;
      readonly hubTime: number;
    };

export const responseMessage = z
  .object({
    requestId: requestIdSchema,
    ok: z.boolean(),
    result: z.unknown().optional(),
    reason: z.string().optional(),
    message: z.string().optional(),
  })
  .strict();

/** Parses a payload as JSON within the size limit; null when it is not. Never throws. */
export function parsePayload(payload: Buffer | string): unknown {
  if (payload.length > MAX_PAYLOAD_BYTES) return null;
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
