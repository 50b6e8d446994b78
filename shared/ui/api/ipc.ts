import type { ScreenBridge } from '../../src/screen/channels.js';
import type { ScreenTransport, TransportListener } from './transport.js';

/**
 * Electron: frames go through the preload's `window.motcua` bridge. The main process lives as long as the
 * window, so the link is open from the start and never needs reconnecting.
 */
export function ipcTransport(bridge: ScreenBridge): ScreenTransport {
  let off: (() => void) | undefined;
  let open = false;
  let heard: TransportListener | undefined;
  return {
    start(listener) {
      heard = listener;
      off = bridge.onMessage((raw) => {
        listener.message(raw);
      });
      open = true;
      listener.state('open');
    },
    send(raw) {
      if (!open) return false;
      bridge.send(raw);
      return true;
    },
    stop() {
      open = false;
      off?.();
      off = undefined;
      heard?.state('closed');
      heard = undefined;
    },
  };
}
