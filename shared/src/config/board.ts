/**
 * The `board` part of the centre's configuration: what the hall board shows besides the calls. Optional as a
 * whole (older configs stay valid); every field has a default.
 */
import { z } from 'zod';

const notice = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .transform((s) => s.normalize('NFC'));

export const boardSchema = z
  .object({
    /** The scrolling notice at the bottom of the board (Vietnamese); none when empty. */
    notice: notice.default(''),
    /** The same notice in English, shown after the Vietnamese one. */
    noticeEn: notice.optional(),
    /** How long the newest call stays highlighted, in seconds. */
    highlightS: z.number().int().min(1).max(60).default(8),
    /** How many calls before the newest one the board lists. */
    lastCalls: z.number().int().min(1).max(10).default(4),
    /** Seconds each page of counters (and of waiting areas) stays up when they do not fit on one screen. */
    pageS: z.number().int().min(3).max(60).default(10),
  })
  .strict();

export type BoardConfig = z.output<typeof boardSchema>;
export const defaultBoardConfig: BoardConfig = boardSchema.parse({});
