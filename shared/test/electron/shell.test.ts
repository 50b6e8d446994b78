import type { WebContents } from 'electron';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../src/electron/kiosk.js';
import { ShellError, startShell, type ElectronMain, type ShellOptions } from '../../src/electron/shell.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import {
  FakeBrowserWindow,
  FakeWebContents,
  createFakeElectron,
  fakeEvent,
  type FakeElectron,
} from './fake-electron.js';

const PIN = '482913';
let PIN_HASH = '';
beforeAll(async () => {
  PIN_HASH = await hashPin(PIN, { log2N: 10, r: 8, p: 1 });
});
afterEach(() => {
  vi.useRealTimers();
});

function options(fake: FakeElectron, extra: Partial<ShellOptions> = {}) {
  const detach = vi.fn();
  const attachTransport = vi.fn((_c: WebContents) => detach);
  const { logger, records } = memoryLogger();
  const opts: ShellOptions = {
    electron: fake as unknown as ElectronMain,
    role: 'kiosk',
    appUrl: 'http://127.0.0.1:5173/',
    preloadPath: '/opt/motcua/preload.cjs',
    mode: 'kiosk',
    production: true,
    adminPinHash: PIN_HASH,
    attachTransport,
    logger,
    ...extra,
  };
  return { opts, attachTransport, detach, records };
}

async function started(extra: Partial<ShellOptions> = {}) {
  const fake = createFakeElectron();
  const o = options(fake, extra);
  const p = startShell(o.opts);
  fake.app.fireReady();
  const handle = await p;
  const win = FakeBrowserWindow.created[0]!;
  return { fake, handle, win, contents: win.webContents, ...o };
}

describe('startShell: refusals before anything starts', () => {
  it.each([
    ['a remote app URL', { appUrl: 'https://evil.example/' }, 'bad-app-url'],
    ['a file URL', { appUrl: 'file:///opt/motcua/index.html' }, 'bad-app-url'],
    ['a look-alike origin', { appUrl: 'http://127.0.0.1.evil.com:5173/' }, 'bad-app-url'],
    ['an unreadable PIN hash', { adminPinHash: 'hunter2' }, 'bad-pin-hash'],
  ])('refuses %s', async (_what, extra, reason) => {
    const fake = createFakeElectron();
    const lock = vi.spyOn(fake.app, 'requestSingleInstanceLock');
    const err = await startShell(options(fake, extra).opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShellError);
    expect((err as ShellError).reason).toBe(reason);
    expect(lock).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('a second instance quits at once and opens no window', async () => {
    const fake = createFakeElectron();
    fake.app.gotLock = false;
    const err = await startShell(options(fake).opts).catch((e: unknown) => e);
    expect((err as ShellError).reason).toBe('second-instance');
    expect(fake.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});

describe('startShell: kiosk', () => {
  it('hardens, opens one secure full-screen window, loads the app and attaches the transport', async () => {
    const { fake, win, contents, attachTransport, handle } = await started();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.Menu.menu).toBeNull();
    expect(fake.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fake.session.defaultSession.headersReceived).not.toBeNull();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      preload: '/opt/motcua/preload.cjs',
    });
    expect(contents.loaded).toEqual(['http://127.0.0.1:5173/']);
    expect(attachTransport).toHaveBeenCalledTimes(1);
    expect(attachTransport.mock.calls[0]?.[0]).toBe(contents);
    expect(handle.origin.origin).toBe('http://127.0.0.1:5173');
    expect([...fake.powerSaveBlocker.active.values()]).toEqual(['prevent-display-sleep']);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('the window refuses hostile navigation and new windows (hardened through web-contents-created)', async () => {
    const { contents } = await started();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const e = fakeEvent({ url });
      contents.emit('will-navigate', e);
      expect(e.defaultPrevented, url).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('escape keys are swallowed and the window will not close', async () => {
    const { contents, win, fake } = await started();
    const e = fakeEvent();
    contents.emit('before-input-event', e, {
      type: 'keyDown',
      key: 'F4',
      code: 'F4',
      alt: true,
      control: false,
      shift: false,
      meta: false,
    });
    expect(e.defaultPrevented).toBe(true);
    expect(win.tryClose()).toBe(false);
    expect(fake.app.quitCalls).toBe(0);
  });

  it('exit: a wrong PIN keeps the app; the admin PIN quits and releases everything', async () => {
    const { handle, fake, win, detach } = await started();
    expect(await handle.requestExit('000000')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await handle.requestExit(undefined)).toMatchObject({ ok: false, reason: 'bad-input' });
    expect(fake.app.quitCalls).toBe(0);
    expect(await handle.requestExit(PIN)).toEqual({ ok: true });
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.powerSaveBlocker.active.size).toBe(0);
    expect(detach).toHaveBeenCalledTimes(1);
    expect(win.tryClose()).toBe(true);
  });

  it('exit: repeated wrong PINs lock out, and the admin PIN is refused during the lockout', async () => {
    const { handle, fake } = await started();
    for (let i = 0; i < 5; i++) await handle.requestExit(`00000${i}`);
    expect(await handle.requestExit(PIN)).toMatchObject({ ok: false, reason: 'locked' });
    expect(fake.app.quitCalls).toBe(0);
  });

  it('the service manager can stop the app without a PIN', async () => {
    const { handle, fake, win } = await started();
    handle.stop('SIGTERM');
    expect(fake.app.quitCalls).toBe(1);
    expect(win.tryClose()).toBe(true);
  });

  it('a crashed renderer is loaded again after the backoff delay', async () => {
    vi.useFakeTimers();
    const { contents } = await started({
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => {
          clearTimeout(h as ReturnType<typeof setTimeout>);
        },
      },
      clock: { now: () => Date.now() },
    });
    contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(contents.loaded).toEqual(['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/']);
  });

  it('a first load that fails (runtime not up yet) is logged, not thrown, and retried', async () => {
    vi.useFakeTimers();
    const load = vi
      .spyOn(FakeWebContents.prototype, 'loadURL')
      .mockRejectedValueOnce(new Error('ERR_CONNECTION_REFUSED'));
    const { contents, records } = await started({
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => {
          clearTimeout(h as ReturnType<typeof setTimeout>);
        },
      },
      clock: { now: () => Date.now() },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(records.some((r) => r.message === 'first load failed')).toBe(true);
    // Electron raises did-fail-load for the main frame as well; recovery loads again.
    contents.emit(
      'did-fail-load',
      fakeEvent(),
      -102,
      'ERR_CONNECTION_REFUSED',
      'http://127.0.0.1:5173/',
      true,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(2);
    load.mockRestore();
  });

  it('a destroyed webContents detaches the transport and releases the power blocker', async () => {
    const { contents, detach, fake } = await started();
    contents.destroy();
    expect(detach).toHaveBeenCalledTimes(1);
    expect(fake.powerSaveBlocker.active.size).toBe(0);
  });

  it('a second launch focuses the running window; closing all windows quits', async () => {
    const { fake, win } = await started();
    fake.app.emit('second-instance');
    expect(win.focused).toBe(1);
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
  });

  it('production: DevTools opened by any path are closed again', async () => {
    const { contents } = await started();
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });
});

describe('startShell: other modes', () => {
  it('compact: narrow, always on top, closable, no power blocker, keys pass', async () => {
    const { win, fake, contents, handle } = await started({ mode: 'compact', role: 'counter' });
    expect(win.options).toMatchObject({ width: 360, alwaysOnTop: true });
    expect(win.options.kiosk).toBeUndefined();
    expect(fake.powerSaveBlocker.active.size).toBe(0);
    const e = fakeEvent();
    contents.emit('before-input-event', e, {
      type: 'keyDown',
      key: 'w',
      code: 'KeyW',
      control: true,
      alt: false,
      shift: false,
      meta: false,
    });
    expect(e.defaultPrevented).toBe(false);
    expect(win.tryClose()).toBe(true);
    expect(await handle.requestExit(undefined)).toEqual({ ok: true });
  });

  it('development: DevTools are allowed and stay open', async () => {
    const { win, contents } = await started({ mode: 'window', production: false });
    expect(win.options.webPreferences?.devTools).toBe(true);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(0);
  });
});
