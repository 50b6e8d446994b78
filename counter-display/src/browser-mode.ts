/**
 * Browser mode for the devices at and around the counter: the role's runtime, plus the built screen and the
 * screen API served on loopback for Chromium in kiosk mode (or a test's Chromium). One entry for every role, so
 * the officer panel, the counter display with its rating pad and the hall board start the same way. Stopping
 * stops the server first (screens see the link go and say so), then the runtime.
 */
import type { z } from 'zod';
import { systemClock, type Logger } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { serveRestartingDevice } from '@motcua/shared/screen/restarting';
import { DEFAULT_SCREEN_DIR } from './build-screen.js';
import {
  counterCommandArgs,
  startCounter,
  type CounterDevice,
  type CounterOptions,
  type CounterView,
} from './runtime/counter.js';
import { bindKeypad, type KeypadBinding } from './runtime/keypad-binding.js';
import { HidKeypad, nodeHidBackend } from './keypad/hid.js';
import { parseKeypadConfig } from './keypad/keymap.js';
import type { HidBackend } from './keypad/types.js';
import type { PanelCommands, PanelView } from './screen/panel/api.js';
import {
  counterDisplayCommandArgs,
  startCounterDisplay,
  type CounterDisplayOptions,
} from './runtime/display.js';
import { ratingCommandArgs, startRatingPad, type RatingOptions } from './runtime/rating.js';
import {
  boardCommandArgs,
  startBoard,
  type BoardCommands,
  type BoardOptions,
  type HallBoardView,
} from './runtime/board.js';
import type { BoardScreenCommands, BoardScreenView } from './screen/board/api.js';
import type { DisplayScreenView, RatingScreenCommands, RatingScreenView } from './screen/display/api.js';
import type { CounterDisplayView } from './runtime/display.js';
import type { RatingCommands, RatingView } from './runtime/rating.js';

/** A HID caller keypad for the officer's panel: the site's key map (keypad/keymap.ts), and node-hid or a fake. */
export interface CounterKeypadOptions {
  /** Validated with parseKeypadConfig; a bad one stops the start with every problem named. */
  readonly config: unknown;
  /** Default node-hid; tests pass the fake HID bus. */
  readonly backend?: HidBackend;
}

export type CounterAppRole =
  | {
      readonly role: 'counter';
      readonly runtime: CounterOptions;
      /** When the device's configuration names a keypad. */
      readonly keypad?: CounterKeypadOptions;
    }
  | { readonly role: 'display'; readonly runtime: CounterDisplayOptions }
  | { readonly role: 'rating'; readonly runtime: RatingOptions }
  | { readonly role: 'board'; readonly runtime: BoardOptions };

export type CounterBrowserModeOptions = CounterAppRole & {
  /** Default 127.0.0.1: the screen API is for the device itself. */
  readonly host?: string;
  /** From the device's configuration; 0 picks a free port (tests). */
  readonly port: number;
  /** The built screen; default counter-display/dist/screen. */
  readonly staticDir?: string;
  readonly logger?: Logger;
};

type AnyDevice = DeviceApi<unknown, Record<string, (arg: never) => Promise<Result<unknown>>>>;

export interface CounterBrowserMode {
  readonly url: string;
  readonly port: number;
  readonly device: AnyDevice;
  /** The keypad binding, when a keypad was configured (counter role). */
  readonly keypad?: KeypadBinding;
  stop(): Promise<void>;
}

// The officer panel's mirrored types (screen/panel/api.ts) must accept what the runtime really sends and offers.
type Assignable<T extends U, U> = T;
export type PanelTypesMatch = [
  Assignable<CounterView, PanelView>,
  Assignable<CounterDevice['commands']['login'], PanelCommands['login']>,
  Assignable<CounterDevice['commands']['logout'], PanelCommands['logout']>,
  Assignable<CounterDevice['commands']['open'], PanelCommands['open']>,
  Assignable<CounterDevice['commands']['pause'], PanelCommands['pause']>,
  Assignable<CounterDevice['commands']['close'], PanelCommands['close']>,
  Assignable<CounterDevice['commands']['next'], PanelCommands['next']>,
  Assignable<CounterDevice['commands']['callNumber'], PanelCommands['callNumber']>,
  Assignable<CounterDevice['commands']['recall'], PanelCommands['recall']>,
  Assignable<CounterDevice['commands']['noShow'], PanelCommands['noShow']>,
  Assignable<CounterDevice['commands']['transfer'], PanelCommands['transfer']>,
  Assignable<CounterDevice['commands']['hold'], PanelCommands['hold']>,
  Assignable<CounterDevice['commands']['returnHeld'], PanelCommands['returnHeld']>,
  Assignable<CounterDevice['commands']['start'], PanelCommands['start']>,
  Assignable<CounterDevice['commands']['finish'], PanelCommands['finish']>,
];

/** Starts the keypad and its binding to the counter's commands; throws on a bad key map. */
async function startKeypad(
  o: CounterKeypadOptions,
  device: CounterDevice,
  runtime: CounterOptions,
  logger: Logger,
): Promise<{ binding: KeypadBinding; keypad: HidKeypad }> {
  const parsed = parseKeypadConfig(o.config);
  if (!parsed.ok)
    throw new Error(
      `bad keypad configuration: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  const keypad = await HidKeypad.start({
    config: parsed.config,
    backend: o.backend ?? nodeHidBackend(),
    logger,
    clock: runtime.clock ?? systemClock,
  });
  const binding = bindKeypad({
    keypad,
    commands: device.commands,
    config: device.config,
    counterId: runtime.counterId,
    logger,
  });
  return { binding, keypad };
}

function startRole(
  o: CounterAppRole,
  onNewConfig: (revision: number) => void,
): {
  readonly device: AnyDevice;
  readonly args: Readonly<Record<string, z.ZodType>>;
  readonly counter?: CounterDevice;
} {
  switch (o.role) {
    case 'counter': {
      const d: CounterDevice = startCounter({ ...o.runtime, onNewConfig });
      return { device: d, args: counterCommandArgs, counter: d };
    }
    case 'display':
      return { device: startCounterDisplay({ ...o.runtime, onNewConfig }), args: counterDisplayCommandArgs };
    case 'rating':
      return { device: startRatingPad({ ...o.runtime, onNewConfig }), args: ratingCommandArgs };
    case 'board':
      return { device: startBoard({ ...o.runtime, onNewConfig }), args: boardCommandArgs };
  }
}

/**
 * Starts the role's runtime (and the counter's keypad) and serves the screen; a newer configuration from the
 * hub restarts both in place, on the same port (the screen reconnects by itself).
 */
export async function startCounterBrowserMode(o: CounterBrowserModeOptions): Promise<CounterBrowserMode> {
  let keypad: { binding: KeypadBinding; keypad: HidKeypad } | undefined;
  const served = await serveRestartingDevice<AnyDevice>({
    start: async (onNewConfig) => {
      const { device, args, counter } = startRole(o, onNewConfig);
      const stopKeypad = async (): Promise<void> => {
        keypad?.binding.stop();
        await keypad?.keypad.close();
        keypad = undefined;
      };
      try {
        if (o.role === 'counter' && o.keypad !== undefined && counter !== undefined)
          keypad = await startKeypad(o.keypad, counter, o.runtime, o.logger ?? o.runtime.logger);
      } catch (e) {
        await stopKeypad();
        await device.stop();
        throw e;
      }
      return { api: device, commandArgs: args, stopExtras: stopKeypad };
    },
    ...(o.host === undefined ? {} : { host: o.host }),
    port: o.port,
    staticDir: o.staticDir ?? DEFAULT_SCREEN_DIR,
    ...(o.logger === undefined ? {} : { logger: o.logger }),
  });
  return {
    url: served.url,
    port: served.port,
    get device() {
      return served.current();
    },
    get keypad() {
      return keypad?.binding;
    },
    stop: () => served.stop(),
  };
}

// Compile-time guard: the display page set's mirrored types (screen/display/api.ts) must accept what the
// display and rating runtimes send, and the screen's commands must be what the rating runtime takes.
export type DisplayScreenTypesMatch = [
  Assignable<CounterDisplayView, DisplayScreenView>,
  Assignable<RatingView, RatingScreenView>,
  Assignable<RatingCommands['rate'], RatingScreenCommands['rate']>,
  Assignable<RatingCommands['dismiss'], RatingScreenCommands['dismiss']>,
];

// Compile-time guard: the board screen's mirrored types (screen/board/api.ts) must accept what the runtime sends.
export type BoardScreenTypesMatch = [
  Assignable<HallBoardView, BoardScreenView>,
  Assignable<BoardCommands['voiceClip'], BoardScreenCommands['voiceClip']>,
  Assignable<BoardCommands['voicePlayed'], BoardScreenCommands['voicePlayed']>,
];
