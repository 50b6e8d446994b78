/**
 * The renderer half of the IPC transport, separate from `preload.ts` so it can be built with any
 * `ipcRenderer` (tests pass an in-memory one). The page gets two functions that carry text frames; the
 * Electron event object (which holds `sender` and friends) never reaches it.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CLIENT_TO_RUNTIME, RUNTIME_TO_CLIENT, type ScreenBridge } from './channels.js';
import { MAX_CLIENT_MESSAGE_CHARS } from './protocol.js';

export function createScreenBridge(ipc: Pick<IpcRenderer, 'send' | 'on' | 'removeListener'>): ScreenBridge {
  return {
    send(msg) {
      // Only text frames of sane size cross; the main side validates again, this just keeps junk off IPC.
      if (typeof msg !== 'string' || msg.length > MAX_CLIENT_MESSAGE_CHARS) return;
      ipc.send(CLIENT_TO_RUNTIME, msg);
    },
    onMessage(fn) {
      const listener = (_event: IpcRendererEvent, msg: unknown): void => {
        if (typeof msg === 'string') fn(msg);
      };
      ipc.on(RUNTIME_TO_CLIENT, listener);
      return () => {
        ipc.removeListener(RUNTIME_TO_CLIENT, listener);
      };
    },
  };
}
