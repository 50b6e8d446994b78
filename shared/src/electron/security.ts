/**
 * Session and webContents hardening: the checklist items that are handlers rather than window settings.
 * Each function takes the Electron object it hardens, so the tests drive it with fakes and hostile inputs.
 * Nothing here (or anywhere in the shell) calls `shell.openExternal`: a kiosk has no "other browser" to open.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl, type AppOrigin } from './app-origin.js';
import type { Logger } from '../runtime/logger.js';

export interface HardenOptions {
  readonly app: AppOrigin;
  readonly logger: Logger;
  /** Let `devtools:` requests through (DevTools are allowed only outside production). */
  readonly allowDevTools?: boolean;
}

/** The subset of a Session the hardening touches (a real Session satisfies it). */
export type SessionPort = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'on'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'> };

/** The subset of a WebContents the hardening touches. */
export type ContentsPort = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** For log lines: a hostile URL can be megabytes long or carry a token; keep the start only. */
export function shortUrl(url: unknown): string {
  return typeof url === 'string' ? url.slice(0, 120) : typeof url;
}

/** Requests the app may make: its own origin; `data:`/`blob:` stay inside the page (the CSP governs them). */
export function isAllowedRequest(url: string, opts: Pick<HardenOptions, 'app' | 'allowDevTools'>): boolean {
  if (isAppUrl(url, opts.app)) return true;
  if (url.startsWith('data:') || url.startsWith(`blob:${opts.app.origin}/`)) return true;
  return opts.allowDevTools === true && url.startsWith('devtools://');
}

/** Header names are case-insensitive: a `content-security-policy` from the server must not be doubled up. */
function splitCsp(headers: Record<string, string[]> | undefined): {
  rest: Record<string, string[]>;
  csp: string[];
} {
  const rest: Record<string, string[]> = {};
  const csp: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') csp.push(...value);
    else rest[name] = value;
  }
  return { rest, csp };
}

/**
 * Denies every permission (camera, microphone, geolocation, notifications, HID/serial/USB pickers, screen
 * capture, downloads), blocks every request that is not to the app's own origin, and puts the strict CSP on
 * every response from the app origin. A CSP the runtime's server already sent is kept next to ours: several
 * policies are all enforced, so keeping it can only make the page stricter.
 */
export function hardenSession(session: SessionPort, opts: HardenOptions): void {
  const log = opts.logger;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    log.warn('permission request denied', { permission, url: shortUrl(details.requestingUrl) });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    log.warn('screen capture request denied');
    callback(null);
  });
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('will-download', (event, item) => {
    log.warn('download refused', { url: shortUrl(item.getURL()) });
    event.preventDefault();
  });

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, opts);
    if (!allowed) log.warn('request blocked', { url: shortUrl(details.url), type: details.resourceType });
    callback({ cancel: !allowed });
  });

  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, opts.app)) {
      callback({ cancel: !isAllowedRequest(details.url, opts) });
      return;
    }
    const { rest, csp } = splitCsp(details.responseHeaders);
    // The policy is written out here as a literal (not a constant) so the static scan can evaluate it. No inline
    // script, no eval, no remote origin, no plugins, no <base>, no framing, no form posts.
    callback({
      responseHeaders: {
        ...rest,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
          ...csp,
        ],
      },
    });
  });
}

/**
 * Keeps a webContents on the app's origin: navigations and redirects elsewhere are prevented (main frame and
 * subframes), new windows are denied, and `<webview>` cannot be attached.
 */
export function hardenWebContents(contents: ContentsPort, opts: HardenOptions): void {
  const log = opts.logger;
  const refuse = (what: string, event: { preventDefault(): void }, url: unknown): void => {
    if (isAppUrl(url, opts.app)) return;
    event.preventDefault();
    log.warn(`${what} refused`, { url: shortUrl(url) });
  };
  contents.on('will-navigate', (event) => refuse('navigation', event, event.url));
  contents.on('will-redirect', (event) => refuse('redirect', event, event.url));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation', event, event.url));
  contents.setWindowOpenHandler((details) => {
    log.warn('new window refused', { url: shortUrl(details.url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    log.warn('webview refused');
    event.preventDefault();
  });
}

/** What an IPC event carries that tells who sent it (IpcMainEvent and IpcMainInvokeEvent both have these). */
export interface SenderEvent {
  readonly sender: unknown;
  /** A WebFrameMain, or null once the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * True only when the message comes from the main frame of our own window, showing our own origin. A subframe,
 * another webContents, a frame that has navigated away or been destroyed (senderFrame null) are all refused.
 */
export function isTrustedSender(
  event: SenderEvent,
  opts: { readonly app: AppOrigin; readonly webContents: { readonly mainFrame: unknown } },
): boolean {
  if (event.sender !== opts.webContents) return false;
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (frame !== opts.webContents.mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url, opts.app);
}

/** Applies `hardenWebContents` to every webContents the app ever creates (windows, and anything unexpected). */
export function hardenAllContents(
  app: {
    on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsPort) => void): unknown;
  },
  opts: HardenOptions,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, opts));
}
