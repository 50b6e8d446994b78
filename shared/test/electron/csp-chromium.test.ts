/**
 * The CSP the shell puts on the app's responses, enforced by a real Chromium (Debian's /usr/bin/chromium, the
 * engine Electron embeds). A loopback server sends each response's headers through the hardened session's
 * onHeadersReceived handler, exactly as Electron would, then serves a page that tries inline script, eval and a
 * script from another origin. The server itself sends a permissive CSP, so the page only stays clean if the
 * shell's policy is really added next to it. The control run, without the shell's handler, shows the page's
 * scripts do run when nothing stops them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppOrigin } from '../../src/electron/app-origin.js';
import { hardenSession, type SessionPort } from '../../src/electron/security.js';
import { silentLogger } from '../../src/runtime/logger.js';
import { FakeSession } from './fake-electron.js';

const CHROMIUM = '/usr/bin/chromium';

type HeadersHandler = (
  d: { url: string; responseHeaders?: Record<string, string[]> },
  cb: (r: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

const PAGE = `<!doctype html><html><body>
<p id="inline">inline-blocked</p><p id="eval">eval-blocked</p><p id="remote">remote-blocked</p><p id="self">self-blocked</p>
<script>document.getElementById('inline').textContent = 'inline-ran';</script>
<script src="/self.js"></script>
<script src="/eval.js"></script>
<script src="REMOTE/remote.js"></script>
</body></html>`;

const SCRIPTS: Record<string, string> = {
  '/self.js': "document.getElementById('self').textContent = 'self-ran';",
  '/eval.js':
    "try { eval(\"document.getElementById('eval').textContent = 'eval-ran'\"); } catch { /* refused */ }",
  '/remote.js': "document.getElementById('remote').textContent = 'remote-ran';",
};

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
const portOf = (s: Server): number => (s.address() as AddressInfo).port;

let remote: Server;
let guarded: Server;
let open: Server;
const profiles: string[] = [];

/** A stand-in for the runtime's server; `withShell`: headers go through the shell's handler first. */
async function appServer(withShell: boolean): Promise<Server> {
  let onHeaders: HeadersHandler | null = null;
  let port = 0;
  const server = await listen((req, res) => {
    const path = req.url ?? '/';
    const script = SCRIPTS[path];
    const body = script ?? PAGE.replace('REMOTE', `http://127.0.0.1:${portOf(remote)}`);
    const headers: Record<string, string[]> = {
      'Content-Type': [script === undefined ? 'text/html; charset=utf-8' : 'text/javascript'],
      // A careless server policy: if only this were enforced, everything would run.
      'Content-Security-Policy': ["script-src * 'unsafe-inline' 'unsafe-eval'"],
    };
    const send = (h: Record<string, string[]>): void => {
      for (const [k, v] of Object.entries(h)) res.setHeader(k, v);
      res.end(body);
    };
    if (onHeaders === null) send(headers);
    else
      onHeaders({ url: `http://127.0.0.1:${port}${path}`, responseHeaders: headers }, (r) => {
        if (r.cancel === true) res.destroy();
        else send(r.responseHeaders ?? headers);
      });
  });
  port = portOf(server);
  if (withShell) {
    const parsed = parseAppOrigin(`http://127.0.0.1:${port}/`);
    if (!parsed.ok) throw new Error(parsed.message);
    const session = new FakeSession();
    hardenSession(session as unknown as SessionPort, { app: parsed.value, logger: silentLogger });
    onHeaders = session.headersReceived as unknown as HeadersHandler;
  }
  return server;
}

function dumpDom(url: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-csp-chromium-'));
  profiles.push(profile);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--dump-dom',
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000 }, (err, stdout) => {
      if (err) reject(new Error(`chromium failed: ${err.message}`));
      else resolve(stdout);
    });
  });
}

let shellDom = '';
let controlDom = '';

beforeAll(async () => {
  remote = await listen((req, res) => {
    res.setHeader('Content-Type', 'text/javascript');
    res.end(SCRIPTS[req.url ?? ''] ?? '');
  });
  guarded = await appServer(true);
  open = await appServer(false);
  [shellDom, controlDom] = await Promise.all([
    dumpDom(`http://127.0.0.1:${portOf(guarded)}/`),
    dumpDom(`http://127.0.0.1:${portOf(open)}/`),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([remote, guarded, open].map((s) => new Promise((r) => s.close(r))));
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

describe('the shell’s CSP in real Chromium', () => {
  it('control: without the shell’s policy every script on the page runs', () => {
    for (const marker of ['inline-ran', 'eval-ran', 'remote-ran', 'self-ran'])
      expect(controlDom).toContain(marker);
  });

  it('inline script, eval and scripts from another origin are refused; the app’s own scripts run', () => {
    expect(shellDom).toContain('self-ran');
    expect(shellDom).toContain('inline-blocked');
    expect(shellDom).toContain('eval-blocked');
    expect(shellDom).toContain('remote-blocked');
  });
});
