/**
 * Test support for the dashboard: a real Mosquitto and hub (`startTestCentre`) with the dashboard enabled on an
 * OS-assigned loopback port, two accounts (an admin, a supervisor), a small ReportSource written here, and an
 * HTTP helper that can choose its source address (127.0.0.x) to test the per-address log-in limit.
 */
import { request } from 'node:http';
import { silentLogger, type CentreConfig } from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startTestCentre, type TestCentreRun } from '@motcua/testing/test-centre';
import { buildDashboardScreenToTemp } from '../../src/dashboard/build-screen.js';
import { hashPassword } from '../../src/dashboard/password.js';
import type { ReportQuery, ReportRow, ReportSource } from '../../src/reports/types.js';

export const ADMIN = { username: 'admin', password: 'mật khẩu quản trị 1', name: 'Lê Thị Quản' };
export const SUPER = { username: 'giamsat', password: 'mật khẩu giám sát 1', name: 'Phạm Văn Sát' };

let built: Promise<string> | undefined;
/** The screen, built once per test file (each file runs in its own process). */
export function screenDir(): Promise<string> {
  built ??= buildDashboardScreenToTemp();
  return built;
}

export async function dashboardConfig(over: { loginMaxFailures?: number } = {}): Promise<CentreConfig> {
  const cheap = { log2N: 10, r: 8, p: 1 };
  return testCentreConfig({
    dashboard: {
      enabled: true,
      port: 0,
      loginMaxFailures: over.loginMaxFailures ?? 3,
      accounts: [
        {
          username: ADMIN.username,
          name: ADMIN.name,
          role: 'admin',
          passwordHash: await hashPassword(ADMIN.password, cheap),
        },
        {
          username: SUPER.username,
          name: SUPER.name,
          role: 'supervisor',
          passwordHash: await hashPassword(SUPER.password, cheap),
        },
      ],
    },
  });
}

/** Rows made from the query itself, so a test can see the query reached the source unchanged. */
export function testReportSource(): ReportSource & { readonly queries: ReportQuery[] } {
  const queries: ReportQuery[] = [];
  const row = (key: string, label: string, issued: number, served: number): ReportRow => ({
    key,
    label,
    issued,
    served,
    noShow: issued - served,
    waitMeanMin: 12.5,
    waitP90Min: 30,
    serviceMeanMin: 8,
    serviceP90Min: 15,
    ratings: served,
    satisfiedRate: 0.9,
    reasons: { attitude: 1 },
  });
  const table = (q: ReportQuery) => {
    queries.push(q);
    const rows = [row('a', 'Hộ tịch', 40, 35), row('b', 'Chứng thực', 25, 20)];
    return { query: q, rows, total: row('total', 'Tổng', 65, 55) };
  };
  return {
    queries,
    report: table,
    csv: (q) =>
      Buffer.from(
        `\uFEFFkey,label\n${table(q)
          .rows.map((r) => `${r.key},${r.label}`)
          .join('\n')}\n`,
      ),
    xlsx: (q) => Promise.resolve(Buffer.from(`PK-fake-xlsx-${q.groupBy}`)),
    days: () => ({ first: '2026-01-05', last: '2026-11-30' }),
  };
}

export interface DashboardRig {
  readonly centre: TestCentreRun;
  readonly reports: ReturnType<typeof testReportSource>;
  readonly url: string;
  readonly port: number;
  /** A device runtime (kiosk-1): issues tickets through the hub and receives the retained config. */
  readonly kiosk: DeviceCore;
  close(): Promise<void>;
}

export async function startDashboardRig(over: { loginMaxFailures?: number } = {}): Promise<DashboardRig> {
  const [config, staticDir] = await Promise.all([dashboardConfig(over), screenDir()]);
  const reports = testReportSource();
  const centre = await startTestCentre({ config, dashboard: { staticDir, reportSource: reports } });
  const dash = centre.hub!.dashboard!;
  const kiosk = openDevice({
    role: 'kiosk',
    deviceId: 'kiosk-1',
    dataDir: centre.dir,
    brokerUrl: centre.broker.url,
    config,
    logger: silentLogger,
    sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
  });
  return {
    centre,
    reports,
    url: dash.url,
    port: dash.port,
    kiosk,
    async close() {
      await kiosk.stop().catch(() => undefined);
      await centre.close();
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  json(): Record<string, unknown>;
}

/** One HTTP request to the dashboard; Host and Origin are the dashboard's own unless overridden. */
export function http(
  port: number,
  o: {
    method?: string;
    path: string;
    body?: unknown;
    cookie?: string;
    headers?: Record<string, string>;
    /** The client's source address (any 127.0.0.x works on Linux). */
    from?: string;
  },
): Promise<Answer> {
  const method = o.method ?? 'GET';
  const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
  const headers: Record<string, string> = {
    Host: `127.0.0.1:${port}`,
    ...(method === 'GET' ? {} : { Origin: `http://127.0.0.1:${port}` }),
    ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(o.cookie === undefined ? {} : { Cookie: o.cookie }),
    ...o.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: o.path,
        headers,
        ...(o.from === undefined ? {} : { localAddress: o.from }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Logs in and returns the session cookie ("mc_session=…"). */
export async function login(
  port: number,
  who: { username: string; password: string },
  from?: string,
): Promise<string> {
  const r = await http(port, {
    method: 'POST',
    path: '/api/login',
    body: { username: who.username, password: who.password },
    ...(from === undefined ? {} : { from }),
  });
  if (r.status !== 200) throw new Error(`log-in failed: ${r.status} ${r.body.toString()}`);
  const set = r.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0] : set) ?? '';
  return cookie.split(';')[0]!;
}
