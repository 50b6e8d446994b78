import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, issueTicket, printOutcome, silentLogger, stateHash } from '@motcua/shared';
import { RequestError } from '@motcua/shared/sync/device-sync';
import { requestTopic, responseTopic } from '@motcua/shared/sync/topics';
import { startHub } from '@motcua/hub/hub';
import { TestCentre, syncTestConfig, until } from './support/centre.js';

let centre: TestCentre | null = null;
afterEach(async () => {
  await centre?.close();
  centre = null;
});

describe('sync through a real Mosquitto', () => {
  it('a kiosk issues online through the hub, prints, and the hub stores the print; every device converges', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const kiosk = centre.device('kiosk-1', 'kiosk');
    const counter = centre.device('counter-c1', 'counter');
    await until(() => kiosk.sync.connected && counter.sync.connected, 10_000, 'devices connected');
    const r = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: true });
    expect(r.kind).toBe('done');
    const ticketId = r.kind === 'done' ? r.ticketId! : '';
    expect(kiosk.store.state.tickets.get(ticketId)?.number).toBe(1001);
    const p = kiosk.store.commit((s) => printOutcome(s, ticketId, { kind: 'printed', copies: 1 }));
    expect(p.ok).toBe(true);
    kiosk.sync.flush();
    await until(() => kiosk.store.pendingOutbox().length === 0, 10_000, 'outbox acknowledged');
    expect(centre.hub.store.state.tickets.get(ticketId)?.printed).toBe(true);
    await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    const call = await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    expect(call.kind === 'done' && call.ticketId).toBe(ticketId);
    await until(
      () =>
        stateHash(kiosk.store.state) === stateHash(centre!.hub.store.state) &&
        stateHash(counter.store.state) === stateHash(centre!.hub.store.state),
      10_000,
      'equal hashes',
    );
  });

  it('two counters pressing "next" at once never get the same ticket; numbers are consecutive', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const kiosk = centre.device('kiosk-1', 'kiosk');
    const c1 = centre.device('counter-c1', 'counter');
    const c2 = centre.device('counter-c2', 'counter');
    await until(() => kiosk.sync.connected && c1.sync.connected && c2.sync.connected);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
      if (r.kind === 'done') ids.push(r.ticketId!);
    }
    expect(ids.map((id) => centre!.hub.store.state.tickets.get(id)!.number)).toEqual(
      [...Array(10).keys()].map((k) => 1001 + k),
    );
    await c1.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    await c2.sync.request('counter', { counterId: 'c2', action: { kind: 'open' } });
    const got: string[] = [];
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        c1.sync.request('call', { counterId: 'c1', action: { kind: 'next' } }),
        c2.sync.request('call', { counterId: 'c2', action: { kind: 'next' } }),
      ]);
      for (const r of [a, b]) if (r.kind === 'done') got.push(r.ticketId!);
    }
    expect(new Set(got).size).toBe(10);
    // The hub's own events are not kept in an outbox nobody would drain.
    expect(centre.hub.store.lastSeq).toBeGreaterThanOrEqual(22);
    expect(centre.hub.store.pendingOutbox(1000)).toEqual([]);
  });

  it('a retried request (same id) gets the same answer and issues nothing more', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const kiosk = centre.device('kiosk-1', 'kiosk');
    await until(() => kiosk.sync.connected);
    const a = await kiosk.sync.request('issue', { areaId: 'b', priority: null, needsPrint: false }, 'req-1');
    const b = await kiosk.sync.request('issue', { areaId: 'b', priority: null, needsPrint: false }, 'req-1');
    expect(b).toEqual(a);
    expect(centre.hub.store.state.tickets.size).toBe(1);
  });
});

describe('request deadlines', () => {
  it('a copy past its deadline is refused "expired" and changes nothing, but a request already carried out gets its recorded answer', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const c = centre;
    const id = c.config.centre.id;
    const raw = await mqtt.connectAsync(c.broker.url, { protocolVersion: 4, clean: true });
    try {
      const answers = new Map<string, unknown>();
      raw.on('message', (_t, p) => {
        const m = JSON.parse(p.toString()) as { requestId: string };
        answers.set(m.requestId, m);
      });
      await raw.subscribeAsync(responseTopic(id, 'kiosk-1'), { qos: 1 });
      const ask = async (requestId: string, deadline: number): Promise<Record<string, unknown>> => {
        answers.delete(requestId);
        const body = { areaId: 'a', priority: null, needsPrint: false };
        await raw.publishAsync(
          requestTopic(id, 'kiosk-1', 'issue'),
          JSON.stringify({ deviceId: 'kiosk-1', requestId, body, deadline }),
          { qos: 1 },
        );
        await until(() => answers.has(requestId), 10_000, `answer to ${requestId}`);
        return answers.get(requestId) as Record<string, unknown>;
      };
      const first = await ask('r1', Date.now() + 10_000);
      expect(first.ok).toBe(true);
      // The same request again, its copy now past its deadline (a retry after a lost answer): done, as recorded.
      expect(await ask('r1', Date.now() - 1_000)).toEqual(first);
      // A new request past its deadline: refused, nothing issued.
      const late = await ask('r2', Date.now() - 1_000);
      expect(late).toMatchObject({ ok: false, reason: 'expired' });
      expect(c.hub.store.state.tickets.size).toBe(1);
      expect(c.hub.coordinator.rejections()).toEqual({ 'kiosk-1:expired-request': 1 });
    } finally {
      await raw.endAsync();
    }
  });

  it('the "expired" answer to a late copy never stands for a newer attempt of the same request', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const c = centre;
    const kiosk = c.device('kiosk-1', 'kiosk');
    await until(() => kiosk.sync.connected, 10_000, 'kiosk connected');
    const body = { areaId: 'a', priority: null, needsPrint: false } as const;
    // One answer first: the kiosk learns the hub's clock, so its requests carry deadlines.
    await kiosk.sync.request('issue', body);
    // The hub goes away; the broker keeps its session and queues what is sent to it.
    await c.hub.stop();
    const err = await kiosk.sync.request('issue', body, 'x', 300).catch((e: unknown) => e);
    expect((err as RequestError).reason).toBe('no-answer');
    // Tried again with the same id and a new deadline; then the hub is back. It gets the old copy first (past
    // its deadline: "expired"), then this one, which it carries out.
    const again = kiosk.sync.request('issue', body, 'x', 10_000);
    c.hub = await startHub({
      config: c.config,
      dataDir: join(c.dir, 'hub'),
      brokerUrl: c.broker.url,
      clock: c.clock,
      logger: silentLogger,
      leaseBlockSize: 10,
    });
    const r = await again;
    expect(r.kind).toBe('done');
    expect(c.hub.store.state.tickets.size).toBe(2);
    expect(c.hub.coordinator.rejections()).toEqual({ 'kiosk-1:expired-request': 1 });
  });
});

describe('configuration, presence and state for devices that start', () => {
  it('a device keeps the retained configuration in its SQLite and can boot from it offline', async () => {
    centre = await new TestCentre(syncTestConfig({ revision: 7 })).start();
    const d = centre.device('board-hall', 'display');
    await until(() => d.store.getMeta('config') !== null, 10_000, 'config stored');
    const { readStoredConfig } = await import('@motcua/shared/sync/device-sync');
    await d.sync.stop();
    d.store.close();
    centre.devices.splice(centre.devices.indexOf(d), 1);
    const booted = readStoredConfig(d.path);
    expect(booted?.revision).toBe(7);
    expect(booted?.counters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('a display that starts gets the current state at once (retained bus/state)', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const k = centre.device('kiosk-1', 'kiosk');
    const c = centre.device('counter-c1', 'counter');
    await until(() => k.sync.connected && c.sync.connected);
    await k.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
    await c.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    await c.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    await new Promise((r) => setTimeout(r, 200));
    const board = centre.device('board-hall', 'display');
    await until(() => board.sync.state !== null, 5_000, 'state received');
    const st = board.sync.state as {
      counters: { id: string; current: { display: string } | null }[];
      lastCalls: { display: string; counterNumber: number }[];
    };
    expect(st.counters.find((x) => x.id === 'c1')?.current?.display).toBe('1001');
    expect(st.lastCalls[0]).toMatchObject({ display: '1001', counterNumber: 1 });
  });

  it('a stale "offline" (the will of an older session) never overrides a newer "online"', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const k = centre.device('kiosk-1', 'kiosk');
    await until(() => centre!.hub.coordinator.presenceOf('kiosk-1')?.online === true, 5_000, 'online');
    const epoch = centre.hub.coordinator.presenceOf('kiosk-1')!.epoch;
    const mqtt = (await import('mqtt')).default;
    const forger = await mqtt.connectAsync(centre.broker.url, { protocolVersion: 4 });
    await forger.publishAsync(
      'motcua/v1/test/presence/kiosk-1',
      JSON.stringify({ deviceId: 'kiosk-1', online: false, epoch: epoch - 1 }),
      { qos: 1 },
    );
    await forger.endAsync();
    await new Promise((r) => setTimeout(r, 200));
    expect(centre.hub.coordinator.presenceOf('kiosk-1')).toEqual({ online: true, epoch });
    await k.sync.stop();
    await until(
      () => centre!.hub.coordinator.presenceOf('kiosk-1')?.online === false,
      5_000,
      'offline after stop',
    );
  });

  it('a device restarted with its clock a day behind is still shown online (its epoch stays above the old one)', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const first = centre.device('kiosk-1', 'kiosk', centre.broker.url, new ManualClock(Date.now()));
    await until(() => centre!.hub.coordinator.presenceOf('kiosk-1')?.online === true, 5_000, 'online');
    const old = centre.hub.coordinator.presenceOf('kiosk-1')!.epoch;
    await first.sync.stop();
    first.store.close();
    await until(() => centre!.hub.coordinator.presenceOf('kiosk-1')?.online === false, 5_000, 'offline');
    const behind = new ManualClock(Date.now() - 24 * 3600_000);
    centre.device('kiosk-1', 'kiosk', centre.broker.url, behind);
    await until(() => centre!.hub.coordinator.presenceOf('kiosk-1')?.online === true, 5_000, 'online again');
    expect(centre.hub.coordinator.presenceOf('kiosk-1')!.epoch).toBeGreaterThan(old);
  });

  it('a broadcast lost while connected is fetched once a later one shows the hole', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    const board = centre.device('board-1', 'display');
    const kiosk = centre.device('kiosk-1', 'kiosk');
    await until(() => board.sync.connected && kiosk.sync.connected);
    await new Promise((r) => setTimeout(r, 300)); // the connect-time catch-up is over
    // Three tickets the hub stores and whose broadcasts never reach the board (as when a broker drops
    // messages for a client whose queue is full).
    const hub = centre.hub.store;
    for (let i = 0; i < 3; i++) {
      const r = hub.commit((s) =>
        issueTicket(
          s,
          centre!.config,
          { areaId: 'a', priority: null, kioskId: 'hub', needsPrint: false },
          Date.now(),
        ),
      );
      expect(r.ok).toBe(true);
    }
    const missing = hub.contiguousSeq('hub');
    await new Promise((r) => setTimeout(r, 300));
    expect(board.store.contiguousSeq('hub')).toBeLessThan(missing);
    // The next broadcast carries a later event of the hub: the board sees the hole and catches up.
    const r = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
    expect(r.kind).toBe('done');
    await until(
      () => board.store.contiguousSeq('hub') === hub.contiguousSeq('hub'),
      5_000,
      'board caught up',
    );
    expect(board.store.hasGaps()).toBe(false);
    expect(stateHash(board.store.state)).toBe(stateHash(hub.state));
  });
});
