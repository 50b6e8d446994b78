import { EventEmitter } from 'node:events';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { parseAppOrigin, type AppOrigin } from '../../src/electron/app-origin.js';
import {
  hardenAllContents,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  type ContentsPort,
  type SenderEvent,
  type SessionPort,
} from '../../src/electron/security.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { FakeSession, FakeWebContents, fakeEvent, type FakeFrame } from './fake-electron.js';

const r = parseAppOrigin('http://127.0.0.1:5173/');
if (!r.ok) throw new Error(r.message);
const app: AppOrigin = r.value;

/** The CSP of the screen contract, plus form-action; written out here independently of the code. */
const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://evil.example/phish',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>top.location="https://evil.example"</script>',
  'http://127.0.0.1.evil.com:5173/',
  'http://127.0.0.1:5174/',
  'http://127.0.0.1:5173@evil.com/',
  'http://localhost:5173/',
  'chrome://gpu',
  'view-source:http://127.0.0.1:5173/',
];

function hardened(opts: { allowDevTools?: boolean } = {}) {
  const session = new FakeSession();
  const { logger, records } = memoryLogger();
  hardenSession(session as unknown as SessionPort, { app, logger, ...opts });
  return { session, records };
}

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;

describe('hardenSession: permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'clipboard-read',
  ])('denies a %s request, even from the app origin', (permission) => {
    const { session, records } = hardened();
    const handler = session.permissionRequestHandler as unknown as PermissionRequest;
    const answers: boolean[] = [];
    handler({}, permission, (g) => answers.push(g), { requestingUrl: 'http://127.0.0.1:5173/' });
    expect(answers).toEqual([false]);
    expect(records.some((x) => x.message === 'permission request denied')).toBe(true);
  });

  it('answers every permission check and device check with false', () => {
    const { session } = hardened();
    const check = session.permissionCheckHandler as unknown as (...a: unknown[]) => boolean;
    const device = session.devicePermissionHandler as unknown as (...a: unknown[]) => boolean;
    for (const p of ['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'fullscreen']) {
      expect(check(null, p, 'http://127.0.0.1:5173', {})).toBe(false);
    }
    expect(device({ deviceType: 'hid', origin: 'http://127.0.0.1:5173' })).toBe(false);
  });

  it('refuses screen capture and cancels HID, serial and USB pickers and downloads', () => {
    const { session } = hardened();
    const capture: unknown[] = [];
    (session.displayMediaRequestHandler as unknown as (r: unknown, cb: (s: unknown) => void) => void)(
      {},
      (s) => capture.push(s),
    );
    expect(capture).toEqual([null]);

    const hid = fakeEvent();
    const hidAnswer: unknown[] = [];
    session.emit('select-hid-device', hid, { deviceList: [{ deviceId: 'k1' }] }, (id: unknown) =>
      hidAnswer.push(id),
    );
    expect(hid.defaultPrevented).toBe(true);
    expect(hidAnswer).toEqual([null]);

    const serial = fakeEvent();
    const serialAnswer: unknown[] = [];
    session.emit('select-serial-port', serial, [{ portId: 'p1' }], {}, (id: unknown) =>
      serialAnswer.push(id),
    );
    expect(serial.defaultPrevented).toBe(true);
    expect(serialAnswer).toEqual(['']);

    const usb = fakeEvent();
    const usbAnswer: unknown[] = [];
    session.emit('select-usb-device', usb, { deviceList: [{ deviceId: 'u1' }] }, (id?: unknown) =>
      usbAnswer.push(id),
    );
    expect(usb.defaultPrevented).toBe(true);
    expect(usbAnswer).toEqual([undefined]);

    const dl = fakeEvent();
    session.emit('will-download', dl, { getURL: () => 'http://127.0.0.1:5173/report.xlsx' });
    expect(dl.defaultPrevented).toBe(true);
  });
});

type BeforeRequest = (
  d: { url: string; resourceType: string },
  cb: (r: { cancel?: boolean }) => void,
) => void;
type HeadersReceived = (
  d: { url: string; responseHeaders?: Record<string, string[]> },
  cb: (r: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

function beforeRequest(session: FakeSession, url: string): boolean {
  let cancel: boolean | undefined;
  (session.beforeRequest as unknown as BeforeRequest)(
    { url, resourceType: 'mainFrame' },
    (x) => (cancel = x.cancel),
  );
  if (cancel === undefined) throw new Error('callback not called');
  return !cancel;
}

describe('hardenSession: requests', () => {
  it('lets the app origin through and blocks every other origin', () => {
    const { session } = hardened();
    expect(beforeRequest(session, 'http://127.0.0.1:5173/assets/app.js')).toBe(true);
    for (const url of [...HOSTILE_URLS.filter((u) => !u.startsWith('data:')), 'ws://127.0.0.1:5173/api']) {
      expect(beforeRequest(session, url), url).toBe(false);
    }
  });

  it('lets devtools:// through only when DevTools are allowed', () => {
    expect(beforeRequest(hardened().session, 'devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(
      beforeRequest(hardened({ allowDevTools: true }).session, 'devtools://devtools/bundled/x.html'),
    ).toBe(true);
  });

  it('puts the strict CSP on every response from the app origin', () => {
    const { session } = hardened();
    let out: Record<string, string[]> | undefined;
    (session.headersReceived as unknown as HeadersReceived)(
      { url: 'http://127.0.0.1:5173/', responseHeaders: { 'Content-Type': ['text/html'] } },
      (x) => (out = x.responseHeaders),
    );
    expect(out?.['Content-Type']).toEqual(['text/html']);
    expect(out?.['Content-Security-Policy']).toEqual([EXPECTED_CSP]);
    const csp = EXPECTED_CSP;
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('keeps a CSP the server sent (any header case) next to its own, never two headers', () => {
    const { session } = hardened();
    let out: Record<string, string[]> | undefined;
    (session.headersReceived as unknown as HeadersReceived)(
      {
        url: 'http://127.0.0.1:5173/index.html',
        responseHeaders: { 'content-security-policy': ["default-src 'none'"], 'X-Other': ['1'] },
      },
      (x) => (out = x.responseHeaders),
    );
    const cspKeys = Object.keys(out ?? {}).filter((k) => k.toLowerCase() === 'content-security-policy');
    expect(cspKeys).toEqual(['Content-Security-Policy']);
    expect(out?.['Content-Security-Policy']).toEqual([EXPECTED_CSP, "default-src 'none'"]);
  });

  it('a server cannot loosen the policy by sending a permissive CSP: ours is still there', () => {
    const { session } = hardened();
    let out: Record<string, string[]> | undefined;
    (session.headersReceived as unknown as HeadersReceived)(
      {
        url: 'http://127.0.0.1:5173/',
        responseHeaders: { 'Content-Security-Policy': ["script-src * 'unsafe-inline'"] },
      },
      (x) => (out = x.responseHeaders),
    );
    expect(out?.['Content-Security-Policy']?.[0]).toBe(EXPECTED_CSP);
  });

  it('cancels responses from any other origin', () => {
    const { session } = hardened();
    let cancel: boolean | undefined;
    (session.headersReceived as unknown as HeadersReceived)(
      { url: 'https://evil.example/x.js' },
      (x) => (cancel = x.cancel),
    );
    expect(cancel).toBe(true);
  });
});

describe('hardenWebContents', () => {
  function contents() {
    const c = new FakeWebContents();
    const { logger, records } = memoryLogger();
    hardenWebContents(c as unknown as ContentsPort, { app, logger });
    return { c, records };
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s: other origins are prevented',
    (name) => {
      const { c, records } = contents();
      for (const url of [...HOSTILE_URLS, 'x'.repeat(100_000), '']) {
        const e = fakeEvent({ url, isMainFrame: name !== 'will-frame-navigate' });
        c.emit(name, e);
        expect(e.defaultPrevented, `${name} ${url.slice(0, 60)}`).toBe(true);
      }
      // Logged, and a megabyte-long URL is not copied whole into the journal.
      expect(records.length).toBe(HOSTILE_URLS.length + 2);
      expect(records.every((x) => String(x.fields?.url).length <= 120)).toBe(true);
    },
  );

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s: the app origin is allowed',
    (name) => {
      const { c } = contents();
      const e = fakeEvent({ url: 'http://127.0.0.1:5173/counter' });
      c.emit(name, e);
      expect(e.defaultPrevented).toBe(false);
    },
  );

  it('denies every new window, also for the app origin', () => {
    const { c } = contents();
    const h = c.windowOpenHandler;
    expect(h).not.toBeNull();
    for (const url of [...HOSTILE_URLS, 'http://127.0.0.1:5173/popup', 'about:blank']) {
      expect(h!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents a <webview> from being attached', () => {
    const { c } = contents();
    const e = fakeEvent();
    c.emit('will-attach-webview', e, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('hardenAllContents hardens every webContents the app creates', () => {
    const fakeApp = new EventEmitter();
    const { logger } = memoryLogger();
    hardenAllContents(fakeApp, { app, logger });
    const c = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, c);
    const e = fakeEvent({ url: 'https://evil.example/' });
    c.emit('will-navigate', e);
    expect(e.defaultPrevented).toBe(true);
    expect(c.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

// Type-level: Electron's own IPC events fit what isTrustedSender reads (tsc fails here if the typings change).
export const ipcEventsFit: [(e: IpcMainEvent) => SenderEvent, (e: IpcMainInvokeEvent) => SenderEvent] = [
  (e) => e,
  (e) => e,
];

describe('isTrustedSender', () => {
  function setup() {
    const ours = new FakeWebContents();
    ours.mainFrame.url = 'http://127.0.0.1:5173/';
    return { ours, opts: { app, webContents: ours } };
  }

  it('accepts the main frame of our window on our origin', () => {
    const { ours, opts } = setup();
    expect(isTrustedSender({ sender: ours, senderFrame: ours.mainFrame }, opts)).toBe(true);
  });

  it('refuses a subframe, even one on our origin', () => {
    const { ours, opts } = setup();
    const sub: FakeFrame = { url: 'http://127.0.0.1:5173/frame.html', parent: ours.mainFrame };
    expect(isTrustedSender({ sender: ours, senderFrame: sub }, opts)).toBe(false);
  });

  it('refuses another webContents, even with a main frame on our origin', () => {
    const { opts } = setup();
    const other = new FakeWebContents();
    other.mainFrame.url = 'http://127.0.0.1:5173/';
    expect(isTrustedSender({ sender: other, senderFrame: other.mainFrame }, opts)).toBe(false);
  });

  it('refuses a frame object that is not our main frame even if it claims to be top-level', () => {
    const { ours, opts } = setup();
    const forged: FakeFrame = { url: 'http://127.0.0.1:5173/', parent: null };
    expect(isTrustedSender({ sender: ours, senderFrame: forged }, opts)).toBe(false);
  });

  it('refuses a destroyed or navigated-away frame', () => {
    const { ours, opts } = setup();
    expect(isTrustedSender({ sender: ours, senderFrame: null }, opts)).toBe(false);
    for (const url of HOSTILE_URLS) {
      ours.mainFrame.url = url;
      expect(isTrustedSender({ sender: ours, senderFrame: ours.mainFrame }, opts), url).toBe(false);
    }
  });
});
