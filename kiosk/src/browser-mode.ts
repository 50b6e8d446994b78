/**
 * Browser mode for the kiosk: the runtime, plus its built screen and the screen API served on loopback for
 * Chromium in kiosk mode (or a test's Chromium). Stopping stops the server first (screens see the link go and
 * say so), then the runtime.
 */
import { fileURLToPath } from 'node:url';
import type { Logger } from '@motcua/shared';
import { serveScreen } from '@motcua/shared/screen/server';
import type { KioskScreenCommands, KioskScreenView } from './screen/api.js';
import {
  kioskCommandArgs,
  startKiosk,
  type KioskDevice,
  type KioskOptions,
  type KioskView,
} from './runtime/kiosk.js';

/** Where `kiosk/scripts/build-screen.ts` puts the built screen. */
export const DEFAULT_SCREEN_DIR = fileURLToPath(new URL('../dist/screen/', import.meta.url));

export interface KioskBrowserModeOptions {
  readonly runtime: KioskOptions;
  /** Default 127.0.0.1: the screen API is for the device itself. */
  readonly host?: string;
  /** From the device's configuration; 0 picks a free port (tests). */
  readonly port: number;
  /** The built screen; default kiosk/dist/screen. */
  readonly staticDir?: string;
  readonly logger?: Logger;
}

export interface KioskBrowserMode {
  readonly url: string;
  readonly port: number;
  readonly kiosk: KioskDevice;
  stop(): Promise<void>;
}

export async function startKioskBrowserMode(o: KioskBrowserModeOptions): Promise<KioskBrowserMode> {
  const kiosk = startKiosk(o.runtime);
  try {
    const server = await serveScreen({
      host: o.host ?? '127.0.0.1',
      port: o.port,
      staticDir: o.staticDir ?? DEFAULT_SCREEN_DIR,
      api: kiosk,
      commandArgs: kioskCommandArgs,
      ...(o.logger === undefined ? {} : { logger: o.logger }),
    });
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      port: server.port,
      kiosk,
      stop() {
        stopping ??= server.close().then(() => kiosk.stop());
        return stopping;
      },
    };
  } catch (e) {
    await kiosk.stop();
    throw e;
  }
}

// Compile-time guard: the screen's mirrored types (screen/api.ts) must accept what the runtime sends.
type Assignable<T extends U, U> = T;
export type ScreenTypesMatch = [
  Assignable<KioskView, KioskScreenView>,
  Assignable<KioskDevice['commands']['take'], KioskScreenCommands['take']>,
];
