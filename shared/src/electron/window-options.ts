/**
 * The settings of the one window each device app opens. Pure functions: what they return is asserted in unit
 * tests, and `createSecureWindow` is the only place in the shell where a BrowserWindow is constructed.
 */
import { isAbsolute } from 'node:path';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * kiosk: full screen, no frame, no way out but the admin PIN (kiosk, look-up, counter display, hall board).
 * window: an ordinary resizable window (development, or an officer PC that wants a big panel).
 * compact: a narrow always-on-top panel (~360 px) that sits beside the officer's other software.
 */
export type WindowMode = 'kiosk' | 'window' | 'compact';

export const WINDOW_MODES: readonly WindowMode[] = ['kiosk', 'window', 'compact'];

export const COMPACT_WIDTH = 360;

export interface WindowOptionsInput {
  readonly mode: WindowMode;
  /** Absolute path of the preload script (the IPC bridge). */
  readonly preloadPath: string;
  /** DevTools are available only when this is false. */
  readonly production: boolean;
}

/**
 * The renderer's web preferences: every item of Electron's security checklist that is a window setting.
 * `enableBlinkFeatures` is deliberately absent (checklist item 10): no Blink feature is switched on.
 */
export function secureWebPreferences(preloadPath: string, production = true): WebPreferences {
  if (!isAbsolute(preloadPath) || preloadPath.includes('\0')) {
    // A relative preload path is resolved against the working directory, which systemd or a user may change.
    throw new Error(`preload path must be absolute, got ${JSON.stringify(preloadPath)}`);
  }
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    // Middle-click ("auxclick") can open links in new windows; the window-open handler denies those anyway.
    disableBlinkFeatures: 'Auxclick',
    // A page could otherwise open alert() loops that a kiosk user cannot dismiss.
    safeDialogs: true,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    devTools: !production,
  };
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    // Shown on 'ready-to-show', so a kiosk never flashes an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    title: 'Một Cửa',
    webPreferences: secureWebPreferences(input.preloadPath, input.production),
  };
  switch (input.mode) {
    case 'kiosk':
      return {
        ...common,
        fullscreen: true,
        kiosk: true,
        frame: false,
        resizable: false,
        movable: false,
        minimizable: false,
        maximizable: false,
        closable: false,
        skipTaskbar: true,
      };
    case 'compact':
      return {
        ...common,
        width: COMPACT_WIDTH,
        minWidth: 320,
        maxWidth: 480,
        height: 720,
        minHeight: 480,
        alwaysOnTop: true,
        fullscreenable: false,
        maximizable: false,
      };
    case 'window':
      return { ...common, width: 1280, height: 800, minWidth: 800, minHeight: 600 };
  }
}

/** The constructor the shell is given (Electron's BrowserWindow, or a fake in tests). */
export type BrowserWindowCtor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Makes the window. The settings that matter most are restated literally here, after the spread, so that they
 * win over anything a future edit of `windowOptions` might put there, and so that the static scan
 * (electronegativity, which only reads literals at `new BrowserWindow(...)`) sees them.
 */
export function createSecureWindow<W>(BrowserWindow: BrowserWindowCtor<W>, input: WindowOptionsInput): W {
  const options = windowOptions(input);
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
