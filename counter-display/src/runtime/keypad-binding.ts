/**
 * The USB caller keypad → the counter's commands. The keypad driver (keypad/hid.ts) turns HID reports into
 * actions through the site's key map and picks a keypad up again after an unplug; this binding turns those
 * actions into what the officer's panel would do:
 * - next, recall, no-show, start, finish, hold: the command of that name (hold with no reason);
 * - digits then Enter: call that number (the area is the one of the counter's areas whose range holds it);
 * - digits then Transfer: transfer the current ticket to the counter with that number;
 * - Clear: forget the digits typed.
 * Presses run one at a time, in order, so a double press of "next" calls twice, never both at once.
 */
import type { CentreConfig, Logger } from '@motcua/shared';
import type { Keypad, KeypadAction } from '../keypad/types.js';
import type { CounterCommands, CounterResult } from './counter.js';

export interface KeypadBindingOptions {
  readonly keypad: Keypad;
  readonly commands: CounterCommands;
  readonly config: CentreConfig;
  readonly counterId: string;
  readonly logger: Logger;
}

export interface KeypadBinding {
  /** Resolves when every press received so far has been carried out (tests). */
  idle(): Promise<void>;
  stop(): void;
}

/** At most this many digits are kept: a number has at most 5, a counter at most 3. */
const MAX_DIGITS = 5;

export function bindKeypad(o: KeypadBindingOptions): KeypadBinding {
  const log = o.logger.child('keypad-binding');
  const counter = o.config.counters.find((c) => c.id === o.counterId);
  if (counter === undefined) throw new Error(`unknown counter ${o.counterId}`);
  let digits = '';
  let queue: Promise<void> = Promise.resolve();

  const areaFor = (n: number): string | null =>
    counter.areas.find((a) => {
      const r = o.config.areas.find((x) => x.id === a)?.numberRange;
      return r !== undefined && n >= r.from && n <= r.to;
    }) ?? null;

  const run = (what: string, f: () => Promise<CounterResult>): void => {
    queue = queue
      .then(f)
      .then((r) => {
        if (r.ok) log.info('keypad command done', { command: what, ticketId: r.value.ticketId });
        else log.warn('keypad command refused', { command: what, reason: r.reason, message: r.message });
      })
      .catch((e: unknown) => {
        log.error('keypad command failed', { command: what, error: String(e) });
      });
  };

  const onAction = (a: KeypadAction): void => {
    const c = o.commands;
    switch (a.type) {
      case 'digit':
        digits = (digits + String(a.digit)).slice(-MAX_DIGITS);
        return;
      case 'clear':
        digits = '';
        return;
      case 'enter': {
        const typed = digits;
        digits = '';
        const n = Number(typed);
        const area = typed === '' ? null : areaFor(n);
        if (area === null) {
          log.warn('keypad: no area of this counter has that number', { number: typed });
          return;
        }
        run('callNumber', () => c.callNumber({ area, number: n }));
        return;
      }
      case 'transfer': {
        const typed = digits;
        digits = '';
        const to = o.config.counters.find((x) => String(x.number) === typed && x.id !== o.counterId);
        if (to === undefined) {
          log.warn('keypad: type the number of another counter before Transfer', { typed });
          return;
        }
        run('transfer', () => c.transfer({ to: { counter: to.id } }));
        return;
      }
      case 'next':
        digits = '';
        run('next', () => c.next());
        return;
      case 'recall':
        run('recall', () => c.recall());
        return;
      case 'no-show':
        run('noShow', () => c.noShow());
        return;
      case 'start':
        run('start', () => c.start());
        return;
      case 'finish':
        run('finish', () => c.finish());
        return;
      case 'hold':
        run('hold', () => c.hold({ reason: '' }));
        return;
      default: {
        const never: never = a;
        return never;
      }
    }
  };

  const offAction = o.keypad.onAction(onAction);
  const offStatus = o.keypad.onStatus((s) => {
    log.info('keypad status', { state: s.state, device: s.device });
  });
  return {
    idle: () => queue,
    stop() {
      offAction();
      offStatus();
    },
  };
}
