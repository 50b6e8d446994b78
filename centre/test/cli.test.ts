/** The `motcua` command as a user runs it: a real process, real files, a real broker. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
const examples = fileURLToPath(new URL('../../shared/config-examples/', import.meta.url));
const motcua = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('motcua config validate', () => {
  it('accepts both example configs', () => {
    for (const f of ['provincial.json', 'district.json']) {
      const r = motcua('config', 'validate', join(examples, f));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/valid \(schema 1/);
    }
  });
  it('refuses a wrong config, naming each field, with exit code 1', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'motcua-cli-')), 'bad.json');
    writeFileSync(
      f,
      JSON.stringify({
        schemaVersion: 1,
        centre: { id: 'x', name: 'X', timeZone: 'Mars/Base' },
        departments: [],
        areas: [],
        counters: [],
      }),
    );
    const r = motcua('config', 'validate', f);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('centre.timeZone: must be an IANA time zone');
    expect(r.stderr).toContain('departments: must have at least 1 item');
  });
});

describe('motcua simulate', () => {
  it('prints the statistics and every invariant as true', () => {
    const r = motcua('simulate', '--seed', '7', '--config', join(examples, 'district.json'), '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      tickets: number;
      invariants: Record<string, boolean>;
      statistics: { centre: { issued: number } };
    };
    expect(out.tickets).toBeGreaterThan(50);
    expect(out.statistics.centre.issued).toBe(out.tickets);
    expect(Object.keys(out.invariants).length).toBeGreaterThanOrEqual(6);
    expect(Object.values(out.invariants).every(Boolean)).toBe(true);
  });
  it('is repeatable for a seed', () => {
    const a = motcua('simulate', '--seed', '11', '--config', join(examples, 'district.json'), '--json');
    const b = motcua('simulate', '--seed', '11', '--config', join(examples, 'district.json'), '--json');
    expect((JSON.parse(a.stdout) as { stateHash: string }).stateHash).toBe(
      (JSON.parse(b.stdout) as { stateHash: string }).stateHash,
    );
  });
});

describe('motcua hub', () => {
  it('starts the demo centre on an embedded broker, serves the retained config, stops on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'motcua-hub-'));
    const p = spawn(process.execPath, [bin, 'hub', '--demo', '--port', '0', '--data', data], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(p);
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      p.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /MQTT broker\s+(mqtt:\/\/\S+)/.exec(out);
        if (m && out.includes('Ctrl+C')) resolve(m[1]!);
      });
      p.on('exit', (code) => reject(new Error(`hub exited ${String(code)}: ${out}`)));
    });
    expect(out).toContain('Trung tâm Phục vụ hành chính công tỉnh Kiên Giang');
    // listening on loopback unless the config names the site's address
    expect(new URL(url).hostname).toBe('127.0.0.1');
    // the demo provisioned its credentials on first start: owner-only folder and files
    const creds = JSON.parse(readFileSync(join(data, 'broker', 'credentials.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'broker')).mode & 0o777).toBe(0o700);
    for (const f of ['broker/credentials.json', 'broker/passwd', 'hub.db'])
      expect(statSync(join(data, f)).mode & 0o777, f).toBe(0o600);
    // a listed device name without its password is refused
    await expect(
      mqtt.connectAsync(url, {
        protocolVersion: 4,
        username: 'board-hall',
        clientId: 'board-hall',
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/not authori[sz]ed/i);
    // the demo centre lists its devices: connect as the hall board, with its password
    const client = await mqtt.connectAsync(url, {
      protocolVersion: 4,
      username: 'board-hall',
      password: creds['board-hall']!,
      clientId: 'board-hall',
    });
    const config = await new Promise<{ config: { counters: unknown[] } }>((resolve) => {
      client.on('message', (_t, payload) =>
        resolve(JSON.parse(payload.toString()) as { config: { counters: unknown[] } }),
      );
      void client.subscribeAsync('motcua/v1/kg-hcc/config', { qos: 1 });
    });
    expect(config.config.counters).toHaveLength(29);
    await client.endAsync();
    // look-up terminals get the sample procedure catalogue, retained
    const lookup = await mqtt.connectAsync(url, {
      protocolVersion: 4,
      username: 'lookup-1',
      password: creds['lookup-1']!,
      clientId: 'lookup-1',
    });
    const catalogue = await new Promise<{ revision: number; catalogue: { procedures: unknown[] } }>(
      (resolve) => {
        lookup.on('message', (_t, payload) =>
          resolve(
            JSON.parse(payload.toString()) as { revision: number; catalogue: { procedures: unknown[] } },
          ),
        );
        void lookup.subscribeAsync('motcua/v1/kg-hcc/catalogue', { qos: 1 });
      },
    );
    expect(catalogue.catalogue.procedures.length).toBeGreaterThan(100);
    expect(out).toContain(`catalogue     ${catalogue.catalogue.procedures.length} procedures`);
    await lookup.endAsync();
    const code = await new Promise<number | null>((resolve) => {
      p.on('exit', resolve);
      p.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});

describe('motcua hub --catalogue', () => {
  it('refuses an invalid catalogue file before starting, naming the field, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-cat-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, revision: 1, procedures: [{ id: 'x' }] }));
    const r = spawnSync(process.execPath, [bin, 'hub', '--demo', '--catalogue', file, '--data', dir], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/procedures\[0\]\.code/);
  });
});

describe('motcua bench core', () => {
  // A quick run: the figures themselves come from the full run (`motcua bench core --json`), not from tests.
  it('prints the figures as JSON', () => {
    const r = motcua('bench', 'core', '--json', '--events', '20000', '--intents', '200');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, number>;
    for (const k of ['events_per_s', 'rebuild_100k_ms', 'intent_p99_ms']) expect(out[k]).toBeGreaterThan(0);
    expect(out.rebuild_events).toBe(20_000);
    expect(out.intents).toBe(200);
  });
});

describe('motcua broker provision', () => {
  it('writes the ACL, the hashed password file and the device credentials from the config', () => {
    const out = mkdtempSync(join(tmpdir(), 'motcua-prov-'));
    const r = motcua('broker', 'provision', '--config', join(examples, 'district.json'), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const acl = readFileSync(join(out, 'acl'), 'utf8');
    expect(acl).toContain('user kiosk-1\ntopic write motcua/v1/vt-hcc/dev/kiosk-1/events');
    // a rating pad may request "rate", never "call"
    expect(acl).toContain('topic write motcua/v1/vt-hcc/dev/rating-q1/req/rate');
    expect(acl).not.toContain('rating-q1/req/call');
    const creds = JSON.parse(readFileSync(join(out, 'credentials.json'), 'utf8')) as Record<string, string>;
    const passwd = readFileSync(join(out, 'passwd'), 'utf8').trim().split('\n');
    expect(passwd.map((l) => l.split(':')[0]).sort()).toEqual(Object.keys(creds).sort());
    // running it again keeps the passwords already handed out
    motcua('broker', 'provision', '--config', join(examples, 'district.json'), '--out', out);
    expect(JSON.parse(readFileSync(join(out, 'credentials.json'), 'utf8'))).toEqual(creds);
  });
});
