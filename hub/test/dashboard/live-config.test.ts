/**
 * A configuration saved on the dashboard takes effect at the hub at once, without a restart: against a real
 * Mosquitto and hub, an admin adds an area and raises its quota through the API, and a kiosk runtime's issue
 * requests are answered and committed by the hub under the new rules. A change that would issue a number
 * again today is refused whole (422, the field named) and the hub goes on numbering as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestError } from '@motcua/shared/sync/device-sync';
import { until } from '@motcua/testing/test-centre';
import { ADMIN, http, login, startDashboardRig, type DashboardRig } from './rig.js';

let rig: DashboardRig;
beforeAll(async () => {
  rig = await startDashboardRig();
  await until(() => rig.kiosk.status().connected, 10_000, 'kiosk connected');
}, 60_000);
afterAll(async () => {
  await rig.close();
});

type Area = Record<string, unknown> & { id: string };
interface Editable {
  areas: Area[];
  counters: (Record<string, unknown> & { id: string; areas: string[] })[];
}

/** The kiosk asks the hub for a number: the ticket's id, or the hub's refusal reason. */
async function issue(areaId: string): Promise<{ ticketId: string } | { refused: string }> {
  try {
    const r = await rig.kiosk.sync.request('issue', { areaId, priority: null, needsPrint: false });
    if (r.kind !== 'done' || r.ticketId === null) throw new Error(`unexpected answer ${r.kind}`);
    return { ticketId: r.ticketId };
  } catch (e) {
    if (e instanceof RequestError) return { refused: e.reason };
    throw e;
  }
}

/** The ticket as the hub's own store has it (committed), or undefined. */
function atHub(ticketId: string): { areaId: string; number: number } | undefined {
  return rig.centre.hub!.store.state.tickets.get(ticketId);
}

async function current(cookie: string): Promise<{ config: Editable; revision: number }> {
  return (await http(rig.port, { path: '/api/config', cookie })).json() as {
    config: Editable;
    revision: number;
  };
}

function save(cookie: string, revision: number, config: Editable) {
  return http(rig.port, {
    method: 'PUT',
    path: '/api/config',
    body: { baseRevision: revision, config },
    cookie,
  });
}

const withQuota = (areas: Area[], id: string, dailyQuota: number): Area[] =>
  areas.map((a) => (a.id === id ? { ...a, dailyQuota } : a));

describe('a configuration saved on the dashboard applies at the hub at once', () => {
  it('an added area is issued at the hub; a raised quota lets more tickets through; no restart', async () => {
    const cookie = await login(rig.port, ADMIN);
    const before = await issue('c');
    // The hub started without area c: it refuses it.
    expect(before).toEqual({ refused: 'unknown-area' });
    const { config, revision } = await current(cookie);
    const added: Editable = {
      ...config,
      areas: [
        ...config.areas,
        {
          id: 'c',
          departmentId: 'd1',
          name: 'Đất đai',
          numberRange: { from: 3001, to: 3999 },
          dailyQuota: 1,
        },
      ],
      counters: config.counters.map((c) => (c.id === 'c3' ? { ...c, areas: [...c.areas, 'c'] } : c)),
    };
    const r = await save(cookie, revision, added);
    expect(r.status).toBe(200);
    expect(r.json().changes).toEqual(expect.arrayContaining(['areas[c] added']));

    const first = await issue('c');
    expect(first).toHaveProperty('ticketId');
    expect(atHub((first as { ticketId: string }).ticketId)).toMatchObject({ areaId: 'c', number: 3001 });
    // Quota 1 is in force at the hub…
    expect(await issue('c')).toEqual({ refused: 'quota-reached' });
    // …and raising it lets the next one through, numbered on from the first.
    const raised = await save(cookie, revision + 1, { ...added, areas: withQuota(added.areas, 'c', 5) });
    expect(raised.status).toBe(200);
    expect(raised.json().changes).toEqual(['areas[c].dailyQuota: 1 → 5']);
    const second = await issue('c');
    expect(atHub((second as { ticketId: string }).ticketId)).toMatchObject({ areaId: 'c', number: 3002 });
    // The dashboard's own view and the hub agree on the revision in force.
    expect(rig.centre.hub!.dashboard!.config().revision).toBe(revision + 2);
  });

  it('a range change that would issue numbers issued today again is refused, field named, nothing saved', async () => {
    const cookie = await login(rig.port, ADMIN);
    const a1 = await issue('a');
    const issuedA = atHub((a1 as { ticketId: string }).ticketId)!.number;
    const { config, revision } = await current(cookie);
    const ai = config.areas.findIndex((a) => a.id === 'a');
    const bi = config.areas.findIndex((a) => a.id === 'b');
    // Area a moves to a fresh range and area b takes over a's old one: b would hand out a's numbers again.
    const swapped: Editable = {
      ...config,
      areas: config.areas.map((a) =>
        a.id === 'a'
          ? { ...a, numberRange: { from: 5001, to: 5999 } }
          : a.id === 'b'
            ? { ...a, numberRange: { from: 1001, to: 1999 } }
            : a,
      ),
    };
    const r = await save(cookie, revision, swapped);
    expect(r.status).toBe(422);
    expect(r.json().error).toBe('unsafe-change');
    const problems = r.json().problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([`areas[${ai}].numberRange.from`, `areas[${bi}].numberRange`]),
    );
    expect(problems.find((p) => p.field === `areas[${bi}].numberRange`)!.message).toContain(String(issuedA));
    expect(existsSync(join(rig.centre.dir, 'hub', 'dashboard', 'config', `r${revision + 1}.json`))).toBe(
      false,
    );
    // Nothing half-applied: the hub still runs the saved revision and numbers area a on from where it was.
    expect(rig.centre.hub!.dashboard!.config().revision).toBe(revision);
    const a2 = await issue('a');
    expect(atHub((a2 as { ticketId: string }).ticketId)).toMatchObject({ areaId: 'a', number: issuedA + 1 });
  });

  it('an area with tickets today cannot be removed, nor its prefix changed, until the day is over', async () => {
    const cookie = await login(rig.port, ADMIN);
    const { config, revision } = await current(cookie);
    const removed: Editable = {
      ...config,
      areas: config.areas.filter((a) => a.id !== 'c'),
      counters: config.counters.map((c) => ({ ...c, areas: c.areas.filter((x) => x !== 'c') })),
    };
    const r = await save(cookie, revision, removed);
    expect(r.status).toBe(422);
    const problems = r.json().problems as { field: string; message: string }[];
    expect(problems[0]).toMatchObject({ field: 'areas' });
    expect(problems[0]!.message).toContain('c');
    const ci = config.areas.findIndex((a) => a.id === 'c');
    const prefixed = await save(cookie, revision, {
      ...config,
      areas: config.areas.map((a) => (a.id === 'c' ? { ...a, prefix: 'D' } : a)),
    });
    expect(prefixed.status).toBe(422);
    expect((prefixed.json().problems as { field: string }[]).map((p) => p.field)).toEqual([
      `areas[${ci}].prefix`,
    ]);
    expect(rig.centre.hub!.dashboard!.config().revision).toBe(revision);
  });
});
