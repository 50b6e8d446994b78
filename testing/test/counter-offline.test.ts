import { afterEach, describe, expect, it } from 'vitest';
import { printOutcome, stateHash } from '@motcua/shared';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { CounterPanel, soleAreas } from '@motcua/counter-display/counter';
import { TestCentre, syncTestConfig, until } from './support/centre.js';

let centre: TestCentre | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

async function setup() {
  centre = await new TestCentre(syncTestConfig()).start();
  proxy = await startFaultProxy({ targetPort: centre.broker.port });
  const kiosk = centre.device('kiosk-1', 'kiosk');
  // c1 serves only area "a", which c2 also serves; c3 is the only counter for... nothing alone (b is shared with c2)
  const c1 = centre.device('counter-c1', 'counter', `mqtt://127.0.0.1:${proxy.port}`);
  const c2 = centre.device('counter-c2', 'counter');
  await until(() => kiosk.sync.connected && c1.sync.connected && c2.sync.connected);
  const issue = async (area: string): Promise<string> => {
    const r = await kiosk.sync.request('issue', { areaId: area, priority: null, needsPrint: true });
    const id = r.kind === 'done' ? r.ticketId! : '';
    kiosk.store.commit((s) => printOutcome(s, id, { kind: 'printed', copies: 1 }));
    kiosk.sync.flush();
    return id;
  };
  const panel = (d: typeof c1, counterId: string) =>
    new CounterPanel({
      counterId,
      config: centre!.config,
      store: d.store,
      sync: d.sync,
      logger: centre!.logger,
      onlineTimeoutMs: 300,
    });
  return { centre, proxy, kiosk, c1, c2, issue, p1: panel(c1, 'c1'), p2: panel(c2, 'c2') };
}

describe('a counter cut off from the hub', () => {
  it('knows which of its areas no other counter serves', () => {
    const cfg = syncTestConfig();
    expect(soleAreas(cfg, 'c1')).toEqual([]);
    expect(
      soleAreas(
        syncTestConfig({
          counters: [
            { id: 'c1', number: 1, areas: ['a'] },
            { id: 'c2', number: 2, areas: ['b'] },
          ],
        }),
        'c1',
      ),
    ).toEqual(['a']);
  });

  it('serves a paper ticket offline; another counter calling the same ticket meanwhile is a reported, deterministic conflict', async () => {
    const t = await setup();
    const x = await t.issue('a');
    await t.issue('a');
    await t.c2.sync.request('counter', { counterId: 'c2', action: { kind: 'open' } });
    await t.c1.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    await until(
      () => t.c1.store.state.tickets.get(x)?.printed === true,
      10_000,
      'c1 knows the printed ticket',
    );

    t.proxy.setMode('blackhole');
    // shared areas cannot be called "next" offline...
    await expect(t.p1.act('next')).rejects.toMatchObject({ reason: 'needs-hub' });
    // ...but the citizen's paper ticket can be served
    const served = await t.p1.callPaper('a', 1001);
    expect(served).toEqual({ ticketId: x, mode: 'offline' });
    await t.p1.act('finish', 'H-001');
    // meanwhile, online, counter 2 calls next: the hub does not know c1 took 1001, so it gets 1001 too
    const online = await t.p2.act('next');
    expect(online).toEqual({ ticketId: x, mode: 'online' });

    t.proxy.setMode('pass');
    await until(() => t.c1.sync.connected && t.c1.store.pendingOutbox().length === 0, 20_000, 'c1 delivered');
    const hub = t.centre.hub.store;
    await t.c1.sync.catchUp();
    await t.c2.sync.catchUp();
    await t.kiosk.sync.catchUp();
    await until(
      () => [t.c1, t.c2, t.kiosk].every((d) => stateHash(d.store.state) === stateHash(hub.state)),
      10_000,
      'equal hashes',
    );
    // the call the hub acknowledged stands (counter 2's officer has called the citizen), and the offline call
    // is set aside and reported, whatever the clocks said
    const ticket = hub.state.tickets.get(x)!;
    expect(ticket.counterId).toBe('c2');
    expect(hub.state.rejected.filter((r) => r.type === 'ticket.called').map((r) => r.reason)).toEqual([
      'superseded',
    ]);
    const summary = await new Promise<{ conflicts: { reason: string }[] }>((resolve) => {
      const board = t.centre.device('board-hall', 'display');
      const tick = setInterval(() => {
        const st = board.sync.state as { conflicts?: { reason: string }[] } | null;
        if (st?.conflicts && st.conflicts.length > 0) {
          clearInterval(tick);
          resolve(st as { conflicts: { reason: string }[] });
        }
      }, 20);
    });
    expect(summary.conflicts.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps calling "next" in an area only it serves, and merges on reconnect', async () => {
    centre = await new TestCentre(
      syncTestConfig({
        counters: [
          { id: 'c1', number: 1, areas: ['a'] },
          { id: 'c2', number: 2, areas: ['b'] },
        ],
      }),
    ).start();
    proxy = await startFaultProxy({ targetPort: centre.broker.port });
    const kiosk = centre.device('kiosk-1', 'kiosk');
    const c1 = centre.device('counter-c1', 'counter', `mqtt://127.0.0.1:${proxy.port}`);
    await until(() => kiosk.sync.connected && c1.sync.connected);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await kiosk.sync.request('issue', { areaId: 'a', priority: null, needsPrint: false });
      ids.push(r.kind === 'done' ? r.ticketId! : '');
    }
    await c1.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    await until(() => c1.store.state.tickets.size === 3);
    const panel = new CounterPanel({
      counterId: 'c1',
      config: centre.config,
      store: c1.store,
      sync: c1.sync,
      logger: centre.logger,
      onlineTimeoutMs: 300,
    });
    proxy.setMode('blackhole');
    const calls = [await panel.act('next'), await panel.act('next'), await panel.act('next')];
    expect(calls.map((c) => c.mode)).toEqual(['offline', 'offline', 'offline']);
    expect(calls.map((c) => c.ticketId)).toEqual(ids);
    proxy.setMode('pass');
    await until(() => c1.sync.connected && c1.store.pendingOutbox().length === 0, 20_000, 'delivered');
    const hub = centre.hub.store;
    expect(hub.state.rejected).toEqual([]);
    expect(ids.map((id) => hub.state.tickets.get(id)!.status)).toEqual(['done', 'done', 'called']);
  }, 60_000);
});
