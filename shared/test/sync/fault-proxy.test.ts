/**
 * Partition a real MQTT.js client from a real Mosquitto with the fault proxy: what a device sees
 * when the hall network passes, silently drops, or resets its connection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { ClientPool, MessageLog } from '@motcua/testing/mqtt';

let broker: RunningMosquitto | undefined;
let proxy: FaultProxy | undefined;
const pool = new ClientPool();
let seq = 0;

beforeAll(async () => {
  broker = await startMosquitto();
});

afterEach(async () => {
  await pool.endAll();
  await proxy?.close();
  proxy = undefined;
});

afterAll(async () => {
  await broker?.stop();
});

function running(): { broker: RunningMosquitto; proxy: FaultProxy } {
  if (broker === undefined || proxy === undefined) throw new Error('not started');
  return { broker, proxy };
}

/** A device behind the proxy, with a persistent session on `topic`, and a publisher on the broker. */
async function setup(topic: string, clientOpts: Parameters<ClientPool['connect']>[1] = {}) {
  proxy = await startFaultProxy({ targetPort: broker!.port });
  const { broker: b, proxy: p } = running();
  let log: MessageLog | undefined;
  const device = await pool.connect(
    p.url,
    { clientId: `device-${++seq}`, clean: false, ...clientOpts },
    (c) => (log = new MessageLog(c)),
  );
  await device.subscribeAsync(topic, { qos: 1 });
  const publisher = await pool.connect(b.url, { clientId: `publisher-${seq}` });
  return { device, log: log!, publisher, proxy: p };
}

function once(client: MqttClient, event: 'close' | 'connect' | 'offline'): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve) =>
    client.once(event, () => {
      resolve(Date.now() - t0);
    }),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('fault proxy between MQTT.js and Mosquitto', () => {
  it('pass: delivers, and counts the bytes both ways', async () => {
    const { log, publisher, proxy: p } = await setup('t/pass');
    await publisher.publishAsync('t/pass', 'hello', { qos: 1 });
    await log.waitFor((m) => m.payload === 'hello');
    expect(p.stats().bytesUp).toBeGreaterThan(0);
    expect(p.stats().bytesDown).toBeGreaterThan(0);
  });

  it('blackhole: delivery stops, the client notices via keepalive; pass: it reconnects and gets what it missed', async () => {
    const {
      device,
      log,
      publisher,
      proxy: p,
    } = await setup('t/bh', {
      keepalive: 1,
      reconnectPeriod: 200,
      connectTimeout: 1_000,
    });
    const closed = once(device, 'close');

    p.setMode('blackhole');
    await publisher.publishAsync('t/bh', 'during-partition', { qos: 1 });
    await sleep(300);
    expect(log.has((m) => m.payload === 'during-partition')).toBe(false);
    // No FIN, no RST: only the keepalive (1 s, ping response due within one more period) tells.
    const noticedAfterMs = await closed;
    expect(noticedAfterMs).toBeGreaterThan(500);
    expect(noticedAfterMs).toBeLessThan(5_000);
    expect(device.connected).toBe(false);
    expect(log.has((m) => m.payload === 'during-partition')).toBe(false);

    const reconnected = once(device, 'connect');
    p.setMode('pass');
    await reconnected;
    await publisher.publishAsync('t/bh', 'after-heal', { qos: 1 });
    // The broker kept the persistent session's QoS 1 message: both arrive.
    await log.waitFor((m) => m.payload === 'during-partition');
    await log.waitFor((m) => m.payload === 'after-heal');
  });

  it('blackhole shorter than keepalive: the connection survives and held messages arrive on heal', async () => {
    const { device, log, publisher, proxy: p } = await setup('t/short', { keepalive: 30 });
    let closes = 0;
    device.on('close', () => closes++);

    p.setMode('blackhole');
    await publisher.publishAsync('t/short', 'held', { qos: 1 });
    await sleep(200);
    expect(log.has((m) => m.payload === 'held')).toBe(false);
    expect(p.stats().bytesHeld).toBeGreaterThan(0);

    p.setMode('pass');
    await log.waitFor((m) => m.payload === 'held');
    expect(closes).toBe(0);
  });

  it('reset: the client sees the connection drop at once and cannot reconnect until pass', async () => {
    const { device, log, publisher, proxy: p } = await setup('t/reset', { reconnectPeriod: 100 });
    const closed = once(device, 'close');
    p.setMode('reset');
    expect(await closed).toBeLessThan(500);
    await sleep(400);
    expect(device.connected).toBe(false);
    expect(p.stats().connectionsReset).toBeGreaterThan(1); // the first reset plus refused reconnects

    const reconnected = once(device, 'connect');
    p.setMode('pass');
    await reconnected;
    await publisher.publishAsync('t/reset', 'after-reset', { qos: 1 });
    await log.waitFor((m) => m.payload === 'after-reset');
  });

  it('close() ends every connection', async () => {
    const { device } = await setup('t/close');
    const closed = once(device, 'close');
    await running().proxy.close();
    await closed;
    expect(device.connected).toBe(false);
  });
});
