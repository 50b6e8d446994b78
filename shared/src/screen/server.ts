/**
 * Browser mode: a device runtime serves its built screen and the screen API on loopback. Chromium in kiosk
 * mode (or a test's Chromium) opens `url`; the page talks to the runtime over the `/api` WebSocket.
 *
 * Anything on the machine can reach a loopback port, and any web page the browser ever opens can try to, so:
 * - the Host header must name this server (DNS rebinding: a hostile page resolving its own name to 127.0.0.1
 *   would otherwise be same-origin with us), and a WebSocket's Origin must be this server's own origin;
 * - static files are only the build folder's (no traversal, no symlink escape), served with a strict CSP;
 * - WebSocket frames are capped (`maxPayload`) and rate-limited per connection by the session.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DeviceApi } from '../device/api.js';
import { silentLogger, type Logger } from '../runtime/logger.js';
import { MAX_CLIENT_MESSAGE_CHARS } from './protocol.js';
import {
  createScreenSession,
  type AnyCommands,
  type CommandArgSchemas,
  type ScreenSessionOptions,
} from './session.js';

export const SCREEN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SCREEN_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
};

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** Frames above this are refused by `ws` itself (close 1009) before any parsing. */
const MAX_PAYLOAD_BYTES = MAX_CLIENT_MESSAGE_CHARS * 3;

export interface ServeScreenOptions<View, C extends AnyCommands> {
  /** Default 127.0.0.1: the screen API is for the device itself, never the network. */
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** The built screen (Vite's outDir). */
  readonly staticDir: string;
  readonly api: DeviceApi<View, C>;
  readonly commandArgs: CommandArgSchemas<C>;
  readonly logger?: Logger;
  /** Passed to each connection's session (coalescing interval, rate limit, clock). */
  readonly session?: ScreenSessionOptions;
  /**
   * Every this many ms each screen is pinged; one that has not answered the previous ping is dropped, so a
   * screen that vanished without a close (frozen browser, pulled cable on a remote display) does not stay
   * subscribed forever. Default 15 000.
   */
  readonly heartbeatMs?: number;
}

export interface ScreenServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function serveScreen<View, C extends AnyCommands>(
  opts: ServeScreenOptions<View, C>,
): Promise<ScreenServer> {
  const host = opts.host ?? '127.0.0.1';
  const log = (opts.logger ?? silentLogger).child('screen-server');
  const root = await realpath(resolve(opts.staticDir));
  let port = opts.port;
  const hostNames = (): Set<string> => {
    const names = new Set([`${host}:${port}`, `localhost:${port}`]);
    if (host === '127.0.0.1' || host === '::1') names.add(`127.0.0.1:${port}`).add(`[::1]:${port}`);
    return names;
  };

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    perMessageDeflate: false,
  });
  const http = createServer((req, res) => {
    void serveStatic(root, req, res, hostNames(), log);
  });
  const sockets = new Set<Socket>();
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  http.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, why: string): void => {
      log.warn('websocket refused', { why, origin: req.headers.origin, host: req.headers.host });
      socket.end(`HTTP/1.1 ${status} ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (pathOf(req.url) !== '/api') {
      refuse(404, 'Not Found');
      return;
    }
    const hostHeader = req.headers.host ?? '';
    if (!hostNames().has(hostHeader)) {
      refuse(421, 'Misdirected Request');
      return;
    }
    // Same host:port only: the Origin must be the very origin this page was served from.
    if (req.headers.origin !== `http://${hostHeader}`) {
      refuse(403, 'Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      attach(ws);
    });
  });

  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        log.warn('screen stopped answering pings: dropped');
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, opts.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const attach = (ws: WebSocket): void => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const session = createScreenSession(
      opts.api,
      opts.commandArgs,
      (raw) => {
        if (ws.readyState === ws.OPEN) ws.send(raw);
      },
      { logger: log, ...opts.session },
    );
    ws.on('message', (data, isBinary) => {
      // Binary frames are not part of the protocol; the session refuses non-text.
      session.receive(!isBinary && Buffer.isBuffer(data) ? data.toString('utf8') : data);
    });
    ws.on('error', (e) => {
      log.warn('websocket error', { error: e.message });
    });
    ws.on('close', () => {
      session.close();
    });
  };

  await new Promise<void>((ok, ko) => {
    http.once('error', ko);
    http.listen(opts.port, host, () => {
      http.off('error', ko);
      ok();
    });
  });
  port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;
  log.info('serving screen', { url, root });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((done) => {
        clearInterval(heartbeat);
        for (const ws of wss.clients) ws.close(1001, 'runtime stopping');
        wss.close();
        http.close(() => {
          done();
        });
        // Give clients a moment to see the close frame, then drop what is left (keep-alive, stuck sockets).
        setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
          for (const s of sockets) s.destroy();
        }, 100).unref();
      });
      return closing;
    },
  };
}

function pathOf(url: string | undefined): string {
  const q = (url ?? '/').indexOf('?');
  return q < 0 ? (url ?? '/') : (url ?? '/').slice(0, q);
}

/**
 * Answers one request from the build folder `root` (GET/HEAD only, no traversal, the security headers). Exported
 * for the hub's dashboard, which serves its screen the same way beside its own API.
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  hostNames: Set<string>,
  log: Logger,
): Promise<void> {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const end = (status: number, text: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (!hostNames.has(req.headers.host ?? '')) {
    end(421, 'misdirected request');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    end(405, 'method not allowed');
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(pathOf(req.url));
  } catch {
    path = '';
  }
  if (!path.startsWith('/') || path.includes('\0') || path.split(/[\\/]/).includes('..')) {
    end(400, 'bad path');
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = await insideRoot(root, join(root, path));
  if (file === undefined) {
    end(404, 'not found');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    end(404, 'not found');
    return;
  }
  const ext = extname(file).toLowerCase();
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // index.html names the hashed assets: never cache it, or a device keeps an old screen after an update.
    'Cache-Control':
      ext === '.html'
        ? 'no-store'
        : path.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', (e) => {
    log.warn('static read failed', { path, error: e.message });
    res.destroy();
  });
  stream.pipe(res);
}

/** The real path of `candidate` if it exists and lies inside `root` (symlinks resolved), else undefined. */
async function insideRoot(root: string, candidate: string): Promise<string | undefined> {
  const real = await realpath(candidate).catch(() => undefined);
  if (real === undefined) return undefined;
  return real === root || real.startsWith(root + sep) ? real : undefined;
}
