/**
 * Browser mode for the kiosk app's two roles, the number-issuing kiosk and the look-up terminal: the role's
 * runtime, plus the one built screen and the screen API served on loopback for Chromium in kiosk mode (or a
 * test's Chromium). The screen picks its pages from the view's `role`. Stopping stops the server first (screens
 * see the link go and say so), then the runtime.
 */
import { fileURLToPath } from 'node:url';
import type { Logger } from '@motcua/shared';
import type { DeviceApi } from '@motcua/shared/device/api';
import { serveRestartingDevice } from '@motcua/shared/screen/restarting';
import type { AnyCommands, CommandArgSchemas } from '@motcua/shared/screen/session';
import { lookupCommandArgs, startLookup, type LookupOptions } from './runtime/lookup.js';
import type { LookupCommands, LookupView } from './runtime/lookup-api.js';
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

interface ServeOptions {
  /** Default 127.0.0.1: the screen API is for the device itself. */
  readonly host?: string;
  /** From the device's configuration; 0 picks a free port (tests). */
  readonly port: number;
  /** The built screen; default kiosk/dist/screen. */
  readonly staticDir?: string;
  readonly logger?: Logger;
}

export interface KioskBrowserModeOptions extends ServeOptions {
  readonly runtime: KioskOptions;
}

export interface LookupBrowserModeOptions extends ServeOptions {
  readonly runtime: LookupOptions;
}

interface Served {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface KioskBrowserMode extends Served {
  readonly kiosk: KioskDevice;
}

export interface LookupBrowserMode extends Served {
  readonly lookup: DeviceApi<LookupView, LookupCommands>;
}

/**
 * Serves the one kiosk screen bound to the runtime `start` makes; a newer configuration from the hub restarts
 * the runtime in place (the screen reconnects by itself).
 */
async function serve<A extends DeviceApi<unknown, AnyCommands>>(
  start: (onNewConfig: (revision: number) => void) => A,
  commandArgs: CommandArgSchemas<AnyCommands>,
  o: ServeOptions,
): Promise<Served & { current(): A }> {
  const d = await serveRestartingDevice({
    start: (onNewConfig) => Promise.resolve({ api: start(onNewConfig), commandArgs }),
    ...(o.host === undefined ? {} : { host: o.host }),
    port: o.port,
    staticDir: o.staticDir ?? DEFAULT_SCREEN_DIR,
    ...(o.logger === undefined ? {} : { logger: o.logger }),
  });
  return { url: d.url, port: d.port, current: () => d.current(), stop: () => d.stop() };
}

export async function startKioskBrowserMode(o: KioskBrowserModeOptions): Promise<KioskBrowserMode> {
  const served = await serve(
    (onNewConfig) => startKiosk({ ...o.runtime, onNewConfig }),
    kioskCommandArgs as unknown as CommandArgSchemas<AnyCommands>,
    o,
  );
  return {
    url: served.url,
    port: served.port,
    stop: () => served.stop(),
    get kiosk() {
      return served.current();
    },
  };
}

/** A look-up terminal (role `lookup`): the same screen bundle shows the look-up pages. */
export async function startLookupBrowserMode(o: LookupBrowserModeOptions): Promise<LookupBrowserMode> {
  const served = await serve(
    (onNewConfig) => startLookup({ ...o.runtime, onNewConfig }),
    lookupCommandArgs as unknown as CommandArgSchemas<AnyCommands>,
    o,
  );
  return {
    url: served.url,
    port: served.port,
    stop: () => served.stop(),
    get lookup() {
      return served.current();
    },
  };
}

// Compile-time guard: the screen's mirrored types (screen/api.ts) must accept what the runtime sends.
type Assignable<T extends U, U> = T;
export type ScreenTypesMatch = [
  Assignable<KioskView, KioskScreenView>,
  Assignable<KioskDevice['commands']['take'], KioskScreenCommands['take']>,
];
