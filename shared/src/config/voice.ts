/**
 * The `voice` part of the centre's configuration: how the hall board announces calls. Optional as a whole
 * (older configs stay valid); every field has a default.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit',
  );
const spoken = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  // Digits would reach a speech engine as digits, which is exactly what is read wrong: words only.
  .refine((s) => !/\d/.test(s), 'must be written in words, without digits')
  .transform((s) => s.normalize('NFC'));

const PLACEHOLDER = /\{([^}]*)\}/g;

/** An announcement template: fixed words with the {number} and {counter} slots. */
const template = spoken.refine(
  (s) =>
    s.includes('{number}') &&
    [...s.matchAll(PLACEHOLDER)].every((m) => ['number', 'counter'].includes(m[1]!)),
  'must contain {number}, and no slots other than {number} and {counter}',
);

export const DEFAULT_TEMPLATES = {
  vi: { call: 'Xin mời công dân có số thứ tự {number} đến quầy {counter}' },
  en: { call: 'Ticket number {number}, please go to counter {counter}' },
} as const;

const languageTemplates = (call: string) =>
  z
    .object({
      call: template.default(call),
      /** Said for a recall; the call template when absent. */
      recall: template.optional(),
    })
    .strict();

const viTemplates = languageTemplates(DEFAULT_TEMPLATES.vi.call);
const enTemplates = languageTemplates(DEFAULT_TEMPLATES.en.call);

export const voiceSchema = z
  .object({
    /** Number words: North says linh, nghìn and (after mươi) tư; South says lẻ, ngàn and bốn. */
    dialect: z.enum(['north', 'south']).default('north'),
    /** Overrides the dialect's word for 4 after mươi (24–94). */
    fourAfterTens: z.enum(['tư', 'bốn']).optional(),
    /** How many times the phrase is said for one call. */
    repeat: z.number().int().min(1).max(3).default(2),
    chime: z.boolean().default(true),
    /** Say the English phrase after the Vietnamese one. */
    english: z.boolean().default(false),
    templates: z
      .object({
        vi: viTemplates.default(viTemplates.parse({})),
        en: enTemplates.default(enTemplates.parse({})),
      })
      .strict()
      .default({ vi: viTemplates.parse({}), en: enTemplates.parse({}) }),
    /**
     * Spoken names of counters by counter id, e.g. { "q4": { "vi": "Tiếp nhận hồ sơ đất đai" } }; a counter
     * without one is called by its number ("quầy số bốn").
     */
    counterNames: z.record(id, z.object({ vi: spoken, en: spoken.optional() }).strict()).default({}),
    /** Silence between the clips of one phrase, and between phrases (and repeats). */
    wordGapMs: z.number().int().min(0).max(500).default(30),
    phraseGapMs: z.number().int().min(0).max(3000).default(300),
  })
  .strict();

export type VoiceConfig = z.output<typeof voiceSchema>;
export type VoiceConfigInput = z.input<typeof voiceSchema>;

export const defaultVoiceConfig: VoiceConfig = voiceSchema.parse({});
