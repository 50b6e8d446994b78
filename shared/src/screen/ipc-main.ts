/**
 * The main-process half of the IPC transport: one screen session per window (webContents). `ipcMain` is
 * shared by every window of the process, so each attachment answers only its own webContents, and only its
 * main frame showing the app's own origin: an iframe or a page navigated elsewhere gets nothing (Electron's
 * checklist, "validate the sender of all IPC messages").
 *
 * Only Electron's types are imported: the objects are injected, so this runs under test with fakes.
 */
import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import type { DeviceApi } from '../device/api.js';
import { silentLogger, type Logger } from '../runtime/logger.js';
import { CLIENT_TO_RUNTIME, RUNTIME_TO_CLIENT } from './channels.js';
import {
  createScreenSession,
  type AnyCommands,
  type CommandArgSchemas,
  type ScreenSessionOptions,
} from './session.js';

export interface AttachIpcOptions<View, C extends AnyCommands> {
  readonly ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  readonly webContents: Pick<WebContents, 'send' | 'isDestroyed' | 'once' | 'removeListener' | 'mainFrame'>;
  readonly api: DeviceApi<View, C>;
  readonly commandArgs: CommandArgSchemas<C>;
  /** The app's origin, e.g. `app://kiosk` (custom protocol) or `http://127.0.0.1:8300`. */
  readonly appOrigin: string;
  readonly logger?: Logger;
  readonly session?: ScreenSessionOptions;
}

/** Attaches the screen API to one window; returns `detach` (also run when the webContents is destroyed). */
export function attachIpcTransport<View, C extends AnyCommands>(opts: AttachIpcOptions<View, C>): () => void {
  const log = (opts.logger ?? silentLogger).child('screen-ipc');
  const { ipcMain, webContents } = opts;
  const appOrigin = originOf(opts.appOrigin);
  if (appOrigin === undefined) throw new Error(`appOrigin is not a URL origin: ${opts.appOrigin}`);

  const session = createScreenSession(
    opts.api,
    opts.commandArgs,
    (raw) => {
      if (!webContents.isDestroyed()) webContents.send(RUNTIME_TO_CLIENT, raw);
    },
    { logger: log, ...opts.session },
  );

  const onFrame = (event: IpcMainEvent, msg: unknown): void => {
    if (event.sender !== webContents) return; // another window's attachment answers it
    const frame = event.senderFrame;
    if (frame === null || frame !== webContents.mainFrame) {
      log.warn('ipc frame refused: not the main frame');
      return;
    }
    if (originOf(frame.url) !== appOrigin) {
      log.warn('ipc frame refused: foreign origin', { origin: originOf(frame.url) ?? 'invalid' });
      return;
    }
    session.receive(msg);
  };

  let attached = true;
  const detach = (): void => {
    if (!attached) return;
    attached = false;
    ipcMain.removeListener(CLIENT_TO_RUNTIME, onFrame);
    webContents.removeListener('destroyed', detach);
    session.close();
  };
  ipcMain.on(CLIENT_TO_RUNTIME, onFrame);
  webContents.once('destroyed', detach);
  return detach;
}

/**
 * `scheme://host[:port]` of a URL. Not `URL.origin`: that is the string "null" for custom schemes such as
 * `app://kiosk`, which would make every custom-scheme page look alike.
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host === '' ? undefined : `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}
