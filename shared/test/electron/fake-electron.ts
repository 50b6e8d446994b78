/**
 * A stand-in for the parts of the `electron` module the shell touches. Electron's binary cannot run on these
 * machines, so the shell is driven through these fakes (also used as the `vi.mock('electron')` factory). They
 * record what the shell registers and let a test fire the events Electron would fire, with hostile arguments.
 */
import { EventEmitter } from 'node:events';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  PowerSaveBlocker,
  Session,
  WebContents,
} from 'electron';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  readonly [k: string]: unknown;
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  const e = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly loaded: string[] = [];
  loadFails = false;
  crashedByShell = 0;
  devToolsClosed = 0;

  setWindowOpenHandler(h: WindowOpenHandler): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
    return this.loadFails ? Promise.reject(new Error('ERR_CONNECTION_REFUSED')) : Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashedByShell += 1;
  }
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = 0;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {
    /* nothing to restore in a fake */
  }
  focus(): void {
    this.focused += 1;
  }
  /** What Electron does on Alt+F4 / the window manager's close: emits 'close', closes unless prevented. */
  tryClose(): boolean {
    const e = fakeEvent();
    this.emit('close', e);
    return !e.defaultPrevented;
  }
}

type Handler = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  displayMediaRequestHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  headersReceived: Handler | null = null;
  readonly webRequest = {
    onBeforeRequest: (h: Handler): void => {
      this.beforeRequest = h;
    },
    onHeadersReceived: (h: Handler): void => {
      this.headersReceived = h;
    },
  };
  setPermissionRequestHandler(h: Handler | null): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler | null): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Handler | null): void {
    this.devicePermissionHandler = h;
  }
  setDisplayMediaRequestHandler(h: Handler | null): void {
    this.displayMediaRequestHandler = h;
  }
}

export class FakeApp extends EventEmitter {
  gotLock = true;
  quitCalls = 0;
  sandboxEnabled = false;
  isPackaged = false;
  private readyResolve: (() => void) | null = null;
  private readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  fireReady(): void {
    this.readyResolve?.();
  }
}

export class FakePowerSaveBlocker {
  private next = 1;
  readonly active = new Map<number, string>();
  start(type: string): number {
    const id = this.next++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

export interface FakeElectron {
  app: FakeApp;
  BrowserWindow: typeof FakeBrowserWindow;
  session: { defaultSession: FakeSession };
  powerSaveBlocker: FakePowerSaveBlocker;
  Menu: { setApplicationMenu(menu: unknown): void; menu: unknown };
}

export function createFakeElectron(): FakeElectron {
  FakeBrowserWindow.created = [];
  const app = new FakeApp();
  // Like Electron: every new webContents is announced on the app.
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
  }
  const menu = {
    menu: 'default' as unknown,
    setApplicationMenu(m: unknown) {
      menu.menu = m;
    },
  };
  return {
    app,
    BrowserWindow,
    session: { defaultSession: new FakeSession() },
    powerSaveBlocker: new FakePowerSaveBlocker(),
    Menu: menu,
  };
}

// Type-level contract: each fake method the shell calls keeps the name and a compatible shape of Electron's own,
// so a change in Electron's typings breaks tsc here rather than leaving the fakes testing an API that is gone.
type Fits<T extends U, U> = T;
type ContentsCalls = 'isDestroyed' | 'loadURL' | 'forcefullyCrashRenderer' | 'closeDevTools';
export type FakeContentsFits = Fits<Pick<FakeWebContents, ContentsCalls>, Pick<WebContents, ContentsCalls>>;
type WindowCalls = 'show' | 'isDestroyed' | 'isMinimized' | 'restore' | 'focus';
export type FakeWindowFits = Fits<Pick<FakeBrowserWindow, WindowCalls>, Pick<BrowserWindow, WindowCalls>>;
type AppCalls = 'requestSingleInstanceLock' | 'quit' | 'enableSandbox' | 'whenReady' | 'isPackaged';
export type FakeAppFits = Fits<Pick<FakeApp, AppCalls>, Pick<App, AppCalls>>;
export type FakeBlockerFits = Fits<FakePowerSaveBlocker, PowerSaveBlocker>;
type SessionCalls =
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler';
export type FakeSessionFits = Fits<Pick<FakeSession, SessionCalls>, Pick<Session, SessionCalls>>;
