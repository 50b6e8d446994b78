/**
 * The entry imports the real `electron` module; here that import is replaced by the fake (Electron's binary
 * cannot run on these machines), which proves the entry type-checks against and calls the module as Electron
 * exposes it.
 */
import * as electron from 'electron';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../src/electron/kiosk.js';
import { DEFAULT_PRELOAD, main, readShellConfig } from '../../src/electron/main.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { FakeBrowserWindow, type FakeApp } from './fake-electron.js';

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron.js');
  return createFakeElectron();
});

let PIN_HASH = '';
beforeAll(async () => {
  PIN_HASH = await hashPin('482913', { log2N: 10, r: 8, p: 1 });
});
afterEach(() => {
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
});

describe('readShellConfig', () => {
  const env = { MOTCUA_ROLE: 'board', MOTCUA_APP_URL: 'http://127.0.0.1:4000/', MOTCUA_ADMIN_PIN_HASH: 'h' };

  it('reads the environment, with kiosk mode and the bundled preload by default', () => {
    const r = readShellConfig([], env);
    expect(r).toEqual({
      ok: true,
      value: {
        role: 'board',
        appUrl: 'http://127.0.0.1:4000/',
        mode: 'kiosk',
        adminPinHash: 'h',
        preloadPath: DEFAULT_PRELOAD,
        dev: false,
      },
    });
  });

  it('the command line wins over the environment; the entry’s runtime URL wins over both', () => {
    const r = readShellConfig(['/opt/motcua/motcua', '--mode=compact', '--role=counter'], env);
    expect(r.ok && [r.value.mode, r.value.role]).toEqual(['compact', 'counter']);
    const r2 = readShellConfig(['--app-url=http://127.0.0.1:1/'], env, { appUrl: 'http://127.0.0.1:2/' });
    expect(r2.ok && r2.value.appUrl).toBe('http://127.0.0.1:2/');
  });

  it.each([
    ['an unknown role', ['--role=admin']],
    ['an unknown mode', ['--mode=fullscreen-with-devtools']],
  ])('refuses %s with a reason', (_what, argv) => {
    const r = readShellConfig(argv, env);
    expect(r).toMatchObject({ ok: false, reason: 'bad-config' });
  });

  it('refuses a missing PIN hash (a kiosk nobody can leave)', () => {
    const r = readShellConfig([], { ...env, MOTCUA_ADMIN_PIN_HASH: undefined });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/adminPinHash/);
  });
});

describe('main, with electron mocked', () => {
  it('starts the shell on the mocked electron module and wires SIGTERM to a PIN-less stop', async () => {
    const app = electron.app as unknown as FakeApp;
    const detach = vi.fn();
    const attachTransport = vi.fn(() => detach);
    const { logger } = memoryLogger();
    const p = main({
      attachTransport,
      argv: ['--role=kiosk'],
      env: { MOTCUA_APP_URL: 'http://127.0.0.1:4000/', MOTCUA_ADMIN_PIN_HASH: PIN_HASH, MOTCUA_DEV: '1' },
      preloadPath: '/opt/motcua/preload.cjs',
      logger,
    });
    app.fireReady();
    const handle = await p;
    const win = FakeBrowserWindow.created.at(-1)!;
    expect(win.options.kiosk).toBe(true);
    // MOTCUA_DEV=1 from a checkout (not packaged) opens DevTools; the window says so.
    expect(win.options.webPreferences?.devTools).toBe(true);
    expect(win.webContents.loaded).toEqual(['http://127.0.0.1:4000/']);
    expect(attachTransport).toHaveBeenCalledWith(win.webContents);
    expect(handle.origin.port).toBe(4000);
    expect(app.quitCalls).toBe(0);
    process.emit('SIGTERM', 'SIGTERM');
    expect(app.quitCalls).toBe(1);
  });

  it('a packaged app is production whatever MOTCUA_DEV says', async () => {
    const app = electron.app as unknown as FakeApp;
    app.isPackaged = true;
    app.fireReady();
    await main({
      attachTransport: () => () => undefined,
      argv: [],
      env: {
        MOTCUA_ROLE: 'board',
        MOTCUA_APP_URL: 'http://127.0.0.1:4001/',
        MOTCUA_ADMIN_PIN_HASH: PIN_HASH,
        MOTCUA_DEV: '1',
      },
      preloadPath: '/opt/motcua/preload.cjs',
      logger: memoryLogger().logger,
    });
    expect(FakeBrowserWindow.created.at(-1)?.options.webPreferences?.devTools).toBe(false);
    app.isPackaged = false;
  });

  it('refuses a bad configuration with its reason', async () => {
    const { logger, records } = memoryLogger();
    await expect(
      main({
        attachTransport: () => () => undefined,
        argv: [],
        env: {},
        preloadPath: '/x/preload.cjs',
        logger,
      }),
    ).rejects.toThrow(/^bad-config: /);
    expect(records.some((r) => r.level === 'error')).toBe(true);
  });
});
