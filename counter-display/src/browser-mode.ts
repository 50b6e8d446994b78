/**
 * Browser mode for the devices at and around the counter: the role's runtime, plus the built screen and the
 * screen API served on loopback for Chromium in kiosk mode (or a test's Chromium). One entry for every role, so
 * the officer panel, the counter display with its rating pad and the hall board start the same way. Stopping
 * stops the server first (screens see the link go and say so), then the runtime.
 */
import type { z } from 'zod';
import type { Logger } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { serveScreen } from '@motcua/shared/screen/server';
import { DEFAULT_SCREEN_DIR } from './build-screen.js';
import {
  counterCommandArgs,
  startCounter,
  type CounterDevice,
  type CounterOptions,
} from './runtime/counter.js';
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

export type CounterAppRole =
  | { readonly role: 'counter'; readonly runtime: CounterOptions }
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
  stop(): Promise<void>;
}

function startRole(o: CounterAppRole): {
  readonly device: AnyDevice;
  readonly args: Readonly<Record<string, z.ZodType>>;
} {
  switch (o.role) {
    case 'counter': {
      const d: CounterDevice = startCounter(o.runtime);
      return { device: d, args: counterCommandArgs };
    }
    case 'display':
      return { device: startCounterDisplay(o.runtime), args: counterDisplayCommandArgs };
    case 'rating':
      return { device: startRatingPad(o.runtime), args: ratingCommandArgs };
    case 'board':
      return { device: startBoard(o.runtime), args: boardCommandArgs };
  }
}

export async function startCounterBrowserMode(o: CounterBrowserModeOptions): Promise<CounterBrowserMode> {
  const { device, args } = startRole(o);
  try {
    const server = await serveScreen({
      host: o.host ?? '127.0.0.1',
      port: o.port,
      staticDir: o.staticDir ?? DEFAULT_SCREEN_DIR,
      api: device,
      commandArgs: args,
      ...(o.logger === undefined ? {} : { logger: o.logger }),
    });
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      port: server.port,
      device,
      stop() {
        stopping ??= server.close().then(() => device.stop());
        return stopping;
      },
    };
  } catch (e) {
    await device.stop();
    throw e;
  }
}

// Compile-time guard: the board screen's mirrored types (screen/board/api.ts) must accept what the runtime sends.
type BoardAssignable<T extends U, U> = T;
export type BoardScreenTypesMatch = [
  BoardAssignable<HallBoardView, BoardScreenView>,
  BoardAssignable<BoardCommands['voiceClip'], BoardScreenCommands['voiceClip']>,
  BoardAssignable<BoardCommands['voicePlayed'], BoardScreenCommands['voicePlayed']>,
];
