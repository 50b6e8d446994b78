/** The dashboard's parts without a network: passwords, sessions, the log-in limit, alerts, queries, diffs. */
import { describe, expect, it } from 'vitest';
import { ConfigError, ManualClock, parseConfig } from '@motcua/shared';
import { catalogueProblems } from '@motcua/shared/ui/i18n-check';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { diffSummary } from '../../src/dashboard/config-store.js';
import { AlertBook, LastSeen, liveView, type Alert, type HubAccess } from '../../src/dashboard/live.js';
import { emptyState } from '@motcua/shared';
import { dashboardPasswordHashCommand, hashPassword, verifyPassword } from '../../src/dashboard/password.js';
import { parseReportQuery } from '../../src/dashboard/report-query.js';
import { dashboardMessages } from '../../src/dashboard/screen/messages.js';
import { LoginLimiter, SessionStore } from '../../src/dashboard/sessions.js';

const CHEAP = { log2N: 10, r: 8, p: 1 };

describe('dashboard passwords', () => {
  it('a hash verifies its password only, in the admin PIN format', async () => {
    const h = await hashPassword('mật khẩu dài 123', CHEAP);
    expect(h).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('mật khẩu dài 123', h)).toBe(true);
    expect(await verifyPassword('mật khẩu dài 124', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
    expect(await verifyPassword('x'.repeat(10_000), h)).toBe(false);
    expect(await verifyPassword('mật khẩu dài 123', 'scrypt$garbage')).toBe(false);
  });

  it('the CLI reads the password from stdin, refuses arguments and short ones, prints a hash the config accepts', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await dashboardPasswordHashCommand(['hunter2'], io, () => Promise.resolve('x'))).toBe(2);
    expect(err.join('')).toMatch(/bad-args/);
    expect(await dashboardPasswordHashCommand([], io, () => Promise.resolve('short\n'))).toBe(2);
    expect(err.join('')).toMatch(/bad-password/);
    expect(await dashboardPasswordHashCommand([], io, () => Promise.resolve('một mật khẩu đủ dài\n'))).toBe(
      0,
    );
    const hash = out.join('').trim();
    expect(await verifyPassword('một mật khẩu đủ dài', hash)).toBe(true);
    const c = testCentreConfig({
      dashboard: { accounts: [{ username: 'lan', name: 'Lan', role: 'admin', passwordHash: hash }] },
    });
    expect(c.dashboard.accounts[0]!.passwordHash).toBe(hash);
  });
});

describe('dashboard config block', () => {
  it('defaults when absent, and field-named errors for bad accounts', () => {
    expect(testCentreConfig().dashboard).toMatchObject({ enabled: false, port: 8080, accounts: [] });
    const raw = { ...testCentreConfig() } as Record<string, unknown>;
    const bad = {
      ...raw,
      dashboard: {
        accounts: [
          { username: 'Lan Anh', name: 'Lan', role: 'boss', passwordHash: 'plain' },
          { username: 'b', name: 'B', role: 'admin', passwordHash: 'plain' },
        ],
      },
    };
    const e = (() => {
      try {
        parseConfig(bad);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ConfigError);
    const fields = (e as ConfigError).problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'dashboard.accounts[0].username',
        'dashboard.accounts[0].role',
        'dashboard.accounts[0].passwordHash',
        'dashboard.accounts[1].passwordHash',
      ]),
    );
  });
});

describe('sessions and the log-in limit', () => {
  it('a session slides with use and ends after its TTL of inactivity, or on logout', () => {
    const clock = new ManualClock(1_000_000);
    const s = new SessionStore(clock, 60_000);
    const a = s.create({ username: 'lan', name: 'Lan', role: 'admin' });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    clock.advance(50_000);
    expect(s.touch(a.id)?.username).toBe('lan');
    clock.advance(50_000);
    expect(s.touch(a.id)?.username).toBe('lan');
    clock.advance(60_001);
    expect(s.touch(a.id)).toBeUndefined();
    const b = s.create({ username: 'lan', name: 'Lan', role: 'admin' });
    s.end(b.id);
    expect(s.touch(b.id)).toBeUndefined();
    expect(s.touch('made-up')).toBeUndefined();
  });

  it('refuses after N failures under a key until the oldest leaves the window', () => {
    const clock = new ManualClock(0);
    const l = new LoginLimiter(clock, 3, 60_000);
    const keys = ['user:lan', 'addr:1'];
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterMs(keys)).toBe(0);
      l.fail(keys);
      clock.advance(1_000);
    }
    expect(l.retryAfterMs(keys)).toBe(57_000);
    expect(l.retryAfterMs(['user:other', 'addr:2'])).toBe(0);
    expect(l.retryAfterMs(['user:other', 'addr:1'])).toBe(57_000);
    clock.advance(57_000);
    expect(l.retryAfterMs(keys)).toBe(0);
  });
});

describe('alerts', () => {
  const raw = (key: string, count = 1) =>
    ({
      key,
      kind: 'printer',
      severity: 'critical',
      device: 'k',
      code: 'paper-out',
      detail: '',
      count,
    }) as const;
  it('an acknowledged alert stays acknowledged while it lasts, and comes back when it happens again', () => {
    const book = new AlertBook();
    let alerts: Alert[] = book.update([raw('p')], 10);
    expect(alerts[0]!.ack).toBeNull();
    expect(book.acknowledge(alerts, 'p', 'Lan', 20)).toBe(true);
    expect(book.acknowledge(alerts, 'nope', 'Lan', 20)).toBe(false);
    alerts = book.update([raw('p')], 30);
    expect(alerts[0]!.ack).toEqual({ by: 'Lan', at: 20 });
    expect(alerts[0]!.since).toBe(10);
    expect(book.update([], 40)).toEqual([]);
    alerts = book.update([raw('p')], 50);
    expect(alerts[0]!.ack).toBeNull();
    expect(alerts[0]!.since).toBe(50);
  });

  it('a refusal count that grows after the acknowledgement is a new occurrence', () => {
    const book = new AlertBook();
    const alerts = book.update([raw('r', 3)], 0);
    book.acknowledge(alerts, 'r', 'Lan', 1);
    expect(book.update([raw('r', 3)], 2)[0]!.ack).not.toBeNull();
    expect(book.update([raw('r', 4)], 3)[0]!.ack).toBeNull();
  });
});

describe('the live view from the hub state', () => {
  it('lists printer, offline, conflict and refusal alerts, and device health', () => {
    const config = testCentreConfig();
    const state = emptyState(config, '2026-12-01');
    state.rejected.push({ eventId: 'e1', type: 'called', reason: 'superseded', detail: 'ticket t1' });
    const hub: HubAccess = {
      state: () => state,
      config: () => config,
      presence: (id) =>
        id === 'kiosk-1'
          ? { online: false, epoch: 1 }
          : id === 'kiosk-2'
            ? { online: true, epoch: 1 }
            : undefined,
      health: (id) =>
        id === 'kiosk-2' ? { deviceId: 'kiosk-2', since: 1, printer: 'cover-open' } : undefined,
      knownDevices: () => ['kiosk-2', 'counter-c1'],
      rejections: () => ({ 'counter-c1:forged-event': 2 }),
      publishConfig: () => Promise.resolve(),
    };
    const v = liveView(hub, new AlertBook(), new LastSeen(), 1_000);
    expect(v.alerts.map((a) => [a.key, a.severity])).toEqual([
      ['offline:kiosk-1', 'critical'],
      ['printer:kiosk-2:cover-open', 'critical'],
      ['conflict:e1', 'warning'],
      ['refused:counter-c1:forged-event', 'critical'],
    ]);
    expect(v.devices).toEqual([
      { id: 'counter-c1', role: 'device', online: null, lastSeenAt: null, printer: null },
      { id: 'kiosk-1', role: 'kiosk', online: false, lastSeenAt: null, printer: null },
      { id: 'kiosk-2', role: 'kiosk', online: true, lastSeenAt: 1_000, printer: 'cover-open' },
    ]);
    expect(v.areas.map((a) => [a.id, a.waiting, a.estimatedWaitMin])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
    ]);
  });
});

describe('report queries', () => {
  const q = (s: string) => parseReportQuery(new URLSearchParams(s));
  it('accepts a valid range and names the field of a bad one', () => {
    expect(q('from=2026-01-01&to=2026-01-31&groupBy=area')).toEqual({
      ok: true,
      query: { from: '2026-01-01', to: '2026-01-31', groupBy: 'area' },
    });
    expect(q('from=2026-01-01&to=2027-02-04&groupBy=day').ok).toBe(true); // 400 days
    const fields = (s: string) => {
      const r = q(s);
      return r.ok ? [] : r.problems.map((p) => p.field);
    };
    expect(fields('from=2026-01-01&to=2027-02-05&groupBy=day')).toEqual(['to']); // 401 days
    expect(fields('from=2026-02-02&to=2026-02-01&groupBy=day')).toEqual(['from']);
    expect(fields('from=2026-02-30&to=2026-03-01&groupBy=day')).toEqual(['from']);
    expect(fields('from=2026-01-01&to=2026-01-02&groupBy=week')).toEqual(['groupBy']);
    expect(fields('from=2026-01-01&groupBy=day')).toEqual(['to']);
    expect(fields('from=2026-01-01&to=2026-01-02&groupBy=day&x=1')).toEqual(['(query)']);
  });
});

describe('config change summary', () => {
  it('names changed fields, with array items by id', () => {
    const a = testCentreConfig();
    const b = testCentreConfig({
      areas: [{ ...a.areas[0]!, name: 'Hộ tịch mới' }, a.areas[1]!],
      counters: [...a.counters, { id: 'c4', number: 4, areas: ['a'] }],
    });
    expect(diffSummary(a, b)).toEqual(['areas[a].name: "Hộ tịch" → "Hộ tịch mới"', 'counters[c4] added']);
    expect(diffSummary(a, a)).toEqual([]);
  });
});

describe('dashboard messages', () => {
  it('every key in both languages, NFC, same placeholders, Vietnamese with its diacritics', () => {
    expect(catalogueProblems(dashboardMessages)).toEqual([]);
  });
});
