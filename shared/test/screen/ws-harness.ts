/** Test support: the fake counter runtime served by the real WebSocket server, reached with the `ws` client. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { serveScreen, type ScreenServer } from '../../src/screen/server.js';
import { connectScreen } from '../../ui/api/client.js';
import { apiUrl, wsTransport, type WebSocketLike } from '../../ui/api/ws.js';
import type { CounterCommands, CounterView } from '../../ui/example/api.js';
import type { RawClient, ScreenHarness } from './contract.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';

export function staticDirWithIndex(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-screen-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  return dir;
}

/** A `ws` socket that sends the Origin a page served by `server` would send. */
export function nodeSocket(url: string, origin: string): WebSocketLike {
  return new WebSocket(url, { origin }) as unknown as WebSocketLike;
}

export async function wsHarness(): Promise<ScreenHarness & { server: ScreenServer }> {
  const api = fakeCounterApi();
  const server = await serveScreen({
    port: 0,
    staticDir: staticDirWithIndex(),
    api,
    commandArgs: counterArgs,
  });
  const origin = server.url.replace(/\/$/, '');
  const sockets: WebSocket[] = [];
  const clients: { close(): void }[] = [];
  const harness: ScreenHarness & { server: ScreenServer } = {
    api,
    server,
    async connect() {
      const c = connectScreen<CounterView, CounterCommands>(
        wsTransport(apiUrl(server.url), {
          createSocket: (u) => {
            const ws = new WebSocket(u, { origin });
            sockets.push(ws);
            return ws as unknown as WebSocketLike;
          },
        }),
      );
      clients.push(c);
      await new Promise<void>((ok) => {
        c.connection((s) => {
          if (s.link === 'open') ok();
        });
      });
      return c;
    },
    async raw(): Promise<RawClient> {
      const ws = new WebSocket(apiUrl(server.url), { origin });
      sockets.push(ws);
      const frames: unknown[] = [];
      ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString('utf8'))));
      await new Promise((ok, ko) => ws.once('open', ok).once('error', ko));
      return {
        send: (f) => {
          ws.send(typeof f === 'string' ? f : JSON.stringify(f));
        },
        frames,
        close: () => {
          ws.close();
        },
      };
    },
    async dropClients() {
      for (const c of clients) c.close();
      for (const s of sockets) s.terminate();
      await Promise.resolve();
    },
    async close() {
      for (const c of clients) c.close();
      for (const s of sockets) s.terminate();
      await server.close();
    },
  };
  return harness;
}
