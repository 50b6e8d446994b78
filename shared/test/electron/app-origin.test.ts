import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppUrl, parseAppOrigin, type AppOrigin } from '../../src/electron/app-origin.js';

function origin(url: string): AppOrigin {
  const r = parseAppOrigin(url);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('parseAppOrigin: the configured URL of the runtime', () => {
  it('accepts the loopback server with an explicit port and keeps the path', () => {
    expect(parseAppOrigin('http://127.0.0.1:5173/')).toEqual({
      ok: true,
      value: { origin: 'http://127.0.0.1:5173', port: 5173, url: 'http://127.0.0.1:5173/' },
    });
    const r = parseAppOrigin('http://127.0.0.1:40001/kiosk/index.html?lang=vi');
    expect(r.ok && r.value.url).toBe('http://127.0.0.1:40001/kiosk/index.html?lang=vi');
  });

  it.each([
    ['remote https', 'https://evil.example/'],
    ['a look-alike host', 'http://127.0.0.1.evil.com:5173/'],
    ['user-info pointing elsewhere', 'http://127.0.0.1:5173@evil.com/'],
    ['user-info in front of loopback', 'http://admin:pw@127.0.0.1:5173/'],
    ['localhost (a hosts file can move it)', 'http://localhost:5173/'],
    ['IPv6 loopback', 'http://[::1]:5173/'],
    ['another spelling of loopback', 'http://127.1:5173/'],
    ['hex loopback', 'http://0x7f.0.0.1:5173/'],
    ['no port', 'http://127.0.0.1/'],
    ['port zero', 'http://127.0.0.1:0/'],
    ['port too large', 'http://127.0.0.1:65536/'],
    ['https on loopback', 'https://127.0.0.1:5173/'],
    ['file', 'file:///usr/share/motcua/index.html'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['javascript', 'javascript:alert(1)'],
    ['whitespace smuggling', 'http://127.0.0.1:5173/ http://evil.example/'],
    ['a fragment', 'http://127.0.0.1:5173/#x'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    const r = parseAppOrigin(url);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('bad-app-url');
  });

  it.each([undefined, null, 5173, { href: 'http://127.0.0.1:1/' }, 'http://127.0.0.1:1/' + 'a'.repeat(3000)])(
    'refuses a non-string or oversized value (%#)',
    (v) => {
      expect(parseAppOrigin(v).ok).toBe(false);
    },
  );
});

describe('isAppUrl: is a URL the app’s own origin?', () => {
  const app = origin('http://127.0.0.1:5173/');

  it('accepts pages of the app origin', () => {
    expect(isAppUrl('http://127.0.0.1:5173/', app)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/counter?x=1#top', app)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://evil.example/',
    'file:///etc/passwd',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'javascript:alert(document.domain)',
    'http://127.0.0.1.evil.com:5173/',
    'http://127.0.0.1:5174/',
    'http://127.0.0.1/',
    'https://127.0.0.1:5173/',
    'ws://127.0.0.1:5173/api',
    'http://127.0.0.1:5173@evil.com/',
    'http://127.0.0.1%2eevil.com:5173/',
    'http://user@127.0.0.1:5173/',
    'http://localhost:5173/',
    'blob:http://127.0.0.1:5173/0b3c',
    'view-source:http://127.0.0.1:5173/',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '//127.0.0.1:5173/',
    '/relative',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, app)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined, app)).toBe(false);
    expect(isAppUrl({ toString: () => 'http://127.0.0.1:5173/' }, app)).toBe(false);
  });

  it('never accepts a URL that a browser would send to another host or port (property)', () => {
    // URLs assembled from near-misses of the app origin, so that both answers occur often.
    const near = fc
      .tuple(
        fc.constantFrom('http://', 'HTTP://', 'https://', 'http:/', 'ws://', 'file://', 'http:\\\\', ''),
        fc.constantFrom('', 'user@', 'a:b@', '127.0.0.1:5173@'),
        fc.constantFrom('127.0.0.1', '127.0.0.1.evil.com', 'evil.com', '127.1', 'localhost', '127.0.0.1.'),
        fc.constantFrom(':5173', ':5174', '', ':05173', ':5173@evil.com', ':80'),
        fc.string({ maxLength: 12 }),
      )
      .map((parts) => parts.join(''));
    let accepted = 0;
    fc.assert(
      fc.property(near, (s) => {
        if (!isAppUrl(s, app)) return;
        accepted += 1;
        const u = new URL(s);
        expect(u.host).toBe('127.0.0.1:5173');
        expect(u.protocol).toBe('http:');
        expect(u.username + u.password).toBe('');
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
