/**
 * Attacks from inside the hall on a locked site, on both brokers (Mosquitto with the production config and the
 * generated ACL; the hub's embedded broker, the default): each is performed and shown to fail.
 *
 * - A display with its real password writes events that log an officer in, open a counter and issue ticket 777:
 *   refused at the hub by role (and a kiosk issuing as another kiosk, a counter opening another counter, a pad
 *   opening its counter); business days other than today/yesterday and far-future stamps refused with a reason.
 * - Sequence theft: another device's sequence numbers are not even delivered; the device's own session jumping
 *   far ahead is refused, not acknowledged; the real device keeps working and every ticket of it is printed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger, printOutcome } from '@motcua/shared';
import { until } from './support/centre.js';
import { forgedEvent, LockedSite, lockedConfig, upload, type BrokerKind } from './support/locked.js';

let site: LockedSite | null = null;
afterEach(async () => {
  await site?.close();
  site = null;
});

describe.each<BrokerKind>(['mosquitto', 'embedded'])('attacks on a locked site (%s broker)', (kind) => {
  it('events a device role may not write are refused at the hub, counted and logged once', async () => {
    const log = memoryLogger();
    site = await new LockedSite(kind, lockedConfig(), log.logger).start();
    const s = site;
    const h = s.hub;
    const centre = s.config.centre.id;
    const day = h.store.day;
    const rej = (): Record<string, number> => h.coordinator.rejections();

    // The display, with its real password, tries to log an officer in, open a counter, issue ticket 777.
    const board = await s.login('board-1');
    const forged = [
      forgedEvent('board-1', 1, day, 'officer.logged_in', { officerId: 'o1', counterId: 'c1' }),
      forgedEvent('board-1', 1, day, 'counter.opened', { counterId: 'c1' }),
      forgedEvent('board-1', 1, day, 'ticket.issued', {
        ticketId: `${centre}:${day}:a:777`,
        areaId: 'a',
        number: 777,
        priority: null,
        kioskId: 'board-1',
        needsPrint: false,
        series: 'local',
      }),
    ];
    for (const e of forged) await upload(board, centre, 'board-1', [e]);
    await until(() => rej()['board-1:role-forbids'] === 3, 10_000, `3 refusals (${JSON.stringify(rej())})`);

    // A kiosk issuing as another kiosk; a counter opening another counter; a pad opening its own counter.
    const kiosk = await s.login('kiosk-1');
    await upload(kiosk, centre, 'kiosk-1', [
      forgedEvent('kiosk-1', 1, day, 'ticket.issued', {
        ticketId: `${centre}:${day}:a:1998`,
        areaId: 'a',
        number: 1998,
        priority: null,
        kioskId: 'kiosk-2',
        needsPrint: false,
        series: 'kiosk',
      }),
    ]);
    const counter = await s.login('counter-c1');
    await upload(counter, centre, 'counter-c1', [
      forgedEvent('counter-c1', 1, day, 'counter.opened', { counterId: 'c2' }),
    ]);
    const pad = await s.login('pad-c1');
    await upload(pad, centre, 'pad-c1', [
      forgedEvent('pad-c1', 1, day, 'counter.opened', { counterId: 'c1' }),
    ]);
    await until(
      () =>
        rej()['kiosk-1:not-own-ticket'] === 1 &&
        rej()['counter-c1:not-own-counter'] === 1 &&
        rej()['pad-c1:role-forbids'] === 1,
      10_000,
      `own-resource refusals (${JSON.stringify(rej())})`,
    );

    // A business day in 2099, and a stamp a day ahead of the hub's clock.
    await upload(counter, centre, 'counter-c1', [
      forgedEvent('counter-c1', 1, '2099-01-01', 'counter.opened', { counterId: 'c1' }),
    ]);
    await upload(counter, centre, 'counter-c1', [
      forgedEvent('counter-c1', 1, day, 'counter.opened', { counterId: 'c1' }, Date.now() + 86_400_000),
    ]);
    await until(
      () => rej()['counter-c1:wrong-day'] === 1 && rej()['counter-c1:clock-ahead'] === 1,
      10_000,
      `time refusals (${JSON.stringify(rej())})`,
    );

    // Nothing of it reached the state: no ticket 777, counter c1 closed, nobody logged in.
    await h.coordinator.idle();
    const st = h.store.state;
    expect([...st.tickets.values()].map((t) => t.number)).toEqual([]);
    expect(st.counters.get('c1')?.status).toBe('closed');
    expect(st.counters.get('c2')?.status).toBe('closed');
    expect([...st.officers.keys()]).toEqual([]);
    for (const d of ['board-1', 'kiosk-1', 'counter-c1', 'pad-c1']) expect(h.store.contiguousSeq(d)).toBe(0);
    // Logged once per device and reason.
    const refusals = log.records.filter(
      (r) => r.message === 'event refused' || r.message === 'message rejected',
    );
    const keys = refusals.map((r) => `${String(r.fields?.device)}:${String(r.fields?.reason)}`);
    expect(new Set(keys).size).toBe(keys.length);

    // The same counter, writing what it may, is stored.
    await upload(counter, centre, 'counter-c1', [
      forgedEvent('counter-c1', 1, day, 'counter.opened', { counterId: 'c1' }),
    ]);
    await until(() => h.store.contiguousSeq('counter-c1') === 1, 10_000, 'legit counter event stored');
    expect(h.store.state.counters.get('c1')?.status).toBe('open');
    console.info(`[attack-authority ${kind}] refusals ${JSON.stringify(rej())}`);
  }, 60_000);

  it("sequence theft: another device's numbers are not delivered, a jump ahead is refused, the real device keeps every ticket", async () => {
    site = await new LockedSite(kind, lockedConfig(), memoryLogger().logger).start();
    const s = site;
    const h = s.hub;
    const centre = s.config.centre.id;
    const day = h.store.day;
    const printed = (n: number): unknown[] =>
      Array.from({ length: n }, (_, i) =>
        forgedEvent('kiosk-2', 180 + i, day, 'ticket.printed', {
          ticketId: `${centre}:${day}:a:${1001 + i}`,
          copies: 1,
        }),
      );

    // 1. kiosk-1 (its own valid login) sends kiosk-2's sequence numbers 180–479 on kiosk-2's topic.
    const impostor = await s.login('kiosk-1');
    const batch = printed(300);
    for (let i = 0; i < batch.length; i += 100)
      await upload(impostor, centre, 'kiosk-2', batch.slice(i, i + 100));
    // 2. kiosk-2's own login jumps far ahead of what kiosk-2 has sent.
    const ahead = await s.login('kiosk-2');
    await upload(ahead, centre, 'kiosk-2', batch.slice(0, 100));
    await until(
      () => (h.coordinator.rejections()['kiosk-2:seq-gap'] ?? 0) >= 1,
      10_000,
      `seq-gap refusal (${JSON.stringify(h.coordinator.rejections())})`,
    );
    expect(h.store.contiguousSeq('kiosk-2')).toBe(0);
    expect(h.store.eventsAfter({}, 1000).filter((e) => e.device === 'kiosk-2')).toEqual([]);
    await ahead.endAsync(true);

    // The real kiosk-2 issues and prints 30 tickets: every one is stored as printed at the hub (callable).
    const k2 = s.device('kiosk-2', 'kiosk');
    await until(() => k2.sync.connected, 10_000, 'kiosk-2 connected');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await k2.sync.request('issue', { areaId: 'a', priority: null, needsPrint: true });
      const id = r.kind === 'done' ? r.ticketId! : '';
      const p = k2.store.commit((st) => printOutcome(st, id, { kind: 'printed', copies: 1 }));
      expect(p.ok).toBe(true);
      k2.sync.flush();
      ids.push(id);
    }
    await until(() => k2.store.pendingOutbox().length === 0, 15_000, 'kiosk-2 outbox acknowledged');
    const unprinted = ids.filter((id) => h.store.state.tickets.get(id)?.printed !== true);
    expect(unprinted).toEqual([]);
    expect(h.store.contiguousSeq('kiosk-2')).toBe(30);
    console.info(
      `[attack-seq ${kind}] impostor's 300 events delivered: ${h.coordinator.rejections()['kiosk-1:payload-device-mismatch'] ?? 0}; jump refused: ${h.coordinator.rejections()['kiosk-2:seq-gap'] ?? 0}; real kiosk-2 tickets unprinted: ${unprinted.length}/30`,
    );
  }, 60_000);
});
