import { describe, expect, it } from 'vitest';
import { BOOT_KEYBOARD_KEY_MAP, parseKeypadConfig, type KeypadConfigInput } from '../../src/keypad/keymap.js';
import type { KeypadAction } from '../../src/keypad/types.js';

/**
 * One contract for the caller keypad driver over two HID sources: a fake bus at the level of reports,
 * and the real node-hid library reading a keypad that Debian's umockdev replays (sysfs tree, ioctl and
 * report script written by hand). umockdev cannot unplug a device during a run, so the unplug tests
 * run on the fake only.
 */
export const VID = 0x1a86;
export const PID = 0xe2e3;
export const CONFIG: KeypadConfigInput = {
  vendorId: VID,
  productId: PID,
  pollMs: 50,
  keys: BOOT_KEYBOARD_KEY_MAP,
};

/** A boot-keyboard report with these usage codes held. */
export const keys = (...usages: number[]): Uint8Array => {
  const r = new Uint8Array(8);
  usages.forEach((u, i) => (r[2 + i] = u));
  return r;
};
export const UP = keys();
export const F1 = 0x3a;
const ENTER = 0x28;
export const [K1, K2, K5, K0] = [0x1e, 0x1f, 0x22, 0x27];

export interface Harness {
  actions: KeypadAction[];
  status: () => string;
  waitFor: (check: () => boolean, what: string) => Promise<void>;
  cleanup: () => Promise<void>;
}
/** Starts a keypad driver whose device then sends `reports`. */
export type Connect = (reports: readonly Uint8Array[], config?: KeypadConfigInput) => Promise<Harness>;

export async function until(check: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function config(input: KeypadConfigInput = CONFIG) {
  const parsed = parseKeypadConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

/** The keypad contract, run by each target's test file. */
export function keypadContract(
  name: string,
  connect: Connect,
  skip: string | null,
  /** Run the cases side by side (each has its own harness): the umockdev target spends its time waiting. */
  concurrent = false,
): void {
  describe.skipIf(skip !== null)(
    `keypad contract: ${name}${skip === null ? '' : ` (skipped: ${skip})`}`,
    { concurrent },
    () => {
      /** Each case owns its harness and always cleans it up, so cases can run concurrently. */
      const withKeypad =
        (reports: readonly Uint8Array[], body: (h: Harness) => Promise<void>, input?: KeypadConfigInput) =>
        async (): Promise<void> => {
          const h = await connect(reports, input);
          try {
            await body(h);
          } finally {
            await h.cleanup();
          }
        };

      it(
        'finds the keypad by vendor/product id and turns key presses into actions, in order',
        withKeypad(
          [keys(F1), UP, keys(K1), UP, keys(K0), UP, keys(K2), UP, keys(K5), UP, keys(ENTER), UP],
          async (h) => {
            await h.waitFor(() => h.actions.length >= 6, 'six actions');
            expect(h.status()).toBe('connected');
            expect(h.actions).toEqual([
              { type: 'next' },
              { type: 'digit', digit: 1 },
              { type: 'digit', digit: 0 },
              { type: 'digit', digit: 2 },
              { type: 'digit', digit: 5 },
              { type: 'enter' },
            ]);
          },
        ),
      );

      it(
        'a held key acts once; two keys pressed together act twice; a second press acts again',
        withKeypad(
          [keys(F1), keys(F1), keys(F1), UP, keys(K1, K2), keys(K1, K2), UP, keys(F1), UP, keys(0x3b), UP],
          async (h) => {
            await h.waitFor(() => h.actions.some((a) => a.type === 'recall'), 'the recall key');
            expect(h.actions).toEqual([
              { type: 'next' },
              { type: 'digit', digit: 1 },
              { type: 'digit', digit: 2 },
              { type: 'next' },
              { type: 'recall' },
            ]);
          },
        ),
      );

      it(
        'ignores keys not in the key map and roll-over error reports',
        withKeypad([keys(0x04), UP, keys(1, 1, 1, 1, 1, 1), UP, keys(0x3d), UP], async (h) => {
          await h.waitFor(() => h.actions.length >= 1, 'the finish key');
          expect(h.actions).toEqual([{ type: 'finish' }]);
        }),
      );

      it(
        'ignores a device with another vendor/product id',
        withKeypad(
          [keys(F1), UP],
          async (h) => {
            await new Promise((r) => setTimeout(r, 300));
            expect(h.status()).toBe('missing');
            expect(h.actions).toEqual([]);
          },
          { ...CONFIG, productId: PID + 1 },
        ),
      );
    },
  );
}
