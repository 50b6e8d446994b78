/**
 * A kiosk whose wall clock is wrong (Debian's faketime around the kiosk process, testing/test/fixtures/kiosk-child.ts,
 * a thin driver over the product's startKiosk) never issues for the wrong business day: the device runtime's
 * clock follows the hub's, its last offset kept in the kiosk's SQLite.
 * - Online, and offline after it has heard the hub once, it issues for the hub's day.
 * - Offline with no lease for the day its (wrong) clock shows, it refuses with 'no-lease-for-day'; the same
 *   kiosk with a right clock, equally offline, issues from its lease (the refusal is about the day, nothing else).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { businessDay, memoryLogger } from '@motcua/shared';
import { openDatabaseReadOnly } from '@motcua/shared/store/db';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { syncTestConfig, until } from './support/centre.js';
import { FaultCentre, killAllChildren, spawnFixture, type Child } from './support/fault.js';

let centre: FaultCentre | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await killAllChildren();
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

async function setup(): Promise<{ c: FaultCentre; p: FaultProxy; db: string }> {
  const { logger } = memoryLogger();
  centre = await new FaultCentre(syncTestConfig(), logger).start('default', []);
  proxy = await startFaultProxy({ targetPort: centre.broker.port });
  return { c: centre, p: proxy, db: join(centre.dir, 'kiosk-1.db') };
}

function kiosk(c: FaultCentre, db: string, url: string, faketime?: string[]): Child {
  return spawnFixture(
    'kiosk-child.ts',
    {
      MOTCUA_URL: url,
      MOTCUA_DB: db,
      MOTCUA_KIOSK: 'kiosk-1',
      MOTCUA_CONFIG: JSON.stringify(c.config),
      MOTCUA_MODE: 'commands',
    },
    faketime === undefined ? {} : { faketime },
  );
}

/** Rows of a query on the (stopped) kiosk's own SQLite file, opened read-only. */
function kioskEvents(db: string, sql: string): unknown[] {
  const conn = openDatabaseReadOnly(db);
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
}

/** Sends a command and returns the next line of output. */
async function ask(child: Child, command: string, timeoutMs = 15_000): Promise<string> {
  const n = child.lines.length;
  child.send(command);
  await child.waitLine(() => child.lines.length > n, timeoutMs);
  return child.lines[n]!;
}

describe('a kiosk with a wrong clock', () => {
  it.each([
    ['three days ahead', ['-f', '+3d']],
    ['years behind (absolute date)', ['2020-01-01 10:00:00']],
  ])(
    '%s: issues online and then offline for the hub’s business day, never its own',
    async (_name, faketime) => {
      const { c, p, db } = await setup();
      const hubDay = c.hub.store.day;
      const child = kiosk(c, db, p.url, faketime);
      // Its own clock really is wrong: before the hub answered, it would take another day.
      const [, ownDay] = (await ask(child, 'day')).split(' ');
      expect(ownDay).not.toBe(hubDay);
      expect(await ask(child, 'wait-synced')).toBe('OK synced');
      const synced = (await ask(child, 'day')).split(' ');
      expect(synced[1]).toBe(hubDay);
      // The kiosk's clock now follows the hub's, so the offset DeviceSync puts into request deadlines is ~0.
      expect(Math.abs(Number(synced[4]))).toBeLessThan(5_000);

      const online = (await ask(child, 'issue a')).split(' ');
      expect(online.join(' ') + child.stderr()).toMatch(/^T /);
      expect(online[2]).toBe('hub');
      expect(online[5]).toBe(hubDay);
      expect(await ask(child, 'leases')).toMatch(/^OK leases [1-9]/);

      p.setMode('blackhole');
      const offline = (await ask(child, 'issue b')).split(' ');
      expect(offline[2]).toBe('lease');
      expect(offline[5]).toBe(hubDay);
      p.setMode('pass');

      const hub = c.hub.store;
      await until(() => hub.state.tickets.has(offline[1]!), 20_000, 'offline ticket at the hub');
      expect(hub.state.tickets.has(online[1]!)).toBe(true);
      expect(hub.state.rejected).toEqual([]);
      expect(await ask(child, 'exit')).toBe('BYE');
      // Every event the kiosk wrote is for the hub's day.
      const days = kioskEvents(db, 'SELECT DISTINCT day FROM events') as { day: string }[];
      expect(days.map((d) => d.day)).toEqual([hubDay]);
      console.info(`[fault-clock] faketime ${faketime.join(' ')}: own day ${ownDay}, issued for ${hubDay}`);
    },
    60_000,
  );

  it('keeps the hub’s offset across a restart: three days ahead and cut off, it still issues for the hub’s day', async () => {
    const { c, p, db } = await setup();
    const hubDay = c.hub.store.day;
    const ahead = ['-f', '+3d'];
    // Its first life reaches the hub: the clock follows it, leases are taken, the offset is stored.
    const first = kiosk(c, db, p.url, ahead);
    expect(await ask(first, 'wait-synced')).toBe('OK synced');
    expect(await ask(first, 'leases')).toMatch(/^OK leases [1-9]/);
    expect(await ask(first, 'exit')).toBe('BYE');

    // Restarted with the same wrong clock and no hub: the stored offset puts it on the hub's day at once.
    p.setMode('blackhole');
    const again = kiosk(c, db, p.url, ahead);
    const day = (await ask(again, 'day')).split(' ');
    expect(day[1]).toBe(hubDay);
    expect(day[4]).toBe('none'); // no answer from the hub in this life
    const t = (await ask(again, 'issue a')).split(' ');
    expect([t[0], t[2], t[5]]).toEqual(['T', 'lease', hubDay]);
    expect(await ask(again, 'exit')).toBe('BYE');
  }, 60_000);

  it("offline with no lease for the day its clock shows, it refuses with 'no-lease-for-day'", async () => {
    const { c, p, db } = await setup();
    const hubDay = c.hub.store.day;
    // A normal morning: the kiosk reaches the hub with a right clock and leases blocks for today.
    const first = kiosk(c, db, p.url);
    expect(await ask(first, 'wait-synced')).toBe('OK synced');
    expect(await ask(first, 'leases')).toMatch(/^OK leases [1-9]/);
    expect(await ask(first, 'exit')).toBe('BYE');

    // Then it boots three days ahead, and the hub cannot be reached.
    p.setMode('blackhole');
    const wrong = kiosk(c, db, p.url, ['-f', '+3d']);
    const [, wrongDay] = (await ask(wrong, 'day')).split(' ');
    expect(wrongDay).toBe(businessDay(Date.now() + 3 * 86_400_000, c.config.centre.timeZone));
    expect(await ask(wrong, 'issue a')).toBe('REFUSED no-lease-for-day');
    expect(await ask(wrong, 'issue b')).toBe('REFUSED no-lease-for-day');
    expect(await ask(wrong, 'exit')).toBe('BYE');

    // Control: the same kiosk, as offline, with a right clock issues from its lease for today.
    const right = kiosk(c, db, p.url);
    const t = (await ask(right, 'issue a')).split(' ');
    expect(t.slice(0, 1).concat(t.slice(2, 3), t.slice(5))).toEqual(['T', 'lease', hubDay]);
    expect(await ask(right, 'exit')).toBe('BYE');

    // The one ticket issued (and printed) is the right clock's, for today; the wrong clock wrote nothing.
    expect(kioskEvents(db, 'SELECT day, type FROM events ORDER BY seq')).toEqual([
      { day: hubDay, type: 'ticket.issued' },
      { day: hubDay, type: 'ticket.printed' },
    ]);
  }, 60_000);
});
