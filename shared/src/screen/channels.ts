/** The two IPC channels of the screen API, declared once for the preload and the main process. */
export const CLIENT_TO_RUNTIME = 'motcua:c2s';
export const RUNTIME_TO_CLIENT = 'motcua:s2c';
/** The name under which the preload exposes the bridge (`window.motcua`). */
export const BRIDGE_KEY = 'motcua';

/** What the preload exposes to the page: text frames in and out, nothing else of Electron. */
export interface ScreenBridge {
  send(msg: string): void;
  /** Returns a function that stops the delivery. */
  onMessage(fn: (msg: string) => void): () => void;
}
