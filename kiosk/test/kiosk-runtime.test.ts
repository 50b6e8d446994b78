/**
 * The kiosk as its screen uses it: startKiosk against a real Mosquitto and the hub, printing on the fake
 * ESC/POS printer. The view follows local commits and remote events; the kiosk boots offline from the
 * configuration it stored; its clock follows the hub's, with the offset kept across a restart; reasons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, businessDay, silentLogger, type CentreConfig } from '@motcua/shared';
import { mayActOffline } from '@motcua/shared/device/reasons';
import { DeviceBootError, openDevice } from '@motcua/shared/device/runtime';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startTestCentre, until, type TestCentreRun } from '@motcua/testing/test-centre';
import { FAKE_STATUS, FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKiosk, type KioskOptions } from '../src/runtime/kiosk.js';
import { startLookup } from '../src/runtime/lookup.js';

let centre: TestCentreRun | null = null;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  await centre?.close();
  centre = null;
});

function device<T extends { stop(): Promise<void> }>(d: T): T {
  stops.push(() => d.stop());
  return d;
}

function watch<V>(api: { subscribe(fn: (v: V) => void): () => void }): { readonly views: V[]; last(): V } {
  const views: V[] = [];
  api.subscribe((v) => views.push(v));
  return { views, last: () => views[views.length - 1]! };
}

async function setup(config: CentreConfig = testCentreConfig()) {
  centre = await startTestCentre({ config });
  const c = centre;
  const paper = new FakePrinter();
  const options = (over: Partial<KioskOptions> = {}): KioskOptions => ({
    kioskId: 'kiosk-1',
    dataDir: c.dir,
    brokerUrl: c.broker.url,
    config,
    logger: silentLogger,
    sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 500 } },
    onlineTimeoutMs: 500,
    printer: {
      openTransport: () => Promise.resolve(new FakeTransport(paper)),
      statusTimeoutMs: 200,
      sleep: () => Promise.resolve(),
    },
    ...over,
  });
  return { c, paper, options };
}

describe('startKiosk', () => {
  it('takes a ticket; the view follows the local commit, then a call made at a counter (remote)', async () => {
    const { c, options } = await setup();
    const kiosk = device(startKiosk(options()));
    const lookup = device(startLookup({ ...options(), deviceId: 'lookup-1' }));
    const counter = device(
      openDevice({ ...options(), role: 'counter', deviceId: 'counter-c1', dbPath: `${c.dir}/c1.db` }),
    );
    const kv = watch(kiosk);
    const lv = watch(lookup);
    const conn: string[] = [];
    kiosk.connection((s) => conn.push(s.hub));
    // The view reads the link live, the connection callback polls it: wait for both.
    await until(() => kv.last().hubOnline && counter.sync.connected && conn.length > 1, 10_000, 'online');
    expect(conn).toEqual(['offline', 'online']);
    expect(kv.last().areas.map((a) => [a.id, a.open, a.waiting])).toEqual([
      ['a', true, 0],
      ['b', true, 0],
    ]);
    const n = kv.views.length;

    const r = await kiosk.commands.take({ area: 'a' });
    expect(r).toMatchObject({ ok: true, value: { display: '1001', series: 'hub', print: 'printed' } });
    const ticketId = r.ok ? r.value.ticketId : '';
    expect(r.ok && r.value.day).toBe(c.hub!.store.day);
    // a new view after the local commit, without asking
    await until(() => kv.last().lastTicket?.ticketId === ticketId, 5_000, 'view after the take');
    expect(kv.views.length).toBeGreaterThan(n);
    expect(kv.last().areas[0]).toMatchObject({ waiting: 1, estimatedWaitMinutes: null });
    expect(kv.last().printer.state).toBe('ready');
    await until(() => lv.last().areas[0]?.waiting === 1, 5_000, 'look-up sees the ticket');

    await counter.sync.request('counter', { counterId: 'c1', action: { kind: 'open' } });
    await until(() => kv.last().areas[0]?.estimatedWaitMinutes === 10, 5_000, 'an open counter: an estimate');
    await counter.sync.request('call', { counterId: 'c1', action: { kind: 'next' } });
    await until(() => kv.last().areas[0]?.waiting === 0, 5_000, 'view after the remote call');
    await until(
      () => lv.last().areas[0]?.waiting === 0 && lv.last().areas[0]?.openCounters === 1,
      5_000,
      'look-up',
    );
  }, 30_000);

  it('a printer out of paper: the number is voided and the result says why', async () => {
    const { paper, options } = await setup();
    paper.status = FAKE_STATUS.paperOut;
    const kiosk = device(startKiosk(options()));
    const kv = watch(kiosk);
    await until(() => kv.last().hubOnline, 10_000, 'online');
    const r = await kiosk.commands.take({ area: 'a', priority: 'elderly' });
    expect(r).toMatchObject({ ok: false, reason: 'printer-paper-out' });
    expect(!r.ok && r.message).toMatch(/giấy/i);
    await until(() => kv.last().lastTicket?.print === 'voided', 5_000, 'voided in the view');
    expect(kv.last().printer.state).toBe('paper-out');
    expect(kv.last().areas[0]?.waiting).toBe(0);
    expect(await kiosk.commands.take({ area: 'zz' })).toMatchObject({ ok: false, reason: 'unknown-area' });
  }, 30_000);

  it('boots offline from the configuration it stored, and issues from its leases; without any it refuses to start', async () => {
    const { c, options } = await setup();
    const first = startKiosk(options());
    await until(
      () => {
        const s = first.status();
        return s.storedConfigRevision !== null && s.clockSynced;
      },
      10_000,
      'config stored',
    );
    const kv = watch(first);
    await until(() => kv.last().areas.every((a) => a.offlineBlocks === 2), 10_000, 'leases topped up');
    await first.stop();
    await c.down(); // broker and hub gone

    const { config: _given, ...noConfig } = options();
    const again = device(startKiosk(noConfig));
    const v = watch(again);
    expect(v.last().hubOnline).toBe(false);
    expect(v.last().areas.map((a) => a.name)).toEqual(['Hộ tịch', 'Chứng thực']);
    const r = await again.commands.take({ area: 'b' });
    expect(r).toMatchObject({ ok: true, value: { series: 'lease', print: 'printed' } });

    expect(() => startKiosk({ ...noConfig, kioskId: 'kiosk-2' })).toThrow(DeviceBootError);
    try {
      startKiosk({ ...noConfig, kioskId: 'kiosk-2' });
    } catch (e) {
      expect((e as DeviceBootError).reason).toBe('no-config');
    }
  }, 30_000);

  it('follows the hub’s clock when its own is days ahead, and keeps the offset across a restart without the hub', async () => {
    const { c, options } = await setup();
    const hubDay = c.hub!.store.day;
    const wrong = new ManualClock(Date.now() + 3 * 86_400_000);
    const zone = c.config.centre.timeZone;
    const first = startKiosk(options({ clock: wrong }));
    expect(first.status().day).toBe(businessDay(wrong.now(), zone));
    await until(() => first.status().clockSynced, 10_000, 'synced');
    expect(first.status().day).toBe(hubDay);
    expect(Math.abs(first.status().now - Date.now())).toBeLessThan(5_000);
    const online = await first.commands.take({ area: 'a' });
    expect(online).toMatchObject({ ok: true, value: { series: 'hub', day: hubDay } });
    const fv = watch(first);
    await until(() => fv.last().areas.every((a) => a.offlineBlocks === 2), 10_000, 'leases');
    await first.stop();

    await c.down();
    const again = device(startKiosk(options({ clock: wrong })));
    // Still three days ahead by its own clock, and no hub: the stored offset brings it back to the hub's day.
    expect(again.status().clockSynced).toBe(false);
    expect(again.status().day).toBe(hubDay);
    const offline = await again.commands.take({ area: 'a' });
    expect(offline).toMatchObject({ ok: true, value: { series: 'lease', day: hubDay } });
  }, 30_000);

  it("a take in flight when the kiosk stops answers 'stopped' and issues nothing offline", async () => {
    const { c, options } = await setup();
    const kiosk = startKiosk(options({ onlineTimeoutMs: 5_000 }));
    const kv = watch(kiosk);
    await until(() => kv.last().areas.every((a) => a.offlineBlocks === 2), 10_000, 'leases');
    await c.stopHub(); // the broker stays: the request goes out and nobody answers
    const pending = kiosk.commands.take({ area: 'a' });
    await new Promise((r) => setTimeout(r, 200));
    await kiosk.stop();
    expect(await pending).toMatchObject({ ok: false, reason: 'stopped' });
    expect(await kiosk.commands.take({ area: 'a' })).toMatchObject({ ok: false, reason: 'stopped' });
    expect(mayActOffline('stopped')).toBe(false);
    expect(['offline', 'no-answer', 'behind'].every(mayActOffline)).toBe(true);
    const again = device(startKiosk(options()));
    expect(watch(again).last().areas[0]?.waiting).toBe(0);
  }, 30_000);
});
