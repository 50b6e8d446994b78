import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  COMPACT_WIDTH,
  WINDOW_MODES,
  createSecureWindow,
  secureWebPreferences,
  windowOptions,
} from '../../src/electron/window-options.js';

const PRELOAD = '/opt/motcua/resources/app.asar/preload.cjs';

describe('secureWebPreferences', () => {
  it('sets every checklist item that is a web preference', () => {
    const p = secureWebPreferences(PRELOAD, true);
    expect(p).toMatchObject({
      preload: PRELOAD,
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
      devTools: false,
    });
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(p.disableBlinkFeatures).toContain('Auxclick');
  });

  it('allows DevTools only outside production, and defaults to production', () => {
    expect(secureWebPreferences(PRELOAD, false).devTools).toBe(true);
    expect(secureWebPreferences(PRELOAD).devTools).toBe(false);
  });

  it.each(['preload.cjs', './preload.cjs', '../x/preload.cjs', '', '/opt/x\0.cjs'])(
    'refuses a preload path that is not absolute: %j',
    (p) => {
      expect(() => secureWebPreferences(p)).toThrow(/preload path must be absolute/);
    },
  );
});

describe('windowOptions', () => {
  it('kiosk: full screen, kiosk, no frame, hidden until ready', () => {
    const o = windowOptions({ mode: 'kiosk', preloadPath: PRELOAD, production: true });
    expect(o).toMatchObject({ fullscreen: true, kiosk: true, frame: false, show: false, resizable: false });
    expect(o.alwaysOnTop).toBeUndefined();
  });

  it('compact: about 360 px wide and always on top, not full screen', () => {
    const o = windowOptions({ mode: 'compact', preloadPath: PRELOAD, production: true });
    expect(o.width).toBe(COMPACT_WIDTH);
    expect(COMPACT_WIDTH).toBeGreaterThanOrEqual(340);
    expect(COMPACT_WIDTH).toBeLessThanOrEqual(380);
    expect(o.alwaysOnTop).toBe(true);
    expect(o.kiosk).toBeUndefined();
    expect(o.fullscreen).toBeUndefined();
    expect(o.maxWidth).toBeLessThanOrEqual(480);
  });

  it('window: an ordinary framed window', () => {
    const o = windowOptions({ mode: 'window', preloadPath: PRELOAD, production: false });
    expect(o.kiosk).toBeUndefined();
    expect(o.frame).toBeUndefined();
    expect(o.webPreferences?.devTools).toBe(true);
  });

  it.each(WINDOW_MODES)('%s: carries the secure web preferences', (mode) => {
    const o = windowOptions({ mode, preloadPath: PRELOAD, production: true });
    expect(o.webPreferences).toEqual(secureWebPreferences(PRELOAD, true));
  });
});

describe('createSecureWindow', () => {
  it('constructs one window with the options of its mode and the secure preferences', () => {
    const made: BrowserWindowConstructorOptions[] = [];
    class Ctor {
      readonly options: BrowserWindowConstructorOptions;
      constructor(o: BrowserWindowConstructorOptions) {
        this.options = o;
        made.push(o);
      }
    }
    const w = createSecureWindow(Ctor, { mode: 'compact', preloadPath: PRELOAD, production: true });
    expect(w).toBeInstanceOf(Ctor);
    expect(made).toHaveLength(1);
    const o = made[0]!;
    expect(o.width).toBe(COMPACT_WIDTH);
    expect(o.alwaysOnTop).toBe(true);
    expect(o.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });
});
