/**
 * The officer's panel as its screen uses it: startCounter against a real Mosquitto and the hub. Every command
 * online; the offline ones behind a silent partition (fault proxy) and how they merge; the view subscription.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, stateHash, type CentreConfig } from '@motcua/shared';
import { openDevice } from '@motcua/shared/device/runtime';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startTestCentre, until, type TestCentreRun } from '@motcua/testing/test-centre';
import { soleAreas, startCounter, type CounterDevice } from '../src/runtime/counter.js';
import { startBoard } from '../src/runtime/board.js';
import { startCounterDisplay } from '../src/runtime/display.js';
import { startRatingPad } from '../src/runtime/rating.js';

let centre: TestCentreRun | null = null;
const stops: (() => Promise<void>)[] = [];
let proxy: FaultProxy | null = null;
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

const SOLO = (): CentreConfig =>
  testCentreConfig({
    counters: [
      { id: 'c1', number: 1, areas: ['a'] },
      { id: 'c2', number: 2, areas: ['b'] },
    ],
  });

// No recall interval here: this file checks the vocabulary end to end; the interval has its own tests.
async function setup(config: CentreConfig = testCentreConfig({ counterPanel: { recallIntervalS: 0 } })) {
  centre = await startTestCentre({ config });
  const c = centre;
  const device = <T extends { stop(): Promise<void> }>(d: T): T => {
    stops.push(() => d.stop());
    return d;
  };
  const opts = {
    dataDir: c.dir,
    brokerUrl: c.broker.url,
    config,
    logger: silentLogger,
    sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 500 } },
  };
  /** A ticket source without a printer: the hub numbers it (needsPrint false), as an online/phone ticket. */
  const issuer = device(openDevice({ ...opts, role: 'kiosk', deviceId: 'kiosk-1' }));
  const issue = async (areaId: string): Promise<string> => {
    const r = await issuer.sync.request('issue', { areaId, priority: null, needsPrint: false });
    if (r.kind !== 'done' || r.ticketId === null) throw new Error('no ticket');
    return r.ticketId;
  };
  return { c, opts, device, issuer, issue };
}

/** The latest view of a runtime, kept up to date by its subscription. */
function watch<V>(api: { subscribe(fn: (v: V) => void): () => void }): { readonly views: V[]; last(): V } {
  const views: V[] = [];
  api.subscribe((v) => views.push(v));
  return { views, last: () => views[views.length - 1]! };
}

describe('startCounter: the officer vocabulary online', () => {
  it('log in, open, pause, next, recall, start, finish, hold, return, transfer, no-show, call a number, close, log out', async () => {
    const { c, opts, device, issue } = await setup();
    const counter: CounterDevice = device(startCounter({ ...opts, counterId: 'c2' }));
    const view = watch(counter);
    await until(() => counter.status().connected, 10_000, 'connected');
    const [t1, t2, t3, t4] = [await issue('a'), await issue('a'), await issue('b'), await issue('a')];
    const cmd = counter.commands;
    const online = (ticketId: string | null) => ({ ok: true, value: { ticketId, mode: 'online' } });

    expect(await cmd.login({ officerId: 'o1', pin: '1234' })).toEqual(online(null));
    expect(await cmd.open()).toEqual(online(null));
    expect(await cmd.pause({ reason: 'họp giao ban' })).toEqual(online(null));
    await until(() => view.last().status === 'paused', 5_000, 'paused in the view');
    expect(view.last()).toMatchObject({
      pauseReason: 'họp giao ban',
      officer: { id: 'o1', name: 'Nguyễn Văn An' },
    });
    expect(await cmd.next()).toMatchObject({ ok: false, reason: 'counter-not-open' });
    expect(await cmd.open()).toEqual(online(null));

    expect(await cmd.next()).toEqual(online(t1));
    await until(() => view.last().current?.ticketId === t1, 5_000, 'current in the view');
    expect(view.last().current).toMatchObject({ display: '1001', status: 'called' });
    expect(await cmd.recall()).toEqual(online(t1));
    expect(await cmd.start()).toEqual(online(t1));
    expect(await cmd.finish({ dossierCode: 'H-2026-001' })).toEqual(online(t1));

    expect(await cmd.next()).toEqual(online(t2));
    expect(await cmd.hold({ reason: 'thiếu giấy tờ' })).toEqual(online(t2));
    await until(() => view.last().held.some((h) => h.ticketId === t2), 5_000, 'held in the view');
    expect(await cmd.returnHeld({ ticketId: t2 })).toEqual(online(t2));
    expect(await cmd.transfer({ to: { area: 'b' } })).toEqual(online(t2));

    expect(await cmd.next()).toEqual(online(t4)); // area a comes first at c2
    expect(await cmd.noShow()).toEqual(online(t4));
    expect(await cmd.callNumber({ area: 'b', number: 2001 })).toEqual(online(t3));
    expect(await cmd.close()).toMatchObject({ ok: false, reason: 'counter-busy' });
    expect(await cmd.finish()).toEqual(online(t3));
    expect(await cmd.close()).toEqual(online(null));
    expect(await cmd.logout()).toEqual(online(null));
    expect(await cmd.logout()).toMatchObject({ ok: false, reason: 'not-logged-in' });

    const hub = c.hub!.store.state;
    expect([t1, t2, t3, t4].map((t) => hub.tickets.get(t)?.status)).toEqual([
      'done',
      'waiting',
      'done',
      'no_show',
    ]);
    expect(hub.tickets.get(t2)?.queueAreaId).toBe('b');
    expect(hub.counters.get('c2')).toMatchObject({ status: 'closed', officerId: null });
    await until(() => view.last().status === 'closed' && view.last().officer === null, 5_000, 'closed view');
  }, 30_000);

  it('the view follows remote events too (a ticket issued at a kiosk), and the display and rating pad follow the counter', async () => {
    const { opts, device, issue } = await setup();
    const counter = device(startCounter({ ...opts, counterId: 'c1' }));
    const display = device(startCounterDisplay({ ...opts, counterId: 'c1' }));
    const pad = device(startRatingPad({ ...opts, counterId: 'c1' }));
    const cv = watch(counter);
    const dv = watch(display);
    const rv = watch(pad);
    await until(() => counter.status().connected, 10_000, 'connected');
    expect(cv.last().waiting.find((w) => w.areaId === 'a')?.count).toBe(0);
    const t = await issue('a');
    await until(
      () => cv.last().waiting.find((w) => w.areaId === 'a')?.count === 1,
      5_000,
      'remote ticket seen',
    );
    await counter.commands.login({ officerId: 'o2' });
    await counter.commands.open();
    await counter.commands.next();
    await until(() => dv.last().current?.ticketId === t, 5_000, 'display shows the call');
    expect(dv.last()).toMatchObject({
      number: 1,
      status: 'open',
      officer: { id: 'o2', name: 'Trần Thị Bình' },
    });
    expect(rv.last().toRate).toBeNull();
    await counter.commands.finish();
    await until(() => rv.last().toRate?.ticketId === t, 5_000, 'pad asks about the finished ticket');
    const best = rv.last().levels.at(-1)!.value;
    const rated = await pad.commands.rate({ level: best });
    expect(rated).toEqual({ ok: true, value: { ticketId: t, mode: 'online' } });
    await until(() => rv.last().toRate === null, 5_000, 'rated');
    expect(await pad.commands.rate({ level: best, ticketId: t })).toMatchObject({
      ok: false,
      reason: 'already-rated',
    });
  }, 30_000);
});

describe('startCounter cut off from the hub', () => {
  it('knows which of its areas no other counter serves', () => {
    expect(soleAreas(testCentreConfig(), 'c1')).toEqual([]);
    expect(soleAreas(SOLO(), 'c1')).toEqual(['a']);
  });

  it('serves a paper ticket offline; another counter calling it meanwhile is a deterministic conflict the board lists', async () => {
    const { c, opts, device, issue, issuer } = await setup();
    proxy = await startFaultProxy({ targetPort: c.broker.port });
    const c1 = device(startCounter({ ...opts, counterId: 'c1', brokerUrl: proxy.url, onlineTimeoutMs: 300 }));
    const c2 = device(startCounter({ ...opts, counterId: 'c2', onlineTimeoutMs: 300 }));
    const board = device(startBoard({ ...opts, deviceId: 'board-hall' }));
    const bv = watch(board);
    const v1 = watch(c1);
    await until(() => c1.status().connected && c2.status().connected, 10_000, 'connected');
    const x = await issue('a');
    await issue('a');
    await c2.commands.open();
    await c1.commands.open();
    await until(() => v1.last().waiting.find((w) => w.areaId === 'a')?.count === 2, 10_000, 'c1 knows');

    proxy.setMode('blackhole');
    expect(await c1.commands.next()).toMatchObject({ ok: false, reason: 'needs-hub' });
    expect(await c1.commands.callNumber({ area: 'a', number: 1001 })).toEqual({
      ok: true,
      value: { ticketId: x, mode: 'offline' },
    });
    expect(await c1.commands.finish({ dossierCode: 'H-001' })).toMatchObject({
      ok: true,
      value: { mode: 'offline' },
    });
    expect(await c2.commands.next()).toEqual({ ok: true, value: { ticketId: x, mode: 'online' } });

    proxy.setMode('pass');
    await until(() => c1.status().connected && c1.status().outboxPending === 0, 20_000, 'c1 delivered');
    const hub = c.hub!.store;
    await until(() => hub.state.rejected.length > 0, 10_000, 'conflict at the hub');
    await until(
      () => [issuer.store].every((s) => stateHash(s.state) === stateHash(hub.state)),
      10_000,
      'equal hashes',
    );
    // the call the hub acknowledged stands (counter 2's officer has called the citizen), and the offline call
    // is set aside and reported, whatever the clocks said
    expect(hub.state.tickets.get(x)!.counterId).toBe('c2');
    expect(hub.state.rejected.filter((r) => r.type === 'ticket.called').map((r) => r.reason)).toEqual([
      'superseded',
    ]);
    // the board computes the conflict from its own copy of the events
    await until(() => bv.last().conflicts.length > 0, 10_000, 'board lists the conflict');
    expect(bv.last().conflicts[0]).toMatchObject({ type: 'ticket.called', reason: 'superseded' });
  }, 60_000);

  it('keeps calling "next" in an area only it serves, pauses and reopens alone, and merges on reconnect', async () => {
    const { c, opts, device, issue } = await setup(SOLO());
    proxy = await startFaultProxy({ targetPort: c.broker.port });
    const c1 = device(startCounter({ ...opts, counterId: 'c1', brokerUrl: proxy.url, onlineTimeoutMs: 300 }));
    const v1 = watch(c1);
    await until(() => c1.status().connected, 10_000, 'connected');
    const ids = [await issue('a'), await issue('a'), await issue('a')];
    await c1.commands.open();
    await until(() => v1.last().waiting[0]?.count === 3, 10_000, 'tickets known');

    proxy.setMode('blackhole');
    const next = [await c1.commands.next(), await c1.commands.next(), await c1.commands.next()];
    expect(next).toEqual(ids.map((ticketId) => ({ ok: true, value: { ticketId, mode: 'offline' } })));
    // the view follows local commits
    await until(() => v1.last().current?.ticketId === ids[2], 5_000, 'current after a local call');
    expect(await c1.commands.pause({ reason: 'nghỉ trưa' })).toMatchObject({
      ok: true,
      value: { mode: 'offline' },
    });
    await until(() => v1.last().status === 'paused', 5_000, 'paused (local)');
    expect(await c1.commands.open()).toMatchObject({ ok: true, value: { mode: 'offline' } });

    proxy.setMode('pass');
    await until(() => c1.status().connected && c1.status().outboxPending === 0, 20_000, 'delivered');
    const hub = c.hub!.store.state;
    expect(hub.rejected).toEqual([]);
    expect(ids.map((id) => hub.tickets.get(id)!.status)).toEqual(['done', 'done', 'called']);
    expect(hub.counters.get('c1')?.status).toBe('open');
  }, 60_000);

  it("a command in flight when the counter stops answers 'stopped' and is not done offline", async () => {
    const { c, opts, device, issue } = await setup(SOLO());
    const c1 = device(startCounter({ ...opts, counterId: 'c1', onlineTimeoutMs: 5_000 }));
    await until(() => c1.status().connected, 10_000, 'connected');
    await issue('a');
    await c1.commands.open();
    await c.stopHub(); // the broker stays: the request is sent and nobody answers
    const pending = c1.commands.next();
    await new Promise((r) => setTimeout(r, 200));
    await c1.stop();
    expect(await pending).toMatchObject({ ok: false, reason: 'stopped' });
    expect(await c1.commands.open()).toMatchObject({ ok: false, reason: 'stopped' });
    // reopened on its file: no call was made behind the officer's back
    const again = device(startCounter({ ...opts, counterId: 'c1' }));
    const v = watch(again);
    expect(v.last().current).toBeNull();
    expect(v.last().waiting[0]?.count).toBe(1);
  }, 30_000);
});

describe('startBoard while the hub is down', () => {
  it('shows an offline call made at a counter it hears through the broker', async () => {
    const { c, opts, device, issue } = await setup(SOLO());
    const c1 = device(startCounter({ ...opts, counterId: 'c1', onlineTimeoutMs: 300 }));
    const board = device(startBoard({ ...opts, deviceId: 'board-hall' }));
    const bv = watch(board);
    await until(() => c1.status().connected, 10_000, 'connected');
    const t = await issue('a');
    await c1.commands.open();
    await until(() => bv.last().waiting.a === 1, 10_000, 'board sees the ticket');

    await c.stopHub();
    const r = await c1.commands.next();
    expect(r).toEqual({ ok: true, value: { ticketId: t, mode: 'offline' } });
    await until(
      () => bv.last().counters.find((x) => x.id === 'c1')?.current?.ticketId === t,
      10_000,
      'board shows it',
    );
    expect(bv.last().lastCalls[0]).toMatchObject({ ticketId: t, display: '1001', counterNumber: 1 });
    expect(bv.last().waiting.a).toBe(0);
    expect(c.hub).toBeNull();
  }, 30_000);
});
