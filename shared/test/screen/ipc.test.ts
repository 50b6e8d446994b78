import { describe, expect, it, vi } from 'vitest';
import { attachIpcTransport, originOf } from '../../src/screen/ipc-main.js';
import { CLIENT_TO_RUNTIME, RUNTIME_TO_CLIENT } from '../../src/screen/channels.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';
import { FakeElectron } from './fake-electron.js';
import { APP_ORIGIN, loadPreload } from './ipc-harness.js';

const current = vi.hoisted((): { electron?: FakeElectron } => ({}));
vi.mock('electron', () => ({
  get contextBridge() {
    return current.electron?.contextBridge;
  },
  get ipcRenderer() {
    return current.electron?.ipcRenderer;
  },
}));

const HELLO = JSON.stringify({ t: 'hello', v: 1 });

function attach(electron = new FakeElectron(`${APP_ORIGIN}/index.html`)) {
  const api = fakeCounterApi();
  const detach = attachIpcTransport({
    ipcMain: electron.ipcMain as never,
    webContents: electron.webContents as never,
    api,
    commandArgs: counterArgs,
    appOrigin: APP_ORIGIN,
  });
  return { electron, api, detach };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('Electron preload', () => {
  it('exposes window.motcua with send and onMessage only', async () => {
    const electron = new FakeElectron();
    const bridge = await loadPreload(current, electron);
    expect([...electron.exposed.keys()]).toEqual(['motcua']);
    expect(Object.keys(bridge).sort()).toEqual(['onMessage', 'send']);
    expect(typeof bridge.send).toBe('function');
    expect(typeof bridge.onMessage).toBe('function');
  });

  it('hands the page the text only, never the Electron event, and stops when unsubscribed', async () => {
    const electron = new FakeElectron();
    const bridge = await loadPreload(current, electron);
    const got: unknown[][] = [];
    const off = bridge.onMessage((...args: unknown[]) => got.push(args));
    electron.webContents.send(RUNTIME_TO_CLIENT, '{"t":"view","view":1}');
    electron.webContents.send(RUNTIME_TO_CLIENT, { not: 'text' });
    await settle();
    expect(got).toEqual([['{"t":"view","view":1}']]);
    off();
    electron.webContents.send(RUNTIME_TO_CLIENT, '{"t":"view","view":2}');
    await settle();
    expect(got).toHaveLength(1);
  });

  it('sends only text frames of sane size', async () => {
    const electron = new FakeElectron();
    const bridge = await loadPreload(current, electron);
    const seen: unknown[] = [];
    electron.ipcMain.on(CLIENT_TO_RUNTIME, (_e, m: unknown) => seen.push(m));
    (bridge.send as (m: unknown) => void)({ t: 'hello' });
    bridge.send('x'.repeat(100_000));
    bridge.send(HELLO);
    await settle();
    expect(seen).toEqual([HELLO]);
  });
});

describe('Electron main-side IPC transport', () => {
  it("answers only its own window's main frame on the app's origin", async () => {
    const { electron, api } = attach();
    const other = new FakeElectron(`${APP_ORIGIN}/index.html`).webContents;
    electron.sendFrom(other, other.mainFrame, CLIENT_TO_RUNTIME, HELLO); // another window
    electron.sendFrom(electron.webContents, { url: `${APP_ORIGIN}/index.html` }, CLIENT_TO_RUNTIME, HELLO); // iframe
    electron.sendFrom(electron.webContents, null, CLIENT_TO_RUNTIME, HELLO); // frame gone
    await settle();
    expect(api.listeners).toBe(0);
    electron.webContents.mainFrame.url = 'https://evil.example/'; // navigated away
    electron.ipcRenderer.send(CLIENT_TO_RUNTIME, HELLO);
    await settle();
    expect(api.listeners).toBe(0);
    electron.webContents.mainFrame.url = `${APP_ORIGIN}/index.html#/search`;
    electron.ipcRenderer.send(CLIENT_TO_RUNTIME, HELLO);
    await vi.waitFor(() => {
      expect(api.listeners).toBe(2);
    });
  });

  it('refuses non-text frames', async () => {
    const { electron, api } = attach();
    const replies: string[] = [];
    electron.ipcRenderer.on(RUNTIME_TO_CLIENT, (_e, m: string) => replies.push(m));
    electron.ipcRenderer.send(CLIENT_TO_RUNTIME, { t: 'hello', v: 1 });
    await vi.waitFor(() => {
      expect(replies.map((r) => JSON.parse(r) as unknown)).toEqual([
        { t: 'error', reason: 'bad-request', message: 'frame is not text' },
      ]);
    });
    expect(api.listeners).toBe(0);
  });

  it('detaches when the window is destroyed: no listener left, nothing sent to a dead window', async () => {
    const { electron, api } = attach();
    electron.ipcRenderer.send(CLIENT_TO_RUNTIME, HELLO);
    await vi.waitFor(() => {
      expect(api.listeners).toBe(2);
    });
    electron.webContents.destroy();
    expect(electron.ipcMain.listenerCount(CLIENT_TO_RUNTIME)).toBe(0);
    expect(electron.webContents.listenerCount('destroyed')).toBe(0);
    expect(api.listeners).toBe(0);
    expect(() => {
      api.set(5);
    }).not.toThrow();
  });

  it('detach() by hand does the same and may be called twice', () => {
    const { electron, detach } = attach();
    detach();
    detach();
    expect(electron.ipcMain.listenerCount(CLIENT_TO_RUNTIME)).toBe(0);
  });

  it('compares custom-scheme origins by scheme and host (URL.origin is "null" for them)', () => {
    expect(originOf('app://kiosk/index.html')).toBe('app://kiosk');
    expect(originOf('app://lookup/index.html')).not.toBe(originOf('app://kiosk/'));
    expect(originOf('http://127.0.0.1:8300/x?y')).toBe('http://127.0.0.1:8300');
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
    expect(() =>
      attachIpcTransport({
        ipcMain: new FakeElectron().ipcMain as never,
        webContents: new FakeElectron().webContents as never,
        api: fakeCounterApi(),
        commandArgs: counterArgs,
        appOrigin: 'kiosk',
      }),
    ).toThrow(/appOrigin/);
  });
});
