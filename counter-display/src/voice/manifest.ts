/**
 * A voice pack's manifest: which clip file says which text, and what the clips are (dialect, speaker,
 * licence, sample format, loudness target). The generated espeak-ng pack and a recorded human pack share
 * this format, so a recorded pack replaces the default by pointing the board at another folder.
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 1;

export type VoiceLang = 'vi' | 'en';

/** Relative paths inside the pack only: no "..", no absolute paths. */
const clipFile = z
  .string()
  .regex(
    /^(?!.*\.\.)[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.wav$/,
    'must be a relative path to a .wav file in the pack',
  );

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT, { error: `must be ${MANIFEST_FORMAT}` }),
    name: z.string().min(1).max(200),
    dialect: z.enum(['north', 'south']),
    /** Who (or what) speaks, e.g. "espeak-ng vi" or a recorded speaker's name. */
    speaker: z.string().min(1).max(200),
    licence: z.string().min(1).max(2000),
    sampleFormat: z
      .object({
        container: z.literal('wav'),
        encoding: z.literal('pcm-s16le'),
        sampleRate: z.number().int().min(8000).max(48000),
        channels: z.literal(1),
      })
      .strict(),
    loudness: z
      .object({
        /** Every clip's RMS level, dBFS, after trimming. */
        targetRmsDbfs: z.number().min(-40).max(-6),
        /** Peak ceiling of the limiter, dBFS. */
        ceilingDbfs: z.number().min(-12).max(0),
      })
      .strict(),
    generator: z.string().max(500).optional(),
    createdAt: z.string().max(40).optional(),
    chime: clipFile.optional(),
    clips: z.array(
      z
        .object({
          lang: z.enum(['vi', 'en']),
          /** What the clip says, in words (never digits). */
          text: z
            .string()
            .min(1)
            .max(200)
            .refine((s) => !/\d/.test(s), 'must be words, not digits'),
          file: clipFile,
        })
        .strict(),
    ),
  })
  .strict();

export type VoiceManifest = z.output<typeof manifestSchema>;

/**
 * The key a clip is found by: NFC, lower case, single spaces, without the punctuation around it, so that the
 * template's "quầy" and a counter name's "Quầy" find the same clip.
 */
export function clipKey(lang: VoiceLang, text: string): string {
  const norm = text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return `${lang}:${norm}`;
}
