/**
 * Where the Electron shell loads the screen from, and the one test of "is this URL ours?".
 *
 * Decision: the screen is loaded from the device runtime's own loopback HTTP server, `http://127.0.0.1:<port>/`,
 * not from `file://` and not from a custom protocol. Why:
 * - it is the very server (same static files, same CSP header) that browser mode uses and that the screens are
 *   tested against in real Chromium, so Electron adds no second, untested way of serving the app;
 * - `http://127.0.0.1` is a "potentially trustworthy" origin for Chromium (a secure context), never leaves the
 *   machine, and cannot be intercepted on the network;
 * - `file://` would give the page access to the whole file system's origin (checklist item 18), and a custom
 *   protocol would need its own path-traversal-safe file handler, which the runtime's server already is.
 * Only `127.0.0.1` is accepted (not `localhost`, which a hosts file can point elsewhere, nor `::1`), with an
 * explicit port, and no user-info.
 */

export interface AppOrigin {
  /** `http://127.0.0.1:<port>`, exactly as `URL.origin` spells it. */
  readonly origin: string;
  readonly port: number;
  /** The normalised URL to load. */
  readonly url: string;
}

export type AppOriginResult =
  | { readonly ok: true; readonly value: AppOrigin }
  | { readonly ok: false; readonly reason: 'bad-app-url'; readonly message: string };

/** Exact textual form accepted for the configured URL: no alternative spellings of the loopback address. */
const APP_URL = /^http:\/\/127\.0\.0\.1:(\d{1,5})(\/[^\s#]*)?$/;

/** Parses the configured app URL (from our own config, but still checked: a typo must not load a remote page). */
export function parseAppOrigin(input: unknown): AppOriginResult {
  const bad = (message: string): AppOriginResult => ({ ok: false, reason: 'bad-app-url', message });
  if (typeof input !== 'string') return bad('the app URL must be a string');
  if (input.length > 2048) return bad('the app URL is too long');
  const m = APP_URL.exec(input);
  if (!m)
    return bad(`the app URL must be http://127.0.0.1:<port>/…, got ${JSON.stringify(input.slice(0, 80))}`);
  const port = Number(m[1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return bad(`port ${m[1]} is out of range`);
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return bad('the app URL does not parse');
  }
  // Port 80 is the scheme default: URL drops it from the origin, so compare against what URL produces.
  const origin = port === 80 ? 'http://127.0.0.1' : `http://127.0.0.1:${port}`;
  if (u.origin !== origin || u.username !== '' || u.password !== '')
    return bad('the app URL is not loopback');
  return { ok: true, value: { origin, port, url: u.href } };
}

/**
 * True when `candidate` is a URL of the app's own origin. Anything that does not parse, any other scheme
 * (`file:`, `data:`, `javascript:`, `https:`, `ws:`), host (`127.0.0.1.evil.com`), port, or a URL carrying
 * user-info (`http://127.0.0.1:1@evil.com` is evil.com; `http://x@127.0.0.1:1` is refused as a trick) is false.
 * Other spellings of the same address that the URL parser normalises (`http://127.1:<port>`) are the same origin
 * for Chromium too, so they are accepted: they reach the same server.
 */
export function isAppUrl(candidate: unknown, app: AppOrigin): boolean {
  if (typeof candidate !== 'string' || candidate.length > 8192) return false;
  let u: URL;
  try {
    u = new URL(candidate);
  } catch {
    return false;
  }
  return u.protocol === 'http:' && u.origin === app.origin && u.username === '' && u.password === '';
}
