/**
 * The supervisors' dashboard, served by the hub: log-in, the live view (Server-Sent Events), alerts and their
 * acknowledgement, the centre's configuration (admins edit it), and reports.
 *
 * The rules the device screens follow hold here too (shared/src/screen/server.ts): the Host header must name
 * this server, static files only from the build folder with the strict CSP. Beyond them, for a page reachable on
 * the LAN: a session cookie (HttpOnly, SameSite=Strict), an Origin check on every state-changing request (CSRF),
 * JSON-only bodies, and log-in attempts rate-limited per username and per client address.
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CentreConfig, Clock, Logger } from '@motcua/shared';
import { SECURITY_HEADERS, serveStatic } from '@motcua/shared/screen/server';
import type { ReportSource, ReportTable } from '../reports/types.js';
import type {
  AuditEntry as ScreenAuditEntry,
  LiveView as ScreenLiveView,
  ReportTable as ScreenReportTable,
} from './screen/types.js';
import { ConfigStore, editableConfig, type AuditEntry } from './config-store.js';
import {
  HttpError,
  SESSION_COOKIE,
  clearedCookie,
  cookieOf,
  readJson,
  sendError,
  sendJson,
  sessionCookie,
} from './http.js';
import { AlertBook, LastSeen, liveView, type HubAccess, type LiveView } from './live.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { parseReportQuery, reportFileName } from './report-query.js';
import { LoginLimiter, SessionStore, type Session } from './sessions.js';

/** Where `buildDashboardScreen()` puts the built screen by default. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dist/dashboard/', import.meta.url));

export interface DashboardOptions {
  readonly hub: HubAccess;
  /** The reports' computation; the report routes answer 503 without one. */
  readonly reportSource?: ReportSource;
  /** The centre's configuration as the hub runs it (its `dashboard` block: accounts, sessions, limits). */
  readonly config: CentreConfig;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default: the config's dashboard.port / dashboard.host. */
  readonly port?: number;
  readonly host?: string;
  /** The built screen (default hub/dist/dashboard, see build-screen.ts). */
  readonly staticDir?: string;
  /** How often the live view is recomputed while someone watches (default 100 ms). */
  readonly liveIntervalMs?: number;
}

export interface RunningDashboard {
  readonly url: string;
  readonly port: number;
  /** The configuration as last saved from the dashboard (or the one it started with). */
  config(): CentreConfig;
  stop(): Promise<void>;
}

const loginBody = z.object({ username: z.string().max(100), password: z.string().max(1000) }).strict();
const ackBody = z.object({ key: z.string().min(1).max(400) }).strict();
const configBody = z.object({ baseRevision: z.number().int().min(0), config: z.unknown() }).strict();

const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export async function startDashboard(o: DashboardOptions): Promise<RunningDashboard> {
  const log = o.logger.child('dashboard');
  const dc = o.config.dashboard;
  const host = o.host ?? dc.host;
  const staticDir = o.staticDir ?? DEFAULT_DASHBOARD_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    // The default folder is built on first start (a fresh checkout); a folder given explicitly must be built.
    if (o.staticDir !== undefined)
      throw new Error(`the dashboard screen is not built in ${staticDir} (run buildDashboardScreen)`);
    log.info('building the dashboard screen', { dir: staticDir });
    const { buildDashboardScreen } = await import('./build-screen.js');
    await buildDashboardScreen(staticDir);
  }
  const sessions = new SessionStore(o.clock, dc.sessionTtlMin * 60_000);
  const limiter = new LoginLimiter(o.clock, dc.loginMaxFailures, dc.loginWindowMin * 60_000);
  const accounts = new Map(dc.accounts.map((a) => [a.username, a]));
  const store = new ConfigStore(
    o.dataDir,
    o.config,
    (c) => o.hub.publishConfig(c),
    (current, next) => o.hub.vetConfig?.(current, next) ?? [],
  );
  // The live view reads the names of areas and counters from the newest saved configuration.
  const hub: HubAccess = { ...o.hub, config: () => store.config };
  const book = new AlertBook();
  const lastSeen = new LastSeen();
  let port = o.port ?? dc.port;
  const wildcard = host === '0.0.0.0' || host === '::';
  const hostOk = (h: string | undefined): boolean => {
    if (h === undefined) return false;
    // Listening on every address: any name may reach us. A rebinding page still gets no session: the cookie
    // belongs to the name it was set for.
    if (wildcard) return h.endsWith(`:${port}`);
    const names = new Set([`${host}:${port}`, `localhost:${port}`]);
    if (host === '127.0.0.1' || host === '::1') names.add(`127.0.0.1:${port}`).add(`[::1]:${port}`);
    if (host.includes(':')) names.add(`[${host}]:${port}`);
    return names.has(h);
  };

  // ---- live view: recomputed while anyone watches, pushed only when it changed.
  const watchers = new Set<{ res: ServerResponse; session: string }>();
  let last: { view: LiveView; json: string } | null = null;
  const compute = (): { view: LiveView; json: string } => {
    const view = liveView(hub, book, lastSeen, o.clock.now());
    return { view, json: JSON.stringify(view) };
  };
  const tick = (): void => {
    if (watchers.size === 0) return;
    for (const w of [...watchers])
      if (!sessions.valid(w.session)) {
        w.res.end('event: expired\ndata: {}\n\n');
        watchers.delete(w);
      }
    const next = compute();
    if (last !== null && next.json === last.json) return;
    last = next;
    for (const w of watchers) w.res.write(`data: ${next.json}\n\n`);
  };
  const liveTimer = setInterval(tick, o.liveIntervalMs ?? 100);
  // A comment line now and then keeps proxies and idle-timeouts from closing a quiet stream.
  const keepAlive = setInterval(() => {
    for (const w of watchers) w.res.write(': keep-alive\n\n');
  }, 15_000);
  liveTimer.unref();
  keepAlive.unref();

  const requireSession = (req: IncomingMessage): Session => {
    const s = sessions.touch(cookieOf(req, SESSION_COOKIE));
    if (s === undefined) throw new HttpError(401, 'not-logged-in', 'Vui lòng đăng nhập.');
    return s;
  };
  const requireAdmin = (req: IncomingMessage): Session => {
    const s = requireSession(req);
    if (s.role !== 'admin') throw new HttpError(403, 'forbidden', 'Chỉ quản trị viên được sửa cấu hình.');
    return s;
  };

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = loginBody.safeParse(await readJson(req));
    if (!body.success) throw new HttpError(400, 'bad-request', 'Thiếu tên đăng nhập hoặc mật khẩu.');
    const username = body.data.username.trim().toLowerCase();
    const keys = [`user:${username}`, `addr:${req.socket.remoteAddress ?? 'unknown'}`];
    const wait = limiter.retryAfterMs(keys);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new HttpError(
        429,
        'rate-limited',
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        { retryAfterS: Math.ceil(wait / 1000) },
      );
    }
    const account = accounts.get(username);
    // An unknown username costs the same scrypt as a known one, and gets the same answer.
    const ok = await verifyPassword(body.data.password, account?.passwordHash ?? DUMMY_HASH);
    if (!ok || account === undefined) {
      limiter.fail(keys);
      log.warn('dashboard log-in refused', { address: req.socket.remoteAddress });
      throw new HttpError(401, 'bad-credentials', WRONG_LOGIN);
    }
    limiter.clear(keys[0]!);
    const s = sessions.create({ username: account.username, name: account.name, role: account.role });
    log.info('dashboard log-in', { username: account.username, role: account.role });
    sendJson(
      res,
      200,
      { username: s.username, name: s.name, role: s.role },
      {
        'Set-Cookie': sessionCookie(s.id, dc.sessionTtlMin * 60),
      },
    );
  };

  const live = (req: IncomingMessage, res: ServerResponse): void => {
    const s = requireSession(req);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    last ??= compute();
    res.write(`retry: 1000\ndata: ${last.json}\n\n`);
    const w = { res, session: s.id };
    watchers.add(w);
    req.on('close', () => watchers.delete(w));
  };

  const reports = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL,
  ): Promise<void> => {
    requireSession(req);
    if (path === '/api/reports/days') {
      sendJson(res, 200, o.reportSource?.days() ?? { first: null, last: null });
      return;
    }
    const q = parseReportQuery(url.searchParams);
    if (!q.ok)
      throw new HttpError(400, 'bad-query', 'Khoảng thời gian hoặc cách nhóm không hợp lệ.', {
        problems: q.problems,
      });
    const source = o.reportSource;
    if (source === undefined) throw new HttpError(503, 'no-reports', 'Chưa có dữ liệu báo cáo.');
    if (path === '/api/reports') {
      sendJson(res, 200, source.report(q.query));
      return;
    }
    const xlsx = path === '/api/reports.xlsx';
    const data = xlsx ? await source.xlsx(q.query) : source.csv(q.query);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.writeHead(200, {
      'Content-Type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
      'Content-Length': data.length,
      'Content-Disposition': `attachment; filename="${reportFileName(q.query, xlsx ? 'xlsx' : 'csv')}"`,
      'Cache-Control': 'no-store',
    });
    res.end(data);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const route = `${method} ${path}`;
    if (route === 'POST /api/login') return login(req, res);
    if (route === 'POST /api/logout') {
      sessions.end(cookieOf(req, SESSION_COOKIE));
      sendJson(res, 200, { ok: true }, { 'Set-Cookie': clearedCookie() });
      return;
    }
    if (route === 'GET /api/me') {
      const s = requireSession(req);
      sendJson(res, 200, { username: s.username, name: s.name, role: s.role });
      return;
    }
    if (route === 'GET /api/live') {
      live(req, res);
      return;
    }
    if (route === 'POST /api/alerts/ack') {
      const s = requireSession(req);
      const body = ackBody.safeParse(await readJson(req));
      if (!body.success) throw new HttpError(400, 'bad-request', 'Thiếu mã cảnh báo.');
      const current = last?.view.alerts ?? compute().view.alerts;
      if (!book.acknowledge(current, body.data.key, s.name, o.clock.now()))
        throw new HttpError(404, 'no-such-alert', 'Cảnh báo này không còn.');
      log.info('alert acknowledged', { key: body.data.key, by: s.username });
      tick();
      sendJson(res, 200, { ok: true });
      return;
    }
    if (route === 'GET /api/config') {
      const s = requireSession(req);
      sendJson(res, 200, {
        revision: store.config.revision,
        config: editableConfig(store.config),
        canEdit: s.role === 'admin',
      });
      return;
    }
    if (route === 'PUT /api/config') {
      const s = requireAdmin(req);
      const body = configBody.safeParse(await readJson(req));
      if (!body.success) throw new HttpError(400, 'bad-request', 'Thiếu cấu hình hoặc số phiên bản.');
      const r = await store.apply(
        body.data.config,
        body.data.baseRevision,
        { username: s.username, name: s.name },
        o.clock.now(),
      );
      if (r.ok) {
        log.info('configuration changed', {
          revision: r.revision,
          by: s.username,
          changes: r.changes.length,
        });
        sendJson(res, 200, r);
      } else if (r.reason === 'invalid-config')
        throw new HttpError(422, 'invalid-config', 'Cấu hình có lỗi; chưa lưu.', { problems: r.problems });
      else if (r.reason === 'unsafe-change')
        throw new HttpError(
          422,
          'unsafe-change',
          'Thay đổi này không áp dụng được giữa ngày làm việc; chưa lưu. / This change cannot be applied mid-day; nothing saved.',
          { problems: r.problems },
        );
      else if (r.reason === 'stale-revision')
        throw new HttpError(409, 'stale-revision', 'Cấu hình vừa được người khác thay đổi; hãy tải lại.', {
          current: r.current,
        });
      else throw new HttpError(409, 'no-change', 'Không có thay đổi nào để lưu.');
      return;
    }
    if (route === 'GET /api/config/history') {
      requireSession(req);
      sendJson(res, 200, { entries: store.history() });
      return;
    }
    if (
      method === 'GET' &&
      (path === '/api/reports' ||
        path === '/api/reports.csv' ||
        path === '/api/reports.xlsx' ||
        path === '/api/reports/days')
    )
      return reports(req, res, path, url);
    throw new HttpError(404, 'not-found', 'Không tìm thấy.');
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    if (!hostOk(req.headers.host)) {
      sendError(res, new HttpError(421, 'misdirected', 'misdirected request'));
      return;
    }
    const method = req.method ?? 'GET';
    // CSRF: a state-changing request must come from a page this server served (its own origin).
    if (method !== 'GET' && method !== 'HEAD' && req.headers.origin !== `http://${req.headers.host ?? ''}`) {
      log.warn('cross-origin request refused', { origin: req.headers.origin, path });
      sendError(res, new HttpError(403, 'bad-origin', 'Yêu cầu từ trang khác bị từ chối.'));
      return;
    }
    if (path.startsWith('/api/')) {
      api(req, res, path, url).catch((e: unknown) => {
        if (e instanceof HttpError) sendError(res, e);
        else {
          log.error('dashboard request failed', { path, message: (e as Error).message });
          if (!res.headersSent) sendError(res, new HttpError(500, 'internal', 'Lỗi máy chủ.'));
          else res.destroy();
        }
      });
      return;
    }
    void serveStatic(staticRoot, req, res, new Set([req.headers.host ?? '']), log);
  });
  const sockets = new Set<Socket>();
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const staticRoot = await realpath(staticDir);
  await new Promise<void>((ok, ko) => {
    http.once('error', ko);
    http.listen(port, host, () => {
      http.off('error', ko);
      ok();
    });
  });
  port = (http.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  log.info('dashboard serving', { url, accounts: accounts.size });
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    config: () => store.config,
    stop() {
      stopping ??= new Promise<void>((done) => {
        clearInterval(liveTimer);
        clearInterval(keepAlive);
        for (const w of watchers) w.res.end();
        watchers.clear();
        http.close(() => done());
        setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 100).unref();
      });
      return stopping;
    },
  };
}

// Compile-time guard: the screen's mirrored types (screen/types.ts) must accept what the server sends.
type Assignable<T extends U, U> = T;
export type ScreenTypesMatch = [
  Assignable<LiveView, ScreenLiveView>,
  Assignable<AuditEntry, ScreenAuditEntry>,
  Assignable<ReportTable, ScreenReportTable>,
];
