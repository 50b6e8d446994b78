/**
 * A device's MQTT connection does not build MQTT.js's number cache (mqtt-packet pre-builds one Buffer for each of
 * the 65,536 16-bit numbers on the first packet written, ~6 MB of heap for the life of the process): the kiosk's
 * runtime has an RSS budget of 150 MB. Real Mosquitto; the control at the end shows the check can see the cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, expect, it } from 'vitest';
import { EventStore, silentLogger, systemClock } from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { defaultTestConf, startMosquitto } from '@motcua/testing/mosquitto';
import { DeviceSync } from '../../src/sync/device-sync.js';

// mqtt-packet as MQTT.js itself resolves it (the same module instance, so the same cache object).
const fromMqtt = createRequire(createRequire(import.meta.url).resolve('mqtt'));
const numbers = fromMqtt('mqtt-packet/numbers.js') as { cache: Record<number, Buffer> };
const packet = fromMqtt('mqtt-packet') as { writeToStream: { cacheNumbers: boolean } };
const cached = (): number => Object.keys(numbers.cache).length;

const dir = mkdtempSync(join(tmpdir(), 'motcua-sync-mem-'));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

it("a device's connection writes its packets without MQTT.js's 65,536-buffer number cache", async () => {
  const broker = await startMosquitto({ conf: defaultTestConf({ persistence: false }) });
  cleanups.push(() => broker.stop());
  const config = testCentreConfig();
  const store = new EventStore({
    path: join(dir, 'kiosk-1.db'),
    deviceId: 'kiosk-1',
    config,
    clock: systemClock,
    logger: silentLogger,
  });
  const sync = new DeviceSync({
    url: broker.url,
    centreId: config.centre.id,
    deviceId: 'kiosk-1',
    role: 'kiosk',
    store,
    clock: systemClock,
    logger: silentLogger,
  });
  sync.start();
  cleanups.push(async () => {
    await sync.stop();
    store.close();
  });

  // Once connected, the device has written CONNECT, SUBSCRIBE and its retained QoS 1 presence.
  const deadline = Date.now() + 15_000;
  while (!sync.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(sync.connected).toBe(true);
  await new Promise((r) => setTimeout(r, 200));
  expect(cached()).toBe(0);

  expect(packet.writeToStream.cacheNumbers).toBe(false);

  // Control: with the cache switched back on (it is one switch for the whole process), a client with MQTT.js's
  // defaults builds it on its first packet.
  packet.writeToStream.cacheNumbers = true;
  const plain = await mqtt.connectAsync(broker.url, { clientId: 'control', reconnectPeriod: 0 });
  cleanups.push(() => plain.endAsync());
  await plain.publishAsync('control/x', 'x', { qos: 1 });
  expect(cached()).toBe(65_536);
});
