/**
 * Test support: an in-memory stand-in for the parts of Electron the screen IPC uses (ipcMain, one renderer's
 * ipcRenderer, contextBridge, a webContents with its frames). Delivery is asynchronous, as real IPC is.
 * Electron's binary cannot run here; `vi.mock('electron')` hands this to `preload.ts`.
 */
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  private destroyed = false;
  constructor(
    private readonly electron: FakeElectron,
    url: string,
  ) {
    super();
    this.mainFrame = { url };
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    setImmediate(() => {
      this.electron.ipcRenderer.emit(channel, { sender: this.electron.ipcRenderer }, ...args);
    });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeElectron {
  readonly ipcMain = new EventEmitter();
  readonly ipcRenderer: EventEmitter & { send(channel: string, ...args: unknown[]): void };
  /** What the preload exposed, as the page's `window` would see it. */
  readonly exposed = new Map<string, unknown>();
  readonly contextBridge = {
    exposeInMainWorld: (key: string, api: unknown): void => {
      if (this.exposed.has(key)) throw new Error(`${key} already exposed`);
      this.exposed.set(key, api);
    },
  };
  readonly webContents: FakeWebContents;

  constructor(url = 'app://kiosk/index.html') {
    this.webContents = new FakeWebContents(this, url);
    const renderer = new EventEmitter() as EventEmitter & { send(channel: string, ...args: unknown[]): void };
    renderer.send = (channel, ...args) => {
      this.sendFrom(this.webContents, this.webContents.mainFrame, channel, ...args);
    };
    this.ipcRenderer = renderer;
  }

  /** Delivers a renderer → main message as if sent by `sender` from `frame` (to forge senders in tests). */
  sendFrom(sender: object, frame: FakeFrame | null, channel: string, ...args: unknown[]): void {
    setImmediate(() => {
      this.ipcMain.emit(channel, { sender, senderFrame: frame }, ...args);
    });
  }
}
