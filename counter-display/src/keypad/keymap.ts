import { z } from 'zod';
import { KEYPAD_COMMANDS, type KeypadAction } from './types.js';

/**
 * Keypad configuration and report decoding (pure: no device access).
 *
 * A key map says which HID usage code means which action. Most HID-data keypads send the boot keyboard
 * layout (byte 0 modifiers, byte 1 reserved, bytes 2–7 the usage codes of the keys held down); vendor
 * keypads put their key codes elsewhere, hence `usageOffset`/`usageCount`.
 */

const ACTION_NAMES = [...KEYPAD_COMMANDS, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type KeyMapAction = (typeof ACTION_NAMES)[number];

const u16 = z.union([
  z.number().int().min(0).max(0xffff),
  z
    .string()
    .regex(/^0x[0-9a-fA-F]{1,4}$/, 'must be a number 0-65535 or hex like "0x1a86"')
    .transform((s) => Number.parseInt(s, 16)),
]);

/** Usage codes are written as keys: "0x3a" or "58". */
const usageKey = z
  .string()
  .regex(/^(0x[0-9a-fA-F]{1,2}|\d{1,3})$/, 'must be a usage code 1-255, decimal or hex like "0x3a"')
  .refine((s) => {
    const n = Number(s);
    return n >= 1 && n <= 255;
  }, 'must be a usage code 1-255');

export const keypadConfigSchema = z
  .object({
    /** USB vendor id of the keypad (number or "0x…" hex). */
    vendorId: u16,
    productId: u16,
    /** Bytes per input report (default 8, the boot keyboard report). */
    reportLength: z.number().int().min(1).max(64).default(8),
    /** Index of the first usage byte in a report (default 2). */
    usageOffset: z.number().int().min(0).max(63).default(2),
    /** How many usage bytes follow (default 6). */
    usageCount: z.number().int().min(1).max(64).default(6),
    /** How often to look for the keypad while it is unplugged (default 1000 ms). */
    pollMs: z.number().int().min(50).max(60_000).default(1000),
    keys: z.record(usageKey, z.enum(ACTION_NAMES, { error: `must be one of ${ACTION_NAMES.join(', ')}` })),
  })
  .strict()
  .refine((c) => c.usageOffset + c.usageCount <= c.reportLength, {
    message: 'usageOffset + usageCount must fit in reportLength',
    path: ['usageCount'],
  });

export type KeypadConfigInput = z.input<typeof keypadConfigSchema>;

export interface KeypadConfig {
  readonly vendorId: number;
  readonly productId: number;
  readonly reportLength: number;
  readonly usageOffset: number;
  readonly usageCount: number;
  readonly pollMs: number;
  /** Usage code → action. */
  readonly keys: ReadonlyMap<number, KeypadAction>;
}

export interface KeypadConfigProblem {
  readonly field: string;
  readonly message: string;
}

export type KeypadConfigResult =
  | { readonly ok: true; readonly config: KeypadConfig }
  | { readonly ok: false; readonly problems: readonly KeypadConfigProblem[] };

/** Validates a keypad configuration; every problem names its field (e.g. `keys.0x3a`). */
export function parseKeypadConfig(raw: unknown): KeypadConfigResult {
  const r = keypadConfigSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      problems: r.error.issues.map((i) => ({
        field: i.path.length === 0 ? '(config)' : i.path.map(String).join('.'),
        message: i.message,
      })),
    };
  const keys = new Map<number, KeypadAction>();
  const problems: KeypadConfigProblem[] = [];
  for (const [code, name] of Object.entries(r.data.keys)) {
    const usage = Number(code);
    if (keys.has(usage)) problems.push({ field: `keys.${code}`, message: `usage ${usage} is mapped twice` });
    keys.set(usage, toAction(name));
  }
  if (problems.length > 0) return { ok: false, problems };
  const { keys: _keys, ...rest } = r.data;
  return { ok: true, config: { ...rest, keys } };
}

function toAction(name: KeyMapAction): KeypadAction {
  const digit = Number(name);
  if (name.length === 1 && Number.isInteger(digit))
    return { type: 'digit', digit: digit as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 };
  return { type: name as Exclude<KeyMapAction, `${number}`> };
}

/**
 * An example map for keypads that send boot-keyboard reports: digits on the number row, commands on
 * F1–F7, Backspace = clear, Enter = enter. Sites with other keypads write their own.
 */
export const BOOT_KEYBOARD_KEY_MAP: Record<string, KeyMapAction> = {
  '0x1e': '1',
  '0x1f': '2',
  '0x20': '3',
  '0x21': '4',
  '0x22': '5',
  '0x23': '6',
  '0x24': '7',
  '0x25': '8',
  '0x26': '9',
  '0x27': '0',
  '0x3a': 'next',
  '0x3b': 'recall',
  '0x3c': 'no-show',
  '0x3d': 'finish',
  '0x3e': 'start',
  '0x3f': 'transfer',
  '0x40': 'hold',
  '0x2a': 'clear',
  '0x28': 'enter',
};

/** Usage 1 = ErrorRollOver: too many keys held; the report says nothing about which. */
const ERROR_ROLL_OVER = 0x01;

/**
 * Turns one report into the actions of keys newly pressed (held keys and releases produce nothing), and
 * the set of keys held now, to pass to the next call. Unknown usages are returned for logging.
 */
export function decodeReport(
  report: Uint8Array,
  held: ReadonlySet<number>,
  config: Pick<KeypadConfig, 'usageOffset' | 'usageCount' | 'keys'>,
): { actions: KeypadAction[]; held: Set<number>; unknown: number[] } {
  const usages = Array.from(report.subarray(config.usageOffset, config.usageOffset + config.usageCount));
  if (usages.includes(ERROR_ROLL_OVER)) return { actions: [], held: new Set(held), unknown: [] };
  const now = new Set(usages.filter((u) => u !== 0));
  const actions: KeypadAction[] = [];
  const unknown: number[] = [];
  for (const u of now) {
    if (held.has(u)) continue;
    const action = config.keys.get(u);
    if (action === undefined) unknown.push(u);
    else actions.push(action);
  }
  return { actions, held: now, unknown };
}
