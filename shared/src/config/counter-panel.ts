/**
 * The `counterPanel` part of the centre's configuration: how the officer's calling panel behaves (PIN lockout,
 * the recall interval, the pause reasons offered). Optional as a whole (older configs stay valid); every field
 * has a default. Officers' PIN hashes live on the officers themselves (`officers[].pinHash`).
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit',
  );
const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const DEFAULT_PAUSE_REASONS = [
  { id: 'break', label: 'Nghỉ giải lao', labelEn: 'Short break' },
  { id: 'meeting', label: 'Họp công tác', labelEn: 'Meeting' },
  { id: 'dossier-work', label: 'Xử lý hồ sơ', labelEn: 'Processing dossiers' },
  { id: 'equipment', label: 'Sự cố thiết bị', labelEn: 'Equipment problem' },
  { id: 'other', label: 'Lý do khác', labelEn: 'Other reason' },
];

export const counterPanelSchema = z
  .object({
    /**
     * When true, an officer without `pinHash` cannot log in at a panel. When false (the default, and the demo),
     * officers without a PIN hash log in by picking their name; officers with one must type their PIN.
     */
    requirePin: z.boolean().default(false),
    /** Wrong PINs in a row (per officer, per panel) before logging in is locked. */
    pinMaxAttempts: z.number().int().min(1).max(20).default(5),
    /** How long the lock lasts, in seconds. */
    pinLockoutS: z.number().int().min(10).max(86_400).default(300),
    /** A recall is refused until this many seconds after the last call or recall of the same ticket. */
    recallIntervalS: z.number().int().min(0).max(3_600).default(20),
    /** The reasons a counter may be paused with (the pause event records the label). */
    pauseReasons: z
      .array(z.object({ id, label: text, labelEn: text }).strict())
      .min(1, 'must offer at least one reason')
      .max(12, 'must have at most 12 reasons')
      .default(DEFAULT_PAUSE_REASONS),
    /** How many of the next waiting numbers per area the panel lists (to call one out of order). */
    nextNumbersShown: z.number().int().min(0).max(20).default(6),
  })
  .strict();

export type CounterPanelConfig = z.output<typeof counterPanelSchema>;
export const defaultCounterPanelConfig: CounterPanelConfig = counterPanelSchema.parse({});
