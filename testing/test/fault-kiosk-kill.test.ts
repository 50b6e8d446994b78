/**
 * A kiosk process (testing/test/fixtures/kiosk-child.ts: the product's startKiosk with a fake printer) issues and
 * prints in a loop and is SIGKILLed at random moments, 12 times; some of its lives are spent online, some behind
 * a silent partition (issuing from leases and its series). Every ticket it reported (a line written after the
 * commit returned) must be at the hub exactly once, and nothing may be doubled: no ticket issued twice, no
 * number twice, the kiosk's own event sequence contiguous and identical on both sides.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, memoryLogger, stateHash } from '@motcua/shared';
import { startFaultProxy, type FaultProxy } from '@motcua/testing/fault-proxy';
import { syncTestConfig, until } from './support/centre.js';
import {
  FaultCentre,
  duplicateNumbers,
  eventIds,
  killAllChildren,
  sleep,
  spawnFixture,
} from './support/fault.js';
import { join } from 'node:path';

let centre: FaultCentre | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await killAllChildren();
  await proxy?.close();
  proxy = null;
  await centre?.close();
  centre = null;
});

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a kiosk process SIGKILLed in the middle of issuing, again and again', () => {
  it('every ticket it reported reaches the hub exactly once; nothing is doubled', async () => {
    const { logger } = memoryLogger();
    const seed = Number(process.env.MOTCUA_FAULT_SEED ?? 20261121);
    const random = prng(seed);
    centre = await new FaultCentre(syncTestConfig(), logger).start('default', [], { leaseBlockSize: 50 });
    const c = centre;
    proxy = await startFaultProxy({ targetPort: c.broker.port });
    const board = c.device('board', 'display');
    const db = join(c.dir, 'kiosk-1.db');
    const childEnv = (mode: string, url: string, online: boolean): Record<string, string> => ({
      MOTCUA_URL: url,
      MOTCUA_DB: db,
      MOTCUA_KIOSK: 'kiosk-1',
      MOTCUA_CONFIG: JSON.stringify(c.config),
      MOTCUA_MODE: mode,
      MOTCUA_ONLINE: online ? '1' : '0',
      MOTCUA_ISSUE_DELAY_MS: '15',
    });

    const reported: { ticketId: string; series: string; area: string; number: number }[] = [];
    const prints: string[] = [];
    const lives: string[] = [];
    const t0 = Date.now();
    const ROUNDS = 12;
    for (let round = 0; round < ROUNDS; round++) {
      const online = round % 3 !== 2;
      proxy.setMode(online ? 'pass' : 'blackhole');
      const child = spawnFixture('kiosk-child.ts', childEnv('loop', proxy.url, online));
      await child.waitLine((l) => l === 'READY', 30_000);
      await sleep(200 + Math.floor(random() * 900));
      await child.kill('SIGKILL');
      let n = 0;
      for (const l of child.lines) {
        const [kind, a, b, area, num] = l.split(' ');
        if (kind === 'T') {
          reported.push({ ticketId: a!, series: b!, area: area!, number: Number(num) });
          n++;
        }
        if (kind === 'P') prints.push(a!);
        if (kind === 'REFUSED') throw new Error(`round ${round}: ${l}`);
      }
      lives.push(`${online ? 'on' : 'off'}:${n}`);
    }
    const killsMs = Date.now() - t0;

    // A last, peaceful life delivers whatever the outbox still holds.
    proxy.setMode('pass');
    const drainer = spawnFixture('kiosk-child.ts', childEnv('drain', c.broker.url, true));
    expect(await drainer.waitLine((l) => l.startsWith('DRAINED') || l.startsWith('NOT-DRAINED'))).toBe(
      'DRAINED',
    );
    await drainer.exited();

    const hub = c.hub.store;
    await until(() => stateHash(board.store.state) === stateHash(hub.state), 15_000, 'board converges');

    // Each reported ticket once in what the kiosk said, once at the hub.
    // Each life renders and prints every ticket (the product's path), so a life of ~0.2–1.1 s reports a few.
    expect(reported.length).toBeGreaterThan(25);
    expect(new Set(reported.map((t) => t.ticketId)).size).toBe(reported.length);
    const issuedEvents = new Map<string, number>();
    for (const e of hub.storedEvents('ticket.issued')) {
      const id = e.type === 'ticket.issued' ? e.data.ticketId : '';
      issuedEvents.set(id, (issuedEvents.get(id) ?? 0) + 1);
    }
    for (const t of reported) {
      expect(issuedEvents.get(t.ticketId), t.ticketId).toBe(1);
      expect(hub.state.tickets.get(t.ticketId)?.number, t.ticketId).toBe(t.number);
    }
    expect([...issuedEvents.values()].every((n) => n === 1)).toBe(true);
    const hubIds = eventIds(hub);
    // Every print the kiosk reported (its commit returned) is known at the hub.
    expect(prints.length, 'prints reported').toBeGreaterThan(0);
    for (const p of prints) expect(hub.state.tickets.get(p)?.printed, p).toBe(true);
    expect(duplicateNumbers(hub)).toEqual([]);
    expect(hub.state.rejected).toEqual([]);
    // Resends of stored events are routine, never counted as rejections (nor as conflicting duplicates).
    expect(c.hub.coordinator.rejections()).toEqual({});

    // The kiosk's own sequence: contiguous, and exactly the same events on both sides.
    const kiosk = new EventStore({ path: db, deviceId: 'kiosk-1', config: c.config, clock: c.clock, logger });
    try {
      const own = [...eventIds(kiosk)].filter((id) => id.startsWith('kiosk-1:'));
      const atHub = [...hubIds].filter((id) => id.startsWith('kiosk-1:'));
      expect(own.length).toBe(kiosk.lastSeq);
      expect(hub.contiguousSeq('kiosk-1')).toBe(kiosk.lastSeq);
      expect(new Set(atHub)).toEqual(new Set(own));
      expect(kiosk.pendingOutbox()).toEqual([]);
    } finally {
      kiosk.close();
    }
    const series = reported.reduce<Record<string, number>>(
      (m, t) => ({ ...m, [t.series]: (m[t.series] ?? 0) + 1 }),
      {},
    );
    console.info(
      `[fault-kiosk-kill seed ${seed}] ${ROUNDS} SIGKILLs in ${killsMs} ms; lives ${lives.join(' ')}; ` +
        `${reported.length} tickets reported (${JSON.stringify(series)}), ${prints.length} prints; ` +
        `hub ${hub.state.tickets.size} tickets, ${hubIds.size} events`,
    );
  }, 120_000);
});
