/**
 * Hostile input from a separate client (Debian's `mosquitto_pub`, and a raw MQTT socket for what mosquitto_pub
 * refuses to send), against the hub on a real Mosquitto (test config: anonymous, no ACL — the worst case, every
 * message reaches the hub) and on the embedded broker (demo mode: any device name may log in).
 * Each attack is rejected — counted by hub.coordinator.rejections() and logged once per device and reason —
 * nothing crashes, and the legitimate kiosk and counter keep working afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mqttPacket from 'mqtt-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger, printOutcome, stateHash, systemClock, type QueueEvent } from '@motcua/shared';
import { defaultTestConf, startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import { syncTestConfig, until } from './support/centre.js';
import { closeDevice, eventRows, openDevice, type FaultDevice } from './support/fault.js';

const run = promisify(execFile);

let broker: RunningMosquitto | null = null;
let hub: RunningHub | null = null;
const devices: FaultDevice[] = [];
let dir: string | null = null;
afterEach(async () => {
  for (const d of devices.splice(0)) await closeDevice(d);
  await hub?.stop().catch(() => undefined);
  hub = null;
  await broker?.stop();
  broker = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

type BrokerKind = 'mosquitto' | 'embedded';

/** Publishes with mosquitto_pub (QoS 1) as user kiosk-1; resolves with its exit code and stderr. */
async function pub(
  port: number,
  topic: string,
  payload: { message: string } | { file: string },
): Promise<{ code: number; stderr: string }> {
  const args = [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-q',
    '1',
    '-u',
    'kiosk-1',
    '-i',
    'attacker',
    '-t',
    topic,
  ];
  args.push(...('message' in payload ? ['-m', payload.message] : ['-f', payload.file]));
  try {
    const r = await run('mosquitto_pub', args, { timeout: 15_000 });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stderr?: string };
    return { code: err.code ?? -1, stderr: err.stderr ?? '' };
  }
}

/**
 * Sends what mosquitto_pub will not: a PUBLISH to a wildcard topic, on a raw socket. Resolves with whether the
 * broker closed the connection within 3 s (it must: a wildcard in a PUBLISH is a protocol violation).
 */
async function rawWildcardPublish(port: number, topic: string): Promise<boolean> {
  const sock = createConnection({ host: '127.0.0.1', port });
  const closed = new Promise<boolean>((resolve) => {
    sock.once('close', () => resolve(true));
    setTimeout(() => resolve(false), 3_000);
  });
  sock.on('error', () => undefined);
  await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
  sock.write(
    mqttPacket.generate({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: 4,
      clean: true,
      clientId: 'attacker-raw',
      keepalive: 30,
      username: 'kiosk-1',
    }),
  );
  await new Promise<void>((resolve) => sock.once('data', () => resolve())); // CONNACK
  sock.write(
    mqttPacket.generate({
      cmd: 'publish',
      topic,
      payload: Buffer.from('{"deviceId":"kiosk-1","events":[]}'),
      qos: 0,
      retain: false,
      dup: false,
    }),
  );
  const r = await closed;
  sock.destroy();
  return r;
}

describe.each<BrokerKind>(['mosquitto', 'embedded'])('hostile input through the %s broker', (kind) => {
  it('each attack is rejected, counted and logged once; nothing crashes; the legit devices keep working', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-hostile-'));
    const config = syncTestConfig();
    const hubLog = memoryLogger();
    const deviceLog = memoryLogger();
    if (kind === 'mosquitto') {
      broker = await startMosquitto({ conf: defaultTestConf({ persistence: false }) });
      hub = await startHub({
        config,
        dataDir: join(dir, 'hub'),
        brokerUrl: broker.url,
        clock: systemClock,
        logger: hubLog.logger,
      });
    } else {
      hub = await startHub({
        config,
        dataDir: join(dir, 'hub'),
        port: 0,
        host: '127.0.0.1',
        clock: systemClock,
        logger: hubLog.logger,
      });
    }
    const h = hub;
    const port = Number(new URL(h.brokerUrl).port);
    const dev = (id: string, role: 'kiosk' | 'counter'): FaultDevice => {
      const d = openDevice({
        dir: dir!,
        config,
        logger: deviceLog.logger,
        id,
        role,
        url: h.brokerUrl,
        username: id,
      });
      devices.push(d);
      return d;
    };
    const kiosk = dev('kiosk-1', 'kiosk');
    const counter = dev('counter-c1', 'counter');
    await until(() => kiosk.sync.connected && counter.sync.connected, 10_000, 'connected');

    // Legit traffic first, so there is something to replay.
    const first = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: true });
    const firstId = first.kind === 'done' ? first.ticketId! : '';
    expect(kiosk.store.commit((s) => printOutcome(s, firstId, { kind: 'printed', copies: 1 })).ok).toBe(true);
    kiosk.sync.flush();
    await until(() => kiosk.store.pendingOutbox().length === 0, 10_000, 'print acknowledged');
    const rowsBefore = eventRows(h.store);
    const hashBefore = stateHash(h.store.state);

    const rej = (key: string): number => h.coordinator.rejections()[key] ?? 0;
    const expectRejected = async (key: string, n: number): Promise<void> => {
      await until(
        () => rej(key) === n,
        10_000,
        `${key} = ${n} (now ${JSON.stringify(h.coordinator.rejections())})`,
      );
    };
    const topic = (rest: string): string => `motcua/v1/${config.centre.id}/${rest}`;
    const outcomes: string[] = [];

    // 1. malformed JSON, twice: counted twice, logged once
    for (let i = 0; i < 2; i++)
      expect(
        (await pub(port, topic('dev/kiosk-1/events'), { message: '{"deviceId":"kiosk-1","events":[' })).code,
      ).toBe(0);
    await expectRejected('kiosk-1:malformed', 2);
    outcomes.push('malformed: rejected at the hub');

    // 2. a 10 MB payload
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ deviceId: 'kiosk-1', events: ['x'.repeat(10 * 1024 * 1024)] }));
    const bigPub = await pub(port, topic('dev/kiosk-1/events'), { file: big });
    if (bigPub.code === 0) {
      // delivered by the broker: the hub must drop it unread
      await expectRejected('kiosk-1:malformed', 3);
      outcomes.push('10 MB: delivered by the broker, dropped unread by the hub');
    } else {
      outcomes.push(`10 MB: refused by the broker (mosquitto_pub exit ${bigPub.code})`);
    }

    // 3. wrong schema: a batch that is not an array; an event that fails validation; a bad request envelope
    await pub(port, topic('dev/kiosk-1/events'), {
      message: '{"deviceId":"kiosk-1","events":"all of them"}',
    });
    await expectRejected('kiosk-1:invalid-schema', 1);
    // the next sequence number (one further ahead is refused earlier, as a gap)
    const next = h.store.contiguousSeq('kiosk-1') + 1;
    await pub(port, topic('dev/kiosk-1/events'), {
      message: JSON.stringify({
        deviceId: 'kiosk-1',
        events: [
          { v: 1, id: `kiosk-1:${next}`, device: 'kiosk-1', seq: next, type: 'ticket.issued', data: {} },
        ],
      }),
    });
    await expectRejected('kiosk-1:invalid-event', 1);
    await pub(port, topic('dev/kiosk-1/req/issue'), { message: '{"deviceId":"kiosk-1","body":{}}' });
    await expectRejected('kiosk-1:invalid-schema', 2);
    outcomes.push('wrong schema: rejected at the hub');

    // 4. a replayed event, as sent and with its content changed: the hub keeps what it stored first
    const own = kiosk.store.eventsOfDay(kiosk.store.day).filter((e) => e.device === 'kiosk-1');
    const replay = own[0]!;
    const tampered = { ...replay, data: { ...(replay.data as object), copies: 2 } } as unknown as QueueEvent;
    await pub(port, topic('dev/kiosk-1/events'), {
      message: JSON.stringify({ deviceId: 'kiosk-1', events: [replay] }),
    });
    await pub(port, topic('dev/kiosk-1/events'), {
      message: JSON.stringify({ deviceId: 'kiosk-1', events: [tampered] }),
    });
    // A counted message after them: the hub handles messages in arrival order, so once it is counted the
    // replays have been handled too.
    await pub(port, topic('dev/kiosk-1/events'), { message: 'not json' });
    await expectRejected('kiosk-1:malformed', bigPub.code === 0 ? 4 : 3);
    expect(eventRows(h.store)).toBe(rowsBefore);
    expect(stateHash(h.store.state)).toBe(hashBefore);
    expect(rej('kiosk-1:invalid-event')).toBe(1); // the tampered copy is valid: only the duplicate check stops it
    // The exact replay cannot be told from a routine outbox resend: ignored, not counted. The tampered one is.
    expect(rej('kiosk-1:conflicting-duplicate')).toBe(1);
    outcomes.push('replay: ignored (exact copy not counted; tampered copy counted)');

    // 5. forged device ids: the payload names another device; a batch carries another device's event
    await pub(port, topic('dev/kiosk-1/events'), {
      message: JSON.stringify({ deviceId: 'kiosk-2', events: [] }),
    });
    await expectRejected('kiosk-1:payload-device-mismatch', 1);
    await pub(port, topic('dev/kiosk-1/req/issue'), {
      message: JSON.stringify({
        deviceId: 'counter-c1',
        requestId: 'forged-1',
        body: { areaId: 'a', priority: null, needsPrint: false },
      }),
    });
    await expectRejected('kiosk-1:payload-device-mismatch', 2);
    await pub(port, topic('dev/kiosk-1/events'), {
      message: JSON.stringify({
        deviceId: 'kiosk-1',
        events: [{ ...replay, id: 'kiosk-2:1', device: 'kiosk-2', seq: 1 }],
      }),
    });
    await expectRejected('kiosk-1:forged-event', 1);
    outcomes.push('forged device: rejected at the hub');

    // 6. a topic under the hub's subscriptions that is not one of ours (upper case is no device id)
    await pub(port, topic('dev/KIOSK_1/events'), { message: '{}' });
    if (kind === 'mosquitto') await expectRejected('unknown:unknown-topic', 1);
    else outcomes.push('bad topic: refused by the embedded broker');

    // 7. wildcard topics: mosquitto_pub refuses to send one; sent raw, the broker drops the connection
    const wild = await pub(port, topic('dev/+/events'), { message: '{}' });
    expect(wild.code).not.toBe(0);
    expect(wild.stderr).toMatch(/Invalid publish topic/);
    expect(await rawWildcardPublish(port, topic('dev/+/events'))).toBe(true);
    expect(await rawWildcardPublish(port, topic('#'))).toBe(true);
    outcomes.push('wildcard: refused by mosquitto_pub; raw PUBLISH disconnected by the broker');

    // Nothing crashed: the broker still runs, the hub handled no message with an error, and the state is intact.
    await h.coordinator.idle();
    if (broker) expect(broker.running).toBe(true);
    expect(hubLog.records.filter((r) => r.level === 'error')).toEqual([]);
    expect(eventRows(h.store)).toBe(rowsBefore);
    expect(stateHash(h.store.state)).toBe(hashBefore);
    // Logged once per device and reason, however many times it came.
    const warned = hubLog.records.filter((r) => r.level === 'warn' && r.message === 'message rejected');
    const keys = warned.map((r) => `${String(r.fields?.device)}:${String(r.fields?.reason)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(Object.keys(h.coordinator.rejections())));

    // The legitimate devices keep working.
    const t = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: true });
    const ticketId = t.kind === 'done' ? t.ticketId! : '';
    expect(kiosk.store.commit((s) => printOutcome(s, ticketId, { kind: 'printed', copies: 1 })).ok).toBe(
      true,
    );
    kiosk.sync.flush();
    await until(() => kiosk.store.pendingOutbox().length === 0, 10_000, 'kiosk outbox acknowledged');
    await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    const call = await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    expect(call.kind === 'done' && call.ticketId).toBe(firstId);
    const call2 = await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    expect(call2.kind === 'done' && call2.ticketId).toBe(ticketId);
    await until(
      () => [kiosk, counter].every((d) => stateHash(d.store.state) === stateHash(h.store.state)),
      10_000,
      'devices converge',
    );
    expect(h.store.state.rejected).toEqual([]);
    console.info(
      `[fault-hostile ${kind}] ${outcomes.join('; ')}; rejections ${JSON.stringify(h.coordinator.rejections())}`,
    );
  }, 60_000);
});
