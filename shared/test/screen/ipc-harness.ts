/** Test support: the fake counter runtime attached over the (faked) Electron IPC, reached through the preload. */
import { vi } from 'vitest';
import type { ScreenBridge } from '../../src/screen/channels.js';
import { RUNTIME_TO_CLIENT } from '../../src/screen/channels.js';
import { attachIpcTransport } from '../../src/screen/ipc-main.js';
import { connectScreen } from '../../ui/api/client.js';
import { ipcTransport } from '../../ui/api/ipc.js';
import type { CounterCommands, CounterView } from '../../ui/example/api.js';
import type { ScreenHarness } from './contract.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';
import { FakeElectron } from './fake-electron.js';

export const APP_ORIGIN = 'app://kiosk';

/**
 * Loads `preload.ts` afresh against `electron` (the test file mocks 'electron' to `current.electron`), and
 * returns what it exposed as `window.motcua`.
 */
export async function loadPreload(
  current: { electron?: FakeElectron },
  electron: FakeElectron,
): Promise<ScreenBridge> {
  current.electron = electron;
  vi.resetModules();
  await import('../../src/screen/preload.js');
  return electron.exposed.get('motcua') as ScreenBridge;
}

export function ipcHarness(current: { electron?: FakeElectron }): () => Promise<ScreenHarness> {
  return async () => {
    const electron = new FakeElectron(`${APP_ORIGIN}/index.html`);
    const api = fakeCounterApi();
    const detach = attachIpcTransport({
      ipcMain: electron.ipcMain as never,
      webContents: electron.webContents as never,
      api,
      commandArgs: counterArgs,
      appOrigin: APP_ORIGIN,
    });
    const bridge = await loadPreload(current, electron);
    const clients: { close(): void }[] = [];
    return {
      api,
      connect() {
        const c = connectScreen<CounterView, CounterCommands>(ipcTransport(bridge));
        clients.push(c);
        return Promise.resolve(c);
      },
      raw() {
        const frames: unknown[] = [];
        electron.ipcRenderer.on(RUNTIME_TO_CLIENT, (_e: unknown, msg: string) =>
          frames.push(JSON.parse(msg)),
        );
        return Promise.resolve({
          send: (f: unknown) => {
            electron.ipcRenderer.send('motcua:c2s', typeof f === 'string' ? f : JSON.stringify(f));
          },
          frames,
          close: () => undefined,
        });
      },
      dropClients() {
        electron.webContents.destroy();
        return Promise.resolve();
      },
      close() {
        for (const c of clients) c.close();
        detach();
        return Promise.resolve();
      },
    };
  };
}
