/**
 * build/mosquitto/bridge-provincial.conf.example, loaded next to the production config, is a config
 * Mosquitto accepts and forwards the centre's topics to a "provincial" broker. TLS lines are removed
 * (no certificates in tests): only the plain-TCP part of the bridge is exercised here.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildAclFile, buildPasswordFile } from '../../src/sync/acl.js';
import { busEventsTopic, eventsTopic, filters } from '../../src/sync/topics.js';
import { ClientPool, MessageLog } from '@motcua/testing/mqtt';
import {
  productionConfForTest,
  rewriteConf,
  startMosquitto,
  type RunningMosquitto,
} from '@motcua/testing/mosquitto';

const CENTRE = 'q1-hcm';
const HUB = 'hub-q1';
const KIOSK = 'kiosk-1';
const pw = (u: string): string => `pw-${u}`;
const file = (name: string): URL => new URL(`../../../build/mosquitto/${name}`, import.meta.url);

const pool = new ClientPool();
const brokers: RunningMosquitto[] = [];

afterEach(async () => {
  await pool.endAll();
});

afterAll(async () => {
  await Promise.all(brokers.splice(0).map((b) => b.stop()));
});

describe('provincial bridge example', () => {
  it('forwards device events and hub broadcasts of the centre to the provincial broker', async () => {
    const province = await startMosquitto();
    brokers.push(province);

    const bridge = rewriteConf(
      (await readFile(file('bridge-provincial.conf.example'), 'utf8')).replaceAll('CENTRE', CENTRE),
      {
        address: `127.0.0.1:${province.port}`,
        restart_timeout: '1',
        bridge_cafile: null,
        bridge_tls_version: null,
        bridge_insecure: null,
      },
    );
    const production = productionConfForTest(await readFile(file('mosquitto.conf'), 'utf8'));
    const acl = buildAclFile({ centreId: CENTRE, hubUsername: HUB, devices: [{ id: KIOSK, role: 'kiosk' }] });
    const passwd = await buildPasswordFile([HUB, KIOSK].map((u) => ({ username: u, password: pw(u) })));
    const site = await startMosquitto({
      conf: (ctx) => `${production(ctx)}\n${bridge}\n`,
      files: { acl, passwd },
    });
    brokers.push(site);

    let log: MessageLog | undefined;
    const watcher = await pool.connect(province.url, {}, (c) => (log = new MessageLog(c)));
    await watcher.subscribeAsync(filters.centre(CENTRE), { qos: 1 });
    // Wait for the bridge's own notification: then its subscriptions on the site broker exist.
    const sys = await pool.connect(province.url);
    const up = new Promise<void>((resolve) => {
      sys.on('message', (_t, payload) => {
        if (payload.toString() === '1') resolve();
      });
    });
    await sys.subscribeAsync(`$SYS/broker/connection/motcua-bridge-${CENTRE}/state`, { qos: 1 });
    await up;

    const kiosk = await pool.connect(site.url, { username: KIOSK, password: pw(KIOSK) });
    const hub = await pool.connect(site.url, { username: HUB, password: pw(HUB) });
    await kiosk.publishAsync(eventsTopic(CENTRE, KIOSK), 'e1', { qos: 1 });
    await hub.publishAsync(busEventsTopic(CENTRE), 'b1', { qos: 1 });

    await log!.waitFor((m) => m.payload === 'e1');
    await log!.waitFor((m) => m.payload === 'b1');
    expect(log!.messages.map((m) => m.topic)).toEqual([eventsTopic(CENTRE, KIOSK), busEventsTopic(CENTRE)]);
  });
});
