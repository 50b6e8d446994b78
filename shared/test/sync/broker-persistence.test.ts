/**
 * Kill the broker: what survives a SIGKILL of Mosquitto and a restart on the same port.
 *
 * The production config must keep retained messages (the hub's acks, config, state hash) and QoS 1
 * messages queued for an offline persistent session. Two characterisation tests pin down why the
 * config says `autosave_on_changes true` *and* `autosave_interval 1`: with less, Mosquitto 2.0.x loses
 * them. If those start failing after a Mosquitto upgrade, the behaviour changed: re-measure, then
 * revisit the config comment. Even then, the save follows the PUBACK (see the barrier below).
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAclFile, buildPasswordFile } from '../../src/sync/acl.js';
import { ackTopic, busEventsTopic, configTopic, presenceTopic } from '../../src/sync/topics.js';
import { ClientPool, MessageLog } from '@motcua/testing/mqtt';
import {
  defaultTestConf,
  productionConfForTest,
  startMosquitto,
  type ConfContext,
  type RunningMosquitto,
} from '@motcua/testing/mosquitto';

const CENTRE = 'q1-hcm';
const HUB = 'hub-q1';
const BOARD = 'board-1';
const PROD_CONF = new URL('../../../build/mosquitto/mosquitto.conf', import.meta.url);
const pw = (u: string): string => `pw-${u}`;

const pool = new ClientPool();
const brokers: RunningMosquitto[] = [];

afterEach(async () => {
  await pool.endAll();
  await Promise.all(brokers.splice(0).map((b) => b.stop()));
});

async function start(conf: (ctx: ConfContext) => string, files: Record<string, string> = {}) {
  const b = await startMosquitto({ conf, files });
  brokers.push(b);
  return b;
}

async function startProductionLike(): Promise<RunningMosquitto> {
  const acl = buildAclFile({ centreId: CENTRE, hubUsername: HUB, devices: [{ id: BOARD, role: 'display' }] });
  const passwd = await buildPasswordFile([HUB, BOARD].map((u) => ({ username: u, password: pw(u) })));
  return start(productionConfForTest(await readFile(PROD_CONF, 'utf8')), { acl, passwd });
}

/** Connects, subscribes, returns whatever retained message arrives on `topic` within `ms`. */
async function retainedAfter(url: string, topic: string, auth: object, ms = 500): Promise<string | null> {
  const client = await pool.connect(url, { clean: true, ...auth });
  const log = new MessageLog(client);
  await client.subscribeAsync(topic, { qos: 1 });
  try {
    return (await log.waitFor((m) => m.topic === topic, ms)).payload;
  } catch {
    return null;
  }
}

describe('SIGKILL and restart of Mosquitto', () => {
  it('production config: retained messages and a queued QoS 1 message survive, same port', async () => {
    const broker = await startProductionLike();
    const hubAuth = { username: HUB, password: pw(HUB), clientId: 'hub' };
    const boardAuth = { username: BOARD, password: pw(BOARD), clientId: BOARD };

    // The display has a persistent session subscribed to the bus, then goes offline.
    const board = await pool.connect(broker.url, { ...boardAuth, clean: false });
    await board.subscribeAsync(busEventsTopic(CENTRE), { qos: 1 });
    await board.endAsync();

    const hub = await pool.connect(broker.url, hubAuth);
    await hub.publishAsync(ackTopic(CENTRE, BOARD), '{"seq":41}', { qos: 1, retain: true });
    await hub.publishAsync(configTopic(CENTRE), '{"version":7}', { qos: 1, retain: true });
    await hub.publishAsync(busEventsTopic(CENTRE), 'event-while-board-offline', { qos: 1 });
    // PUBACK comes before the save: Mosquitto 2.0.11 saves at the top of its next loop turn, and a
    // SIGKILL right after the last PUBACK lost that message in 1 to 20 of 20-30 tries here. One more
    // round trip (a publish nobody subscribes to) puts the kill after that turn. Devices must not
    // treat PUBACK as "stored" anyway: only the hub's ack is.
    await hub.publishAsync(presenceTopic(CENTRE, 'barrier'), '', { qos: 1 });
    const port = broker.port;

    await broker.kill('SIGKILL');
    await pool.endAll();
    await broker.restart();
    expect(broker.port).toBe(port);

    expect(await retainedAfter(broker.url, ackTopic(CENTRE, BOARD), hubAuth)).toBe('{"seq":41}');
    expect(await retainedAfter(broker.url, configTopic(CENTRE), hubAuth)).toBe('{"version":7}');

    let log: MessageLog | undefined;
    await pool.connect(broker.url, { ...boardAuth, clean: false }, (c) => (log = new MessageLog(c)));
    await log!.waitFor((m) => m.payload === 'event-while-board-offline');
  });

  it('a client with automatic reconnect finds the restarted broker at the same URL', async () => {
    const broker = await start(defaultTestConf());
    const client = await pool.connect(broker.url, { reconnectPeriod: 100 });
    const reconnected = new Promise<void>((resolve) =>
      client.once('connect', () => {
        resolve();
      }),
    );
    await broker.kill('SIGKILL');
    await broker.restart();
    await reconnected;
    expect(client.connected).toBe(true);
  });

  it('characterisation (Mosquitto 2.0.x): persistence true with the default autosave loses retained on SIGKILL', async () => {
    const broker = await start(defaultTestConf({ persistence: true }));
    const c = await pool.connect(broker.url);
    await c.publishAsync('t/retained', 'kept?', { qos: 1, retain: true });
    await broker.kill('SIGKILL');
    await pool.endAll();
    await broker.restart();
    expect(await retainedAfter(broker.url, 't/retained', {})).toBeNull();
  });

  it('characterisation (Mosquitto 2.0.x): autosave_on_changes with the default interval (1800 changes) also loses it', async () => {
    const base = defaultTestConf({ persistence: true });
    const broker = await start((ctx) => `${base(ctx)}autosave_on_changes true\n`);
    const c = await pool.connect(broker.url);
    await c.publishAsync('t/retained', 'kept?', { qos: 1, retain: true });
    await broker.kill('SIGKILL');
    await pool.endAll();
    await broker.restart();
    expect(await retainedAfter(broker.url, 't/retained', {})).toBeNull();
  });
});
