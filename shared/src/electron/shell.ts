/**
 * The Electron main process of every device app, composed from the small modules next to it. It owns no domain
 * logic: the runtime (store, sync, drivers) runs beside it, serves the screen on loopback, and talks to the
 * renderer through the IPC transport handed in as `attachTransport`.
 */
import type * as ElectronModule from 'electron';
import type { BrowserWindow, WebContents } from 'electron';
import { parseAppOrigin, type AppOrigin } from './app-origin.js';
import { attachCrashRecovery, systemTimers, type CrashRecovery, type Timers } from './crash.js';
import {
  blockEscapeKeys,
  createExitGuard,
  keepScreenAwake,
  type ExitAttempt,
  type ExitGuard,
} from './kiosk.js';
import { hardenAllContents, hardenSession } from './security.js';
import { createSecureWindow, type WindowMode } from './window-options.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';

/** The parts of the `electron` module the shell uses (the real module satisfies it; tests pass a fake). */
export type ElectronMain = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'session' | 'powerSaveBlocker' | 'Menu'
>;

export type DeviceRole = 'kiosk' | 'lookup' | 'counter' | 'display' | 'rating' | 'board';

export interface ShellOptions {
  readonly electron: ElectronMain;
  readonly role: DeviceRole;
  /** `http://127.0.0.1:<port>/…`: the runtime's loopback server. */
  readonly appUrl: string;
  readonly preloadPath: string;
  readonly mode: WindowMode;
  readonly production: boolean;
  /** scrypt hash of the admin PIN (see `hashPin`); required to leave kiosk mode. */
  readonly adminPinHash: string;
  /** Connects the screen session to this webContents; returns the detach function. */
  readonly attachTransport: (contents: WebContents) => () => void;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly timers?: Timers;
}

export interface ShellHandle {
  readonly window: BrowserWindow;
  readonly origin: AppOrigin;
  /** Leaves the app if `pin` is the admin PIN (kiosk mode); otherwise says why not. */
  requestExit(pin: unknown): Promise<ExitAttempt>;
  /** Quits without a PIN: for the service manager's stop (SIGTERM), never for anything the screen asks. */
  stop(reason: string): void;
}

export class ShellError extends Error {
  constructor(
    readonly reason: 'bad-app-url' | 'bad-pin-hash' | 'second-instance',
    message: string,
  ) {
    super(message);
    this.name = 'ShellError';
  }
}

/**
 * Starts the shell. Resolves once the window exists and the app is loading, or rejects with a ShellError when
 * the configuration is unusable or another instance already runs (that instance is focused instead).
 */
export async function startShell(opts: ShellOptions): Promise<ShellHandle> {
  const { app, BrowserWindow, Menu, powerSaveBlocker, session } = opts.electron;
  const log = opts.logger.child(`shell:${opts.role}`);
  const clock = opts.clock ?? systemClock;
  const timers = opts.timers ?? systemTimers;

  // Everything that can be checked before Electron is touched is checked first: a bad config fails loudly.
  const parsed = parseAppOrigin(opts.appUrl);
  if (!parsed.ok) throw new ShellError('bad-app-url', parsed.message);
  const origin = parsed.value;
  let guard: ExitGuard;
  try {
    guard = createExitGuard({ pinHash: opts.adminPinHash, clock, logger: log.child('exit') });
  } catch (e) {
    throw new ShellError('bad-pin-hash', e instanceof Error ? e.message : String(e));
  }

  if (!app.requestSingleInstanceLock()) {
    log.warn('another instance is running: quitting');
    app.quit();
    throw new ShellError('second-instance', 'another instance of the app is already running');
  }

  const hardenOpts = { app: origin, logger: log.child('security'), allowDevTools: !opts.production };
  // Before 'ready': sandbox every renderer, even one created by a future edit without webPreferences.
  app.enableSandbox();
  hardenAllContents(app, hardenOpts);
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  await app.whenReady();
  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, hardenOpts);

  const window = createSecureWindow(BrowserWindow, {
    mode: opts.mode,
    preloadPath: opts.preloadPath,
    production: opts.production,
  });
  win = window;
  const contents = window.webContents;
  const kiosk = opts.mode === 'kiosk';
  let exitAllowed = !kiosk;
  let awake: ReturnType<typeof keepScreenAwake> | null = null;
  let crash: CrashRecovery | null = null;
  let detach: (() => void) | null = null;

  if (kiosk) {
    blockEscapeKeys(contents, log);
    awake = keepScreenAwake(powerSaveBlocker);
    // Alt+F4 is handled by the window manager before the page sees it: the close itself is refused.
    window.on('close', (event) => {
      if (exitAllowed) return;
      event.preventDefault();
      log.warn('window close refused: admin PIN required');
    });
  }
  window.once('ready-to-show', () => window.show());
  if (opts.production) {
    // webPreferences.devTools is false already; this closes them should any path still open them.
    contents.on('devtools-opened', () => {
      log.warn('DevTools opened in production: closing');
      contents.closeDevTools();
    });
  }

  const cleanup = (): void => {
    crash?.dispose();
    crash = null;
    awake?.stop();
    awake = null;
    if (detach !== null) {
      const d = detach;
      detach = null;
      try {
        d();
      } catch (e) {
        log.error('transport detach failed', { error: String(e) });
      }
    }
  };
  contents.once('destroyed', cleanup);

  const quit = (reason: string): void => {
    exitAllowed = true;
    log.info('quitting', { reason });
    cleanup();
    app.quit();
  };
  app.on('window-all-closed', () => quit('all windows closed'));

  detach = opts.attachTransport(contents);
  crash = attachCrashRecovery(contents, {
    recover: () => contents.loadURL(origin.url),
    killRenderer: () => contents.forcefullyCrashRenderer(),
    clock,
    timers,
    logger: log.child('crash'),
  });

  // A failed first load (runtime not listening yet) raises did-fail-load, which crash recovery retries.
  contents.loadURL(origin.url).catch((e: unknown) => log.warn('first load failed', { error: String(e) }));
  log.info('shell started', { mode: opts.mode, origin: origin.origin, production: opts.production });

  return {
    window,
    origin,
    async requestExit(pin) {
      if (!kiosk) {
        quit('exit requested');
        return { ok: true };
      }
      const result = await guard.attempt(pin);
      if (result.ok) quit('admin PIN');
      return result;
    },
    stop: (reason) => quit(reason),
  };
}
