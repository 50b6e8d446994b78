import { afterEach, describe, expect, it } from 'vitest';
import { printOutcome, stateHash } from '@motcua/shared';
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
