/**
 * A screen transport carries text frames between the page and its runtime and says whether the link is up.
 * Two exist: `wsTransport` (browser mode) and `ipcTransport` (Electron). `connectScreen` runs on either.
 *
 * DOM-free on purpose (structural types only), so the same client runs in the contract suite under Node.
 */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface TransportListener {
  state(s: LinkState): void;
  message(raw: string): void;
}

export interface ScreenTransport {
  /** Starts the link; the listener hears every state change and every incoming frame. */
  start(listener: TransportListener): void;
  /** Sends a frame; false when the link is not open (the frame is dropped, never queued). */
  send(raw: string): boolean;
  /** Ends the link for good (state `closed`, no reconnect). */
  stop(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => {
    clearTimeout(h as Parameters<typeof clearTimeout>[0]);
  },
};
