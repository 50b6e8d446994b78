/**
 * The hub's broker password for a Mosquitto site: read from a file (or MOTCUA_BROKER_PASSWORD), never taken from
 * the URL, never printed, never in a log line or the process list.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '@motcua/shared';
import { buildAclFile, buildPasswordFile } from '@motcua/shared/sync/acl';
import { productionConfForTest, startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { readBrokerPassword } from '@motcua/hub/hub';

const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
const example = fileURLToPath(new URL('../../shared/config-examples/district.json', import.meta.url));
const PROD_CONF = fileURLToPath(new URL('../../build/mosquitto/mosquitto.conf', import.meta.url));
const SECRET = 'hub-s3cret-never-shown';

let broker: RunningMosquitto | null = null;
const children: ReturnType<typeof spawn>[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await broker?.stop();
  broker = null;
});

function runHub(args: string[], env: NodeJS.ProcessEnv = {}) {
  const p = spawn(process.execPath, [bin, 'hub', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.push(p);
  const io = { out: '', err: '' };
  p.stdout.on('data', (b: Buffer) => (io.out += b.toString()));
  p.stderr.on('data', (b: Buffer) => (io.err += b.toString()));
  return { p, io };
}

describe('the hub password for an external broker', () => {
  it('is refused in the URL, and not echoed', async () => {
    const data = mkdtempSync(join(tmpdir(), 'motcua-sec-'));
    const { p, io } = runHub([
      '--config',
      example,
      '--data',
      data,
      '--broker',
      `mqtt://hub:${SECRET}@127.0.0.1:1`,
    ]);
    const code = await new Promise<number | null>((r) => p.on('exit', r));
    expect(code).toBe(2);
    expect(io.err).toMatch(/password-file|MOTCUA_BROKER_PASSWORD/);
    expect(io.out + io.err).not.toContain(SECRET);
  });

  it('comes from a file or the environment, and appears nowhere: output, JSON log, process list', async () => {
    const config = loadConfigFile(example);
    const users = ['hub', ...config.devices.map((d) => d.id)];
    broker = await startMosquitto({
      conf: productionConfForTest(await readFile(PROD_CONF, 'utf8')),
      files: {
        acl: buildAclFile({ centreId: config.centre.id, hubUsername: 'hub', devices: config.devices }),
        passwd: await buildPasswordFile(
          users.map((u) => ({ username: u, password: u === 'hub' ? SECRET : `pw-${u}` })),
        ),
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'motcua-sec-'));
    const file = join(dir, 'hub.pass');
    writeFileSync(file, `${SECRET}\n`, { mode: 0o600 });
    for (const how of ['file', 'env'] as const) {
      const args = [
        '--config',
        example,
        '--data',
        join(dir, how),
        '--broker',
        broker.url,
        '--log-level',
        'debug',
      ];
      const { p, io } = runHub(
        how === 'file' ? [...args, '--broker-password-file', file] : args,
        how === 'env' ? { MOTCUA_BROKER_PASSWORD: SECRET } : {},
      );
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (io.out.includes('Ctrl+C')) {
            clearInterval(t);
            resolve();
          }
        }, 20);
        p.on('exit', (code) => reject(new Error(`hub exited ${String(code)}: ${io.err}`)));
      });
      const cmdline = readFileSync(`/proc/${p.pid!}/cmdline`, 'utf8');
      expect(cmdline).not.toContain(SECRET);
      expect(io.out).toContain(broker.url);
      expect(io.out + io.err).not.toContain(SECRET);
      await new Promise<void>((resolve) => {
        p.on('exit', () => resolve());
        p.kill('SIGTERM');
      });
      expect(io.out + io.err).not.toContain(SECRET);
    }
  }, 60_000);

  it('reads the first line of the file, else the environment', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'motcua-sec-')), 'p');
    writeFileSync(f, 'abc\nignored\n');
    expect(readBrokerPassword(f, {})).toBe('abc');
    expect(readBrokerPassword(undefined, { MOTCUA_BROKER_PASSWORD: 'xyz' })).toBe('xyz');
    expect(readBrokerPassword(undefined, {})).toBeUndefined();
  });
});
