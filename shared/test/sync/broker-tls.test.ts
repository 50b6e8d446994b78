/**
 * The TLS listener of build/mosquitto/mosquitto.conf and the provincial bridge over TLS, with certificates this
 * test makes with openssl: a centre CA signs the brokers' certificates; a second, unrelated CA stands for a wrong
 * certificate. Devices (DeviceSync) verify the site broker's certificate; the bridge verifies the province's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EventStore, silentLogger, systemClock } from '@motcua/shared';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { ClientPool, MessageLog } from '@motcua/testing/mqtt';
import {
  findFreePort,
  productionConfForTest,
  rewriteConf,
  startMosquitto,
  type RunningMosquitto,
} from '@motcua/testing/mosquitto';
import { buildAclFile, buildPasswordFile } from '../../src/sync/acl.js';
import { DeviceSync } from '../../src/sync/device-sync.js';
import { eventsTopic, filters } from '../../src/sync/topics.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-tls-'));
const ossl = (...args: string[]): void => {
  execFileSync('openssl', args, { stdio: 'ignore' });
};

/** A self-signed CA: returns the paths of its key and certificate. */
function makeCa(name: string): { key: string; crt: string } {
  const key = join(dir, `${name}.key`);
  const crt = join(dir, `${name}.crt`);
  ossl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    crt,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
  );
  return { key, crt };
}

/** A server certificate for 127.0.0.1 signed by `ca`. */
function makeServerCert(ca: { key: string; crt: string }, name: string): { key: string; crt: string } {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const crt = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:127.0.0.1\n');
  ossl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=127.0.0.1');
  ossl(
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.crt,
    '-CAkey',
    ca.key,
    '-CAcreateserial',
    '-out',
    crt,
    '-days',
    '2',
    '-extfile',
    ext,
  );
  return { key, crt };
}

const centreCa = makeCa('centre-ca');
const otherCa = makeCa('other-ca');
const siteCert = makeServerCert(centreCa, 'site');
const provinceCert = makeServerCert(centreCa, 'province');

const CENTRE = 'test';
const HUB = 'hub-tls';
const file = (name: string): URL => new URL(`../../../build/mosquitto/${name}`, import.meta.url);
const pw = (u: string): string => `pw-${u}-tls`;

/** The TLS listener block of mosquitto.conf, uncommented, pointed at the test's files and port. */
async function tlsListener(port: number, cert: { key: string; crt: string }): Promise<string> {
  const text = await readFile(file('mosquitto.conf'), 'utf8');
  const block = text
    .split('\n')
    .filter((l) =>
      /^# (listener 8883|protocol mqtt|use_username_as_clientid|cafile|certfile|keyfile|tls_version)/.test(l),
    )
    .map((l) => l.slice(2));
  expect(block).toHaveLength(7);
  return rewriteConf(block.join('\n'), {
    listener: `${port} 127.0.0.1`,
    cafile: centreCa.crt,
    certfile: cert.crt,
    keyfile: cert.key,
  });
}

const pool = new ClientPool();
const brokers: RunningMosquitto[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await pool.endAll();
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  await Promise.all(brokers.splice(0).map((b) => b.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS', () => {
  it("devices verify the site broker's certificate: the centre's CA is accepted, another refused", async () => {
    const tlsPort = await findFreePort();
    const config = testCentreConfig({ devices: [{ id: 'kiosk-1', role: 'kiosk' }] });
    const acl = buildAclFile({ centreId: CENTRE, hubUsername: HUB, devices: config.devices });
    const passwd = await buildPasswordFile([HUB, 'kiosk-1'].map((u) => ({ username: u, password: pw(u) })));
    const production = productionConfForTest(await readFile(file('mosquitto.conf'), 'utf8'));
    const listener = await tlsListener(tlsPort, siteCert);
    const site = await startMosquitto({
      conf: (ctx) => `${production(ctx)}\n${listener}\n`,
      files: { acl, passwd },
    });
    brokers.push(site);
    const hub: RunningHub = await startHub({
      config,
      dataDir: join(dir, 'hub'),
      brokerUrl: site.url,
      username: HUB,
      password: pw(HUB),
      clock: systemClock,
      logger: silentLogger,
    });
    cleanups.push(() => hub.stop());
    const device = (ca: string, id: string): { sync: DeviceSync; store: EventStore } => {
      const store = new EventStore({
        path: join(dir, `${id}.db`),
        deviceId: 'kiosk-1',
        config,
        clock: systemClock,
        logger: silentLogger,
      });
      const sync = new DeviceSync({
        url: `mqtts://127.0.0.1:${tlsPort}`,
        centreId: CENTRE,
        deviceId: 'kiosk-1',
        role: 'kiosk',
        username: 'kiosk-1',
        password: pw('kiosk-1'),
        ca: readFileSync(ca),
        store,
        clock: systemClock,
        logger: silentLogger,
        backoff: { initialMs: 50, maxMs: 200 },
      });
      sync.start();
      cleanups.push(async () => {
        await sync.stop();
        store.close();
      });
      return { sync, store };
    };

    // The wrong CA first (the right one would take over the session): it never connects.
    const wrong = device(otherCa.crt, 'kiosk-wrong');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(wrong.sync.connected).toBe(false);
    await wrong.sync.stop();

    const right = device(centreCa.crt, 'kiosk-right');
    const end = Date.now() + 10_000;
    while (!right.sync.connected && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(right.sync.connected).toBe(true);
    const r = await right.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
    expect(r.kind).toBe('done');
    expect(hub.store.state.tickets.size).toBe(1);
  }, 30_000);

  it('the provincial bridge forwards over TLS when it trusts the province, and not with another CA', async () => {
    const run = async (bridgeCa: string): Promise<MessageLog> => {
      const tlsPort = await findFreePort();
      const listener = await tlsListener(tlsPort, provinceCert);
      const province = await startMosquitto({
        // the province: the TLS listener, and a plain one (the harness's port) for the test's watcher
        conf: (ctx) =>
          [
            listener,
            'allow_anonymous true',
            `listener ${ctx.port} ${ctx.host}`,
            'log_dest stderr',
            ...(process.getuid?.() === 0 ? ['user root'] : []),
            '',
          ].join('\n'),
      });
      brokers.push(province);
      const bridge = rewriteConf(
        (await readFile(file('bridge-provincial.conf.example'), 'utf8')).replaceAll('CENTRE', CENTRE),
        { address: `127.0.0.1:${tlsPort}`, restart_timeout: '1', bridge_cafile: bridgeCa },
      );
      const production = productionConfForTest(await readFile(file('mosquitto.conf'), 'utf8'));
      const acl = buildAclFile({
        centreId: CENTRE,
        hubUsername: HUB,
        devices: [{ id: 'kiosk-1', role: 'kiosk' }],
      });
      const passwd = await buildPasswordFile([HUB, 'kiosk-1'].map((u) => ({ username: u, password: pw(u) })));
      const site = await startMosquitto({
        conf: (ctx) => `${production(ctx)}\n${bridge}\n`,
        files: { acl, passwd },
      });
      brokers.push(site);
      let log: MessageLog | undefined;
      const watcher = await pool.connect(province.url, {}, (c) => (log = new MessageLog(c)));
      await watcher.subscribeAsync(filters.centre(CENTRE), { qos: 1 });
      // give the bridge time to connect (restart_timeout 1 s), then publish
      await new Promise((r) => setTimeout(r, 2_000));
      const kiosk = await pool.connect(site.url, {
        username: 'kiosk-1',
        password: pw('kiosk-1'),
        clientId: 'kiosk-1',
      });
      await kiosk.publishAsync(eventsTopic(CENTRE, 'kiosk-1'), 'over-tls', { qos: 1 });
      return log!;
    };
    const trusted = await run(centreCa.crt);
    await trusted.waitFor((m) => m.payload === 'over-tls', 10_000);
    const untrusted = await run(otherCa.crt);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(untrusted.has((m) => m.payload === 'over-tls')).toBe(false);
  }, 40_000);
});
