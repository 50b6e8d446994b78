import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { SCREEN_CSP, serveScreen, type ScreenServer } from '../../src/screen/server.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written (fetch would normalise `/../`). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((ok, ko) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          ok({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', ko);
    req.end();
  });
}

/** Opens a WebSocket and says how it ended: 'open', or the HTTP status that refused the upgrade. */
function tryUpgrade(url: string, origin?: string, host?: string): Promise<string> {
  return new Promise((ok) => {
    const ws = new WebSocket(url, {
      ...(origin === undefined ? {} : { origin }),
      ...(host ? { headers: { host } } : {}),
    });
    ws.on('open', () => {
      ws.close();
      ok('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      ok(String(res.statusCode));
    });
    ws.on('error', (e) => {
      ok(`error: ${e.message}`);
    });
  });
}

describe('serveScreen', () => {
  let server: ScreenServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async () => {
    const base = mkdtempSync(join(tmpdir(), 'motcua-serve-'));
    writeFileSync(join(base, 'secret.txt'), 'SECRET');
    const dir = join(base, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>màn hình</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'app-1234.css'), 'body{}');
    writeFileSync(join(dir, 'blob.xyz'), 'x');
    symlinkSync(join(base, 'secret.txt'), join(dir, 'link.txt'));
    const api = fakeCounterApi();
    const { logger, records } = memoryLogger();
    server = await serveScreen({ port: 0, staticDir: dir, api, commandArgs: counterArgs, logger });
    const origin = `http://127.0.0.1:${server.port}`;
    return { server, api, records, origin, wsUrl: `ws://127.0.0.1:${server.port}/api` };
  };

  it('serves the screen on 127.0.0.1 with the CSP and security headers, index.html never cached', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await get(server.port, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('màn hình');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(SCREEN_CSP);
    expect(SCREEN_CSP).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
    const js = await get(server.port, '/assets/app-1234.js?v=1');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get(server.port, '/assets/app-1234.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get(server.port, '/blob.xyz')).headers['content-type']).toBe('application/octet-stream');
    const head = await get(server.port, '/index.html', {}, 'HEAD');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('never serves a file outside the build folder', async () => {
    const { server } = await start();
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/link.txt',
      '/%00index.html',
      '/%E0%A4%A',
      '//etc/passwd',
    ]) {
      const r = await get(server.port, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain('SECRET');
      expect(r.headers['content-security-policy'], path).toBe(SCREEN_CSP);
    }
    expect((await get(server.port, '/nope.js')).status).toBe(404);
    expect((await get(server.port, '/', {}, 'POST')).status).toBe(405);
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const { server } = await start();
    expect((await get(server.port, '/', { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('accepts the API WebSocket only from its own origin, only on /api', async () => {
    const { server, origin, wsUrl, records } = await start();
    expect(await tryUpgrade(wsUrl, origin)).toBe('open');
    expect(await tryUpgrade(wsUrl, `http://localhost:${server.port}`)).toBe('403');
    expect(await tryUpgrade(wsUrl, 'http://evil.example')).toBe('403');
    expect(await tryUpgrade(wsUrl, `http://127.0.0.1:${server.port + 1}`)).toBe('403');
    expect(await tryUpgrade(wsUrl)).toBe('403');
    expect(await tryUpgrade(`ws://127.0.0.1:${server.port}/other`, origin)).toBe('404');
    expect(await tryUpgrade(wsUrl, `http://evil.example:${server.port}`, `evil.example:${server.port}`)).toBe(
      '421',
    );
    expect(records.filter((r) => r.message === 'websocket refused')).toHaveLength(6);
  });

  it('closes a connection that sends a huge frame and keeps serving the others', async () => {
    const { origin, wsUrl, api } = await start();
    const ws = new WebSocket(wsUrl, { origin });
    await new Promise((ok) => ws.once('open', ok));
    const code = new Promise<number>((ok) => ws.once('close', ok));
    ws.send('x'.repeat(1024 * 1024));
    expect(await code).toBe(1009);
    const ok = new WebSocket(wsUrl, { origin });
    const frames: unknown[] = [];
    ok.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString('utf8'))));
    await new Promise((r) => ok.once('open', r));
    ok.send(JSON.stringify({ t: 'call', id: 'a', cmd: 'increment', arg: { by: 2 } }));
    ok.send(Buffer.from([1, 2, 3]));
    await vi.waitFor(() => {
      expect(frames).toContainEqual({ t: 'result', id: 'a', result: { ok: true, value: 2 } });
      expect(frames).toContainEqual({ t: 'error', reason: 'bad-request', message: 'frame is not text' });
    });
    expect(api.count).toBe(2);
    ok.close();
  });

  it('rate-limits a flooding connection but answers every call', async () => {
    const { origin, wsUrl, api } = await start();
    const ws = new WebSocket(wsUrl, { origin });
    const results: { ok: boolean; reason?: string }[] = [];
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString('utf8')) as { t: string; result: { ok: boolean; reason?: string } };
      if (m.t === 'result') results.push(m.result);
    });
    await new Promise((ok) => ws.once('open', ok));
    for (let i = 0; i < 300; i++)
      ws.send(JSON.stringify({ t: 'call', id: `c${i}`, cmd: 'increment', arg: { by: 1 } }));
    await vi.waitFor(() => {
      expect(results).toHaveLength(300);
    });
    const limited = results.filter((r) => r.reason === 'rate-limited').length;
    expect(limited).toBeGreaterThan(200);
    expect(api.count).toBe(300 - limited);
    ws.close();
  });

  it('drops a screen that stops answering pings, and unsubscribes it from the runtime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-serve-'));
    const api = fakeCounterApi();
    server = await serveScreen({ port: 0, staticDir: dir, api, commandArgs: counterArgs, heartbeatMs: 50 });
    const origin = `http://127.0.0.1:${server.port}`;
    const url = `ws://127.0.0.1:${server.port}/api`;
    const live = new WebSocket(url, { origin });
    const frozen = new WebSocket(url, { origin, autoPong: false });
    await Promise.all([live, frozen].map((ws) => new Promise((ok) => ws.once('open', ok))));
    for (const ws of [live, frozen]) ws.send(JSON.stringify({ t: 'hello', v: 1 }));
    await vi.waitFor(() => {
      expect(api.listeners).toBe(4);
    });
    const closed = new Promise<number>((ok) => frozen.once('close', ok));
    expect(await closed).toBe(1006); // terminated, no close handshake
    await vi.waitFor(() => {
      expect(api.listeners).toBe(2);
    });
    await new Promise((r) => setTimeout(r, 200)); // several heartbeats: the answering one stays
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
  });

  it('closes its clients with "going away" and frees the port', async () => {
    const { server, origin, wsUrl } = await start();
    const ws = new WebSocket(wsUrl, { origin });
    await new Promise((ok) => ws.once('open', ok));
    const code = new Promise<number>((ok) => ws.once('close', ok));
    await server.close();
    expect(await code).toBe(1001);
    const again = await serveScreen({
      port: server.port,
      staticDir: mkdtempSync(join(tmpdir(), 'motcua-serve-')),
      api: fakeCounterApi(),
      commandArgs: counterArgs,
    });
    expect(again.port).toBe(server.port);
    await again.close();
  });
});
