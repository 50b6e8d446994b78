/**
 * The centre's configuration: one versioned schema that also supplies the defaults. Every device and the hub
 * read the same document; `parseConfig` turns any input into a typed config or a ConfigError that names the
 * field and says what is wrong.
 */
import { z } from 'zod';
import { isValidTimeZone, parseClock } from './time-format.js';
import { boardSchema, defaultBoardConfig } from './board.js';
import { defaultVoiceConfig, voiceSchema } from './voice.js';
import { dashboardSchema, defaultDashboardConfig } from './dashboard.js';
import { counterPanelSchema, defaultCounterPanelConfig } from './counter-panel.js';

export const CONFIG_SCHEMA_VERSION = 1;

/**
 * Numbers from here up belong to the kiosks' offline series (domain/numbering.ts): kiosk i (0-based, in the
 * order of `kiosks`) owns KIOSK_SERIES_BASE + i × KIOSK_SERIES_SIZE + 1 … + KIOSK_SERIES_SIZE − 1. No area's
 * range may reach into them, and there are at most MAX_KIOSKS kiosks, so the last series ends at 99999, the
 * largest number a ticket carries. They are declared here, not in the domain, because config/ never imports
 * domain/.
 */
export const KIOSK_SERIES_BASE = 90_000;
export const KIOSK_SERIES_SIZE = 200;
export const MAX_KIOSKS = 50;
const highestAreaNumber = KIOSK_SERIES_BASE - 1;
const rangeEnd = z
  .number()
  .int()
  .min(1)
  .max(
    highestAreaNumber,
    `must be at most ${highestAreaNumber}: numbers from ${KIOSK_SERIES_BASE} up are the kiosks' offline series`,
  );

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit',
  );
const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const clock = z.string().refine((s) => parseClock(s) !== null, 'must be a time "HH:mm" (24-hour)');

const session = z
  .object({ open: clock, close: clock })
  .refine((s) => parseClock(s.open)! < parseClock(s.close)!, 'open must be before close');

export const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const defaultSessions = [
  { open: '07:00', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

const hoursSchema = z
  .object({
    sun: z.array(session).default([]),
    mon: z.array(session).default(defaultSessions),
    tue: z.array(session).default(defaultSessions),
    wed: z.array(session).default(defaultSessions),
    thu: z.array(session).default(defaultSessions),
    fri: z.array(session).default(defaultSessions),
    sat: z.array(session).default([{ open: '07:00', close: '11:30' }]),
    /** Issuing stops this many minutes before each session closes, so the last citizen can still be served. */
    stopIssuingBeforeCloseMin: z.number().int().min(0).max(240).default(30),
    /** Dates (yyyy-MM-dd) on which the centre is closed (public holidays). */
    closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd')).default([]),
  })
  .strict();

const priorityPolicy = z
  .object({
    /**
     * priority-first: any waiting priority ticket is called before normal ones;
     * interleave: one priority ticket after every `everyN` normal calls;
     * fifo: priority is recorded but not used for ordering.
     */
    mode: z.enum(['priority-first', 'interleave', 'fifo']).default('priority-first'),
    everyN: z.number().int().min(1).max(100).default(3),
    /** At most this many priority calls in a row while normal tickets wait; null = no cap. */
    maxConsecutive: z.number().int().min(1).max(100).nullable().default(null),
  })
  .strict();

const ratingLevel = z.object({ value: z.number().int().min(1).max(10), label: text, labelEn: text }).strict();

const defaultRating = {
  levels: [
    { value: 3, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
    { value: 2, label: 'Hài lòng', labelEn: 'Satisfied' },
    { value: 1, label: 'Không hài lòng', labelEn: 'Not satisfied' },
  ],
  reasons: [
    { id: 'attitude', label: 'Thái độ phục vụ', labelEn: 'Attitude' },
    { id: 'waiting-time', label: 'Thời gian chờ', labelEn: 'Waiting time' },
    { id: 'unclear-guidance', label: 'Hướng dẫn chưa rõ', labelEn: 'Unclear guidance' },
    {
      id: 'repeated-requests',
      label: 'Yêu cầu bổ sung nhiều lần',
      labelEn: 'Asked for documents several times',
    },
    { id: 'other', label: 'Khác', labelEn: 'Other' },
  ],
  /** Levels at or below this value ask for reasons. */
  reasonsAtOrBelow: 1,
};

const ratingSchema = z
  .object({
    levels: z.array(ratingLevel).min(2, 'must have at least 2 levels').max(5, 'must have at most 5 levels'),
    reasons: z.array(z.object({ id, label: text, labelEn: text }).strict()).default(defaultRating.reasons),
    reasonsAtOrBelow: z.number().int().min(0).max(10).default(1),
    // The rating pad's screen (issue 11).
    /** Seconds the thank-you shows before the pad goes back to the counter display. */
    thanksS: z.number().int().min(2).max(60).default(6),
    /** Seconds the rating screen waits for a first touch (or the next one) before it gives up and goes back. */
    idleS: z.number().int().min(10).max(600).default(90),
    /** Offer a field for the dossier code (typed or scanned), so the rating attaches to the dossier. */
    askDossierCode: z.boolean().default(true),
  })
  .strict();

/**
 * An officer's photo for the counter display: a PNG, JPEG or WebP file given relative to the configuration's
 * folder, inside it (no absolute path, no "..": the configuration travels over the broker, and a display must
 * not be made to read other files). The display's runtime reads it and caps its size.
 */
const officerPhoto = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w./-]+\.(?:png|jpe?g|webp)$/i,
    'must be a .png, .jpg or .webp path relative to the configuration folder, without ".."',
  );

const ticketSchema = z
  .object({
    paperWidth: z.union([z.literal(80), z.literal(58)]).default(80),
    /** Printer profile name: "raster" (default, any printer) or a text-mode profile such as "epson-tcvn3". */
    profile: z.string().min(1).default('raster'),
    copies: z.union([z.literal(1), z.literal(2)]).default(1),
    qr: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('ticket-id') }).strict(),
        z
          .object({
            kind: z.literal('link'),
            template: z.string().refine((s) => s.includes('{ticketId}'), 'must contain {ticketId}'),
          })
          .strict(),
      ])
      .default({ kind: 'ticket-id' }),
    footer: z.array(text).max(4, 'must have at most 4 lines').default([]),
  })
  .strict();

/** The hub's embedded broker (Mosquitto sites set the same in mosquitto.conf). */
const brokerSchema = z
  .object({
    /**
     * The address the embedded broker listens on: loopback by default (the demo, one machine); a real site names
     * the hub's LAN address. Never a WAN address: the provincial link is the TLS bridge.
     */
    listen: z.string().min(1).max(100).default('127.0.0.1'),
    /** Largest MQTT packet a client may send, in bytes; a larger one closes its connection (max_packet_size). */
    maxPacketBytes: z.number().int().min(16_384).max(268_435_455).default(1_048_576),
    /** Business days accepted in uploads: today and the ones before it (2: today and yesterday). */
    acceptDays: z.number().int().min(1).max(7).default(2),
  })
  .strict();

export const configSchema = z
  .object({
    schemaVersion: z.literal(CONFIG_SCHEMA_VERSION, { error: `must be ${CONFIG_SCHEMA_VERSION}` }),
    /** Bumped by the supervisor's tools on every change; devices keep the newest they have seen. */
    revision: z.number().int().min(0).default(0),
    centre: z
      .object({
        id,
        name: text,
        nameEn: text.optional(),
        address: text.optional(),
        hotline: text.optional(),
        timeZone: z
          .string()
          .refine(isValidTimeZone, 'must be an IANA time zone such as "Asia/Ho_Chi_Minh"')
          .default('Asia/Ho_Chi_Minh'),
      })
      .strict(),
    departments: z.array(z.object({ id, name: text, nameEn: text.optional() }).strict()).min(1),
    areas: z
      .array(
        z
          .object({
            id,
            departmentId: id,
            name: text,
            nameEn: text.optional(),
            /** Printed and shown before the number, e.g. "A" → A1025. */
            prefix: z
              .string()
              .regex(/^[A-Z]{0,2}$/, 'must be 0-2 capital letters')
              .default(''),
            numberRange: z
              .object({ from: rangeEnd, to: rangeEnd })
              .strict()
              .refine((r) => r.from <= r.to, 'from must not be greater than to'),
            dailyQuota: z.number().int().min(1).max(99_999),
            /** Used for the estimated wait until the area has served enough citizens today. */
            defaultServiceMinutes: z.number().min(0.5).max(240).default(10),
            priorityPolicy: priorityPolicy.optional(),
          })
          .strict(),
      )
      .min(1),
    counters: z
      .array(
        z
          .object({
            id,
            number: z.number().int().min(1).max(999),
            name: text.optional(),
            /** Areas this counter serves, in order of preference. */
            areas: z.array(id).min(1, 'must serve at least one area'),
          })
          .strict(),
      )
      .min(1),
    officers: z
      .array(
        z
          .object({
            id,
            name: text,
            title: text.optional(),
            photo: officerPhoto.optional(),
            /** scrypt hash of the officer's panel PIN (`motcua officer-pin-hash`); see counterPanel.requirePin. */
            pinHash: z
              .string()
              .regex(/^scrypt\$\d{1,2}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{22,}\$[A-Za-z0-9_-]{43,}$/, {
                error: 'must be a PIN hash from `motcua officer-pin-hash` (scrypt$…)',
              })
              .optional(),
          })
          .strict(),
      )
      .default([]),
    kiosks: z
      .array(
        z
          .object({
            id,
            name: text.optional(),
            /** Areas offered at this kiosk; all areas when absent. */
            areas: z.array(id).optional(),
            /** Seconds without a tap before the kiosk screen goes back home (30 when absent). */
            idleResetS: z.number().int().min(3).max(600).optional(),
          })
          .strict(),
      )
      .max(MAX_KIOSKS)
      .default([]),
    /**
     * The devices allowed on the centre's broker, with their role. Kiosk devices use a kiosk's id; counter
     * panels and rating pads name their counter. When empty (the demo), the embedded broker accepts anyone.
     */
    devices: z
      .array(
        z
          .object({
            id,
            role: z.enum(['kiosk', 'counter', 'display', 'ratingpad', 'lookup']),
            counterId: id.optional(),
          })
          .strict(),
      )
      .default([]),
    priorityCategories: z.array(z.object({ id, name: text, nameEn: text.optional() }).strict()).default([]),
    priorityPolicy: priorityPolicy.default({ mode: 'priority-first', everyN: 3, maxConsecutive: null }),
    /** Where a transferred ticket goes in its new queue: by its original issue time, or to the front. */
    transferPlacement: z.enum(['original-time', 'front']).default('original-time'),
    hours: hoursSchema.default(hoursSchema.parse({})),
    rating: ratingSchema.default(ratingSchema.parse(defaultRating)),
    ticket: ticketSchema.default(ticketSchema.parse({})),
    voice: voiceSchema.default(defaultVoiceConfig),
    board: boardSchema.default(defaultBoardConfig),
    broker: brokerSchema.default(brokerSchema.parse({})),
    dashboard: dashboardSchema.default(defaultDashboardConfig),
    counterPanel: counterPanelSchema.default(defaultCounterPanelConfig),
  })
  .strict();

export type CentreConfig = z.output<typeof configSchema>;
export type AreaConfig = CentreConfig['areas'][number];
export type CounterConfig = CentreConfig['counters'][number];
export type PriorityPolicy = z.output<typeof priorityPolicy>;
export type ConfigInput = z.input<typeof configSchema>;
export type DeviceConfig = CentreConfig['devices'][number];
