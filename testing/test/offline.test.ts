import { afterEach, describe, expect, it } from 'vitest';
import { printOutcome, stateHash } from '@motcua/shared';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { KioskIssuer } from '@motcua/kiosk/issuer';
import { TestCentre, syncTestConfig, until } from './support/centre.js';

let centre: TestCentre | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

describe('a kiosk cut off from the hub', () => {
  it('issues from its leased blocks, never colliding with numbers issued online meanwhile; all converges on heal', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    proxy = await startFaultProxy({ targetPort: centre.broker.port });
    const k1 = centre.device('kiosk-1', 'kiosk', `mqtt://127.0.0.1:${proxy.port}`);
    const k2 = centre.device('kiosk-2', 'kiosk');
    await until(() => k1.sync.connected && k2.sync.connected);
    const issuer1 = new KioskIssuer({
      kioskId: 'kiosk-1',
      config: centre.config,
      store: k1.store,
      sync: k1.sync,
      clock: centre.clock,
      logger: centre.logger,
      onlineTimeoutMs: 300,
    });
    const issuer2 = new KioskIssuer({
      kioskId: 'kiosk-2',
      config: centre.config,
      store: k2.store,
      sync: k2.sync,
      clock: centre.clock,
      logger: centre.logger,
    });
    expect(await issuer1.refreshLeases()).toBe(4);
    const online = await issuer1.issue('a', null);
    expect(online).toMatchObject({ series: 'hub', number: 1001 });

    proxy.setMode('blackhole');
    const offline = [];
    for (let i = 0; i < 25; i++) {
      const t = await issuer1.issue('a', null);
      k1.store.commit((s) => printOutcome(s, t.ticketId, { kind: 'printed', copies: 1 }));
      offline.push(t);
    }
    // 2 blocks of 10 from the top of the range, then the kiosk's own marked series
    expect(offline.slice(0, 20).every((t) => t.series === 'lease' && t.number >= 1980)).toBe(true);
    expect(offline.slice(20).map((t) => t.display)).toEqual([
      'K1-001',
      'K1-002',
      'K1-003',
      'K1-004',
      'K1-005',
    ]);
    // meanwhile the other kiosk keeps issuing online
    const meanwhile = [];
    for (let i = 0; i < 5; i++) meanwhile.push(await issuer2.issue('a', null));
    expect(meanwhile.map((t) => t.number)).toEqual([1002, 1003, 1004, 1005, 1006]);

    proxy.setMode('pass');
    await until(
      () => k1.sync.connected && k1.store.pendingOutbox().length === 0,
      20_000,
      'kiosk-1 delivered',
    );
    const hub = centre.hub.store;
    await until(
      () => hub.state.tickets.size === 31,
      10_000,
      `hub has all tickets (${hub.state.tickets.size})`,
    );
    expect(hub.state.rejected).toEqual([]);
    const numbers = [...hub.state.tickets.values()].map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    await k1.sync.catchUp();
    await k2.sync.catchUp();
    await until(
      () =>
        stateHash(k1.store.state) === stateHash(hub.state) &&
        stateHash(k2.store.state) === stateHash(hub.state),
      10_000,
      'equal hashes',
    );
  }, 60_000);

  it('with no lease for the day its clock shows, it refuses instead of issuing for the wrong day', async () => {
    centre = await new TestCentre(syncTestConfig()).start();
    proxy = await startFaultProxy({ targetPort: centre.broker.port, mode: 'blackhole' });
    const k1 = centre.device('kiosk-1', 'kiosk', `mqtt://127.0.0.1:${proxy.port}`);
    const issuer = new KioskIssuer({
      kioskId: 'kiosk-1',
      config: centre.config,
      store: k1.store,
      sync: k1.sync,
      clock: centre.clock,
      logger: centre.logger,
      onlineTimeoutMs: 200,
    });
    await expect(issuer.issue('a', null)).rejects.toMatchObject({ reason: 'no-lease-for-day' });
    expect(k1.store.state.tickets.size).toBe(0);
  });
});
