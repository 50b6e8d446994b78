/**
 * The rules for applying a configuration mid-day (hub/src/live-config.ts), on a real event store with a day in
 * progress: what is refused names its field; what is safe passes, and the store then runs under it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventStore,
  ManualClock,
  issueTicket,
  parseConfig,
  silentLogger,
  type CentreConfig,
} from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { liveChangeProblems } from '../src/live-config.js';

let dir: string;
let store: EventStore;
const config = testCentreConfig();
const clock = new ManualClock(Date.parse('2026-03-02T03:00:00Z'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-config-'));
  store = new EventStore({ path: join(dir, 'hub.db'), deviceId: 'hub', config, clock, logger: silentLogger });
  for (let i = 0; i < 3; i++) {
    const r = store.commit((s) =>
      issueTicket(
        s,
        config,
        { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: false, series: 'hub' },
        clock.now(),
      ),
    );
    expect(r.ok).toBe(true);
  }
  store.addLease(store.day, 'b', 'kiosk-1', 2980, 2999);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const today = () => ({
  state: store.state,
  leases: store.leases(store.day),
  events: store.eventsOfDay(store.day),
});
/** The config with `change` applied to its plain form, validated like a saved one. */
const edit = (change: (c: CentreConfig) => unknown): CentreConfig =>
  parseConfig(change(structuredClone(config)));
const fields = (next: CentreConfig): string[] =>
  liveChangeProblems(config, next, today()).map((p) => p.field);

describe('live configuration changes', () => {
  it('allows a new area, a raised quota, a widened range and a kiosk added at the end', () => {
    const next = edit((c) => ({
      ...c,
      areas: [
        ...c.areas.map((a) =>
          a.id === 'a' ? { ...a, dailyQuota: 1500, numberRange: { from: 1, to: 1999 } } : a,
        ),
        {
          id: 'c',
          departmentId: 'd1',
          name: 'Đất đai',
          numberRange: { from: 3001, to: 3999 },
          dailyQuota: 9,
        },
      ],
      counters: c.counters.map((k) => (k.id === 'c3' ? { ...k, areas: [...k.areas, 'c'] } : k)),
      kiosks: [...c.kiosks, { id: 'kiosk-3' }],
    }));
    expect(fields(next)).toEqual([]);
    store.setConfig(next);
    expect(store.state.areas.has('c')).toBe(true);
    expect(store.state.numbers.get('a')?.size).toBe(3);
    const c = store.commit((s) =>
      issueTicket(
        s,
        next,
        { areaId: 'c', priority: null, kioskId: 'kiosk-1', needsPrint: false, series: 'hub' },
        clock.now(),
      ),
    );
    expect(c.ok && c.ticketId !== null ? store.state.tickets.get(c.ticketId)?.number : null).toBe(3001);
  });

  it('refuses a range that leaves out numbers issued or leased today', () => {
    expect(
      fields(
        edit((c) => ({
          ...c,
          areas: c.areas.map((a) =>
            a.id === 'a'
              ? { ...a, numberRange: { from: 1002, to: 1999 }, dailyQuota: 500 }
              : { ...a, numberRange: { from: 2001, to: 2990 }, dailyQuota: 500 },
          ),
        })),
      ),
    ).toEqual(['areas[0].numberRange.from', 'areas[1].numberRange.to']);
  });

  it('refuses a kiosk moved from its place, and restart-only fields', () => {
    expect(fields(edit((c) => ({ ...c, kiosks: [...c.kiosks].reverse() })))).toEqual([
      'kiosks[0]',
      'kiosks[1]',
    ]);
    expect(
      fields(
        edit((c) => ({
          ...c,
          centre: { ...c.centre, id: 'other', timeZone: 'Asia/Bangkok' },
          broker: { ...c.broker, acceptDays: 3 },
          devices: [{ id: 'kiosk-1', role: 'kiosk' }],
        })),
      ),
    ).toEqual(['centre.id', 'centre.timeZone', 'broker', 'devices']);
  });

  it("refuses removing an area today's tickets belong to (the day's own events would no longer apply)", () => {
    const next = edit((c) => ({
      ...c,
      areas: c.areas.filter((a) => a.id !== 'a'),
      counters: c.counters
        .map((k) => ({ ...k, areas: k.areas.filter((x) => x !== 'a') }))
        .filter((k) => k.areas.length > 0),
    }));
    const problems = liveChangeProblems(config, next, today());
    expect(problems.map((p) => p.field)).toEqual(['areas']);
    expect(problems[0]!.message).toContain('unknown area a');
  });
});
