/**
 * The dashboard's HTTP API against a real Mosquitto and hub: log-in (wrong password, rate limit), sessions,
 * CSRF and Host checks, the security headers, roles (a supervisor cannot edit the configuration), a config
 * change that is versioned, audited, published to a device runtime and kept across a hub restart, and the
 * report routes' validation and downloads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '@motcua/testing/test-centre';
import { SCREEN_CSP } from '@motcua/shared/screen/server';
import { ADMIN, SUPER, http, login, startDashboardRig, type DashboardRig } from './rig.js';

let rig: DashboardRig;
beforeAll(async () => {
  rig = await startDashboardRig({ loginMaxFailures: 3 });
}, 60_000);
afterAll(async () => {
  await rig.close();
});

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

describe('dashboard API: log-in and sessions', () => {
  it('serves the screen with the strict CSP and security headers; the API wants a session', async () => {
    const page = await http(rig.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(SCREEN_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body.toString()).toContain('<div id="app">');
    const me = await http(rig.port, { path: '/api/me' });
    expect(me.status).toBe(401);
    expect(me.headers['content-security-policy']).toBe(SCREEN_CSP);
    expect((await http(rig.port, { path: '/api/live' })).status).toBe(401);
  });

  it('a wrong password and an unknown user get the same answer, which does not say which part was wrong', async () => {
    const wrongPw = await http(rig.port, {
      method: 'POST',
      path: '/api/login',
      body: { username: ADMIN.username, password: 'not the password' },
      from: '127.0.0.5',
    });
    const noUser = await http(rig.port, {
      method: 'POST',
      path: '/api/login',
      body: { username: 'nobody', password: ADMIN.password },
      from: '127.0.0.6',
    });
    for (const r of [wrongPw, noUser]) {
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ error: 'bad-credentials', message: WRONG });
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a session cookie is HttpOnly and SameSite=Strict; logout ends the session', async () => {
    const r = await http(rig.port, {
      method: 'POST',
      path: '/api/login',
      body: { username: SUPER.username, password: SUPER.password },
    });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ username: SUPER.username, name: SUPER.name, role: 'supervisor' });
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^mc_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+/);
    const cookie = set.split(';')[0]!;
    expect((await http(rig.port, { path: '/api/me', cookie })).status).toBe(200);
    expect((await http(rig.port, { method: 'POST', path: '/api/logout', body: {}, cookie })).status).toBe(
      200,
    );
    expect((await http(rig.port, { path: '/api/me', cookie })).status).toBe(401);
  });

  it('refuses a state-changing request from another origin (CSRF), a form post, and a foreign Host', async () => {
    const cookie = await login(rig.port, ADMIN);
    const evil = await http(rig.port, {
      method: 'POST',
      path: '/api/alerts/ack',
      body: { key: 'x' },
      cookie,
      headers: { Origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.json().error).toBe('bad-origin');
    const noOrigin = await http(rig.port, {
      method: 'PUT',
      path: '/api/config',
      body: { baseRevision: 0, config: {} },
      cookie,
      headers: { Origin: '' },
    });
    expect(noOrigin.status).toBe(403);
    const form = await http(rig.port, {
      method: 'POST',
      path: '/api/login',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const rebound = await http(rig.port, {
      path: '/api/me',
      cookie,
      headers: { Host: `evil.example:${rig.port}` },
    });
    expect(rebound.status).toBe(421);
  });
});

describe('dashboard API: configuration', () => {
  it('a supervisor reads the configuration (without accounts) and cannot change it (403)', async () => {
    const cookie = await login(rig.port, SUPER);
    const r = await http(rig.port, { path: '/api/config', cookie });
    expect(r.status).toBe(200);
    const body = r.json() as { revision: number; canEdit: boolean; config: Record<string, unknown> };
    expect(body.canEdit).toBe(false);
    expect(body.config.dashboard).toBeUndefined();
    expect(r.body.toString()).not.toContain('scrypt$');
    const put = await http(rig.port, {
      method: 'PUT',
      path: '/api/config',
      body: {
        baseRevision: body.revision,
        config: { ...body.config, centre: { id: 'test', name: 'Đổi tên' } },
      },
      cookie,
    });
    expect(put.status).toBe(403);
    expect(put.json().error).toBe('forbidden');
    expect(rig.centre.hub!.dashboard!.config().centre.name).toBe('Trung tâm thử nghiệm');
  });

  it('an invalid change is refused with field-named errors and nothing saved', async () => {
    const cookie = await login(rig.port, ADMIN);
    const { config, revision } = (await http(rig.port, { path: '/api/config', cookie })).json() as {
      config: { areas: Record<string, unknown>[] };
      revision: number;
    };
    const areas = config.areas.map((a, i) => (i === 0 ? { ...a, dailyQuota: -1, colour: 'red' } : a));
    const r = await http(rig.port, {
      method: 'PUT',
      path: '/api/config',
      body: { baseRevision: revision, config: { ...config, areas } },
      cookie,
    });
    expect(r.status).toBe(422);
    const fields = (r.json().problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['areas[0].dailyQuota', 'areas[0]']));
    expect(existsSync(join(rig.centre.dir, 'hub', 'dashboard', 'config', `r${revision + 1}.json`))).toBe(
      false,
    );
  });

  it("an admin's change is versioned, audited, reaches a device runtime, and survives a hub restart", async () => {
    const cookie = await login(rig.port, ADMIN);
    await until(() => rig.kiosk.status().storedConfigRevision === 0, 10_000, 'kiosk has the first config');
    const { config, revision } = (await http(rig.port, { path: '/api/config', cookie })).json() as {
      config: { areas: Record<string, unknown>[] };
      revision: number;
    };
    const areas = config.areas.map((a) => (a.id === 'a' ? { ...a, name: 'Hộ tịch – khai sinh' } : a));
    const r = await http(rig.port, {
      method: 'PUT',
      path: '/api/config',
      body: { baseRevision: revision, config: { ...config, areas } },
      cookie,
    });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({
      ok: true,
      revision: revision + 1,
      changes: ['areas[a].name: "Hộ tịch" → "Hộ tịch – khai sinh"'],
    });
    // Versioned and audited in the hub's data folder.
    const dir = join(rig.centre.dir, 'hub', 'dashboard');
    const saved = JSON.parse(readFileSync(join(dir, 'config', `r${revision + 1}.json`), 'utf8')) as {
      revision: number;
      dashboard?: unknown;
    };
    expect(saved.revision).toBe(revision + 1);
    expect(saved.dashboard).toBeUndefined();
    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      revision: revision + 1,
      by: { username: ADMIN.username, name: ADMIN.name },
    });
    expect(typeof audit[0]!.at).toBe('number');
    const history = (await http(rig.port, { path: '/api/config/history', cookie })).json();
    expect(history.entries).toEqual(audit);
    // The device runtime stores the new revision, and what it got carries no password hashes.
    await until(
      () => rig.kiosk.status().storedConfigRevision === revision + 1,
      10_000,
      'kiosk has the new config',
    );
    expect(JSON.stringify(rig.kiosk.sync.config)).toContain('Hộ tịch – khai sinh');
    expect(JSON.stringify(rig.kiosk.sync.config)).not.toContain('scrypt$');
    // A change based on an old revision is refused; so is one that changes nothing.
    const stale = await http(rig.port, {
      method: 'PUT',
      path: '/api/config',
      body: { baseRevision: revision, config },
      cookie,
    });
    expect(stale.status).toBe(409);
    expect(stale.json().error).toBe('stale-revision');
    // The hub restarts with the file's config (revision 0) and takes the saved revision over it.
    await rig.centre.stopHub();
    const hub = await rig.centre.startHub();
    expect(hub.dashboard!.config().revision).toBe(revision + 1);
    expect(hub.dashboard!.config().areas[0]!.name).toBe('Hộ tịch – khai sinh');
    expect(hub.dashboard!.config().dashboard.accounts).toHaveLength(2);
  });
});

describe('dashboard API: reports', () => {
  it('validates the query, passes it to the source, and downloads CSV and XLSX with a file name', async () => {
    const port = rig.centre.hub!.dashboard!.port;
    const cookie = await login(port, SUPER);
    expect(
      (await http(port, { path: '/api/reports?from=2026-01-01&to=2026-01-31&groupBy=area' })).status,
    ).toBe(401);
    const bad = await http(port, { path: '/api/reports?from=2026-02-01&to=2026-01-01&groupBy=area', cookie });
    expect(bad.status).toBe(400);
    expect(bad.json().problems).toEqual([{ field: 'from', message: 'must not be after "to"' }]);
    expect(
      (await http(port, { path: '/api/reports?from=2025-01-01&to=2026-12-31&groupBy=day', cookie })).status,
    ).toBe(400);
    const ok = await http(port, { path: '/api/reports?from=2026-01-01&to=2026-01-31&groupBy=area', cookie });
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({
      query: { from: '2026-01-01', to: '2026-01-31', groupBy: 'area' },
      total: { issued: 65 },
    });
    const csv = await http(port, {
      path: '/api/reports.csv?from=2026-01-01&to=2026-01-31&groupBy=officer',
      cookie,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao_2026-01-01_2026-01-31_officer.csv"',
    );
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const xlsx = await http(port, {
      path: '/api/reports.xlsx?from=2026-01-01&to=2026-01-31&groupBy=counter',
      cookie,
    });
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao_2026-01-01_2026-01-31_counter.xlsx"',
    );
    expect(xlsx.body.toString()).toBe('PK-fake-xlsx-counter');
    expect((await http(port, { path: '/api/reports/days', cookie })).json()).toEqual({
      first: '2026-01-05',
      last: '2026-11-30',
    });
  });
});

describe('dashboard API: log-in rate limit', () => {
  it('after 3 failures a username is refused from any address, and an address for any username (429, in Vietnamese)', async () => {
    const port = rig.centre.hub!.dashboard!.port;
    const attempt = (who: { username: string; password: string }, from: string) =>
      http(port, {
        method: 'POST',
        path: '/api/login',
        body: { username: who.username, password: who.password },
        from,
      });
    for (let i = 0; i < 3; i++)
      expect((await attempt({ ...ADMIN, password: `wrong ${i}` }, '127.0.0.2')).status).toBe(401);
    // The right password no longer helps: the username is locked, from this address and from another.
    for (const from of ['127.0.0.2', '127.0.0.3']) {
      const r = await attempt(ADMIN, from);
      expect(r.status).toBe(429);
      expect(r.json().message).toMatch(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The address that failed is locked for every username; another address still logs the supervisor in.
    expect((await attempt(SUPER, '127.0.0.2')).status).toBe(429);
    expect((await attempt(SUPER, '127.0.0.4')).status).toBe(200);
  });
});
