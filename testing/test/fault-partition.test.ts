/**
 * A kiosk is cut off from the broker by a silent partition (the fault proxy's blackhole: no FIN, no RST) while it
 * issues and prints 500 tickets. Nothing is short-circuited: the issuer asks the hub, waits its online timeout
 * while the link still looks up, and issues offline at once (request → "offline") as soon as the MQTT keepalive
 * has noticed the dead link. Meanwhile another kiosk issues online and a counter calls. After healing, every
 * replica converges: equal state hashes, no number twice, nothing rejected by the queue rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger, printOutcome, stateHash } from '@motcua/shared';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { KioskIssuer, type IssuedTicket } from '@motcua/kiosk/issuer';
import { syncTestConfig, until } from './support/centre.js';
import { FaultCentre, duplicateNumbers, eventIds, eventRows } from './support/fault.js';

let centre: FaultCentre | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

describe('a kiosk partitioned from the broker', () => {
  it('issues 500 tickets offline (leased blocks, then its marked series); all converges on heal', async () => {
    const { logger } = memoryLogger();
    centre = await new FaultCentre(syncTestConfig(), logger).start('default', [], { leaseBlockSize: 100 });
    const c = centre;
    proxy = await startFaultProxy({ targetPort: c.broker.port });
    const k1 = c.device('kiosk-1', 'kiosk', proxy.url);
    const k2 = c.device('kiosk-2', 'kiosk');
    const counter = c.device('counter-c1', 'counter');
    c.device('board', 'display');
    await until(() => c.devices.every((d) => d.sync.connected), 10_000, 'connected');
    const hubPrinted = (id: string): boolean => c.hub.store.state.tickets.get(id)?.printed === true;
    const issuer = (d: typeof k1, onlineTimeoutMs: number): KioskIssuer =>
      new KioskIssuer({
        kioskId: d.id,
        config: c.config,
        store: d.store,
        sync: d.sync,
        clock: c.clock,
        logger,
        spareBlocks: 1,
        onlineTimeoutMs,
      });
    const issuer1 = issuer(k1, 200);
    const issuer2 = issuer(k2, 2_000);
    expect(await issuer1.refreshLeases()).toBe(2); // one block of 100 per area
    expect(await issuer1.issue('a', null)).toMatchObject({ series: 'hub', number: 1001 });
    await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });

    proxy.setMode('blackhole');
    const t0 = Date.now();
    const offline: IssuedTicket[] = [];
    let slow = 0;
    let noticedAfterMs = -1;
    for (let i = 0; i < 500; i++) {
      const s = Date.now();
      const t = await issuer1.issue(i % 2 === 0 ? 'a' : 'b', null);
      if (Date.now() - s >= 150) slow++;
      if (noticedAfterMs < 0 && !k1.sync.connected) noticedAfterMs = Date.now() - t0;
      const p = k1.store.commit((st) => printOutcome(st, t.ticketId, { kind: 'printed', copies: 1 }));
      expect(p.ok).toBe(true);
      offline.push(t);
    }
    const offlineMs = Date.now() - t0;
    expect(offline.every((t) => t.series !== 'hub')).toBe(true);
    const bySeries = { lease: 0, kiosk: 0 };
    for (const t of offline) bySeries[t.series as 'lease' | 'kiosk']++;
    // 100 leased numbers per area, the other 150 per area from the kiosk's marked series (K1-001…)
    expect(bySeries).toEqual({ lease: 200, kiosk: 300 });
    expect(offline.filter((t) => t.areaId === 'a' && t.series === 'kiosk').at(-1)?.display).toBe('K1-150');

    // Meanwhile, on the other side of the partition, the centre keeps working online.
    const meanwhile: IssuedTicket[] = [];
    for (let i = 0; i < 20; i++) {
      const t = await issuer2.issue(i % 2 === 0 ? 'a' : 'b', null);
      expect(k2.store.commit((st) => printOutcome(st, t.ticketId, { kind: 'printed', copies: 1 })).ok).toBe(
        true,
      );
      k2.sync.flush();
      meanwhile.push(t);
    }
    // a ticket is callable once its print is at the hub
    await until(() => meanwhile.every((t) => hubPrinted(t.ticketId)), 10_000, 'prints at the hub');
    expect(meanwhile.every((t) => t.series === 'hub')).toBe(true);
    let called = 0;
    for (let i = 0; i < 10; i++) {
      const r = await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
      if (r.kind === 'done') called++;
      await counter.sync.request('call', {
        counterId: 'c1',
        action: { kind: 'finish', dossierCode: null },
      });
    }
    expect(called).toBe(10);

    const healAt = Date.now();
    proxy.setMode('pass');
    const hub = c.hub.store;
    const all = [hub, ...c.devices.map((d) => d.store)];
    await until(
      () =>
        k1.store.pendingOutbox().length === 0 &&
        all.every((s) => eventRows(s) === eventRows(hub)) &&
        all.every((s) => stateHash(s.state) === stateHash(hub.state)),
      30_000,
      'convergence after heal',
    ).catch((e: unknown) => {
      throw new Error(
        `${(e as Error).message}: outbox ${k1.store.pendingOutbox().length}; rows ` +
          all.map((s) => `${s.deviceId}=${eventRows(s)}`).join(' '),
      );
    });
    const convergedMs = Date.now() - healAt;
    expect(hub.state.tickets.size).toBe(1 + 500 + 20);
    for (const t of offline) expect(hub.state.tickets.get(t.ticketId)?.printed).toBe(true);
    expect(duplicateNumbers(hub)).toEqual([]);
    expect(hub.state.rejected).toEqual([]);
    // Resends of stored events are routine, never counted as rejections (nor as conflicting duplicates).
    expect(c.hub.coordinator.rejections()).toEqual({});
    for (const s of all) expect(eventIds(s)).toEqual(eventIds(hub));
    console.info(
      `[fault-partition] 500 offline issues+prints in ${offlineMs} ms (${slow} waited the 200 ms online ` +
        `timeout; link seen down after ${noticedAfterMs} ms); converged ${convergedMs} ms after heal; ` +
        `hub ${eventRows(hub)} events`,
    );
  }, 90_000);
});
