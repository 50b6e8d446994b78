/**
 * The screen API contract, run over every transport (WebSocket, Electron IPC): what a screen may rely on,
 * whichever way it is connected to its runtime.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreenClient } from '../../ui/api/client.js';
import type { CounterCommands, CounterView } from '../../ui/example/api.js';
import type { FakeCounterApi } from './fake-api.js';

export interface RawClient {
  send(frame: unknown): void;
  /** Every frame received so far, parsed. */
  readonly frames: unknown[];
  close(): void;
}

export interface ScreenHarness {
  readonly api: FakeCounterApi;
  /** A screen client connected through the transport under test (already open). */
  readonly connect: () => Promise<ScreenClient<CounterView, CounterCommands>>;
  /** A client that sends frames as they are, bypassing the screen client's encoding. */
  readonly raw: () => Promise<RawClient>;
  /** Makes the transport drop the client's link (socket closed / window destroyed). */
  readonly dropClients: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export function screenContract(name: string, setup: () => Promise<ScreenHarness>): void {
  describe(`screen API contract over ${name}`, () => {
    let h: ScreenHarness | undefined;
    const harness = async (): Promise<ScreenHarness> => (h = await setup());
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    const latestView = (c: ScreenClient<CounterView, CounterCommands>): (() => CounterView | undefined) => {
      let v: CounterView | undefined;
      c.view((x) => (v = x));
      return () => v;
    };

    it('delivers the current view and the hub link state on connect', async () => {
      const { api, connect } = await harness();
      api.set(41);
      const c = await connect();
      const view = latestView(c);
      await vi.waitFor(() => {
        expect(view()).toEqual({ count: 41 });
      });
      let hub: string | undefined;
      c.connection((s) => (hub = s.hub?.hub));
      await vi.waitFor(() => {
        expect(hub).toBe('online');
      });
    });

    it('runs a command, returns its typed value and pushes the new view', async () => {
      const { api, connect } = await harness();
      const c = await connect();
      const view = latestView(c);
      const r = await c.call('increment', { by: 3 });
      expect(r).toEqual({ ok: true, value: 3 });
      expect(api.count).toBe(3);
      await vi.waitFor(() => {
        expect(view()).toEqual({ count: 3 });
      });
    });

    it("passes the runtime's own refusal reason through", async () => {
      const c = await (await harness()).connect();
      expect(await c.call('fail', { mode: 'reason' })).toEqual({
        ok: false,
        reason: 'counter-locked',
        message: 'the counter is locked',
      });
    });

    it('refuses unknown commands and bad arguments with bad-request, before the runtime sees them', async () => {
      const { api, connect } = await harness();
      const c = await connect();
      const call = c.call as (cmd: string, arg: unknown) => Promise<{ ok: boolean; reason?: string }>;
      for (const [cmd, arg] of [
        ['reboot', {}],
        ['toString', {}],
        ['__proto__', {}],
        ['increment', { by: -5 }],
        ['increment', { by: '1' }],
        ['increment', undefined],
        ['fail', { mode: 'explode' }],
      ] as const) {
        const r = await call(cmd, arg);
        expect(r, `${cmd} ${JSON.stringify(arg)}`).toMatchObject({ ok: false, reason: 'bad-request' });
      }
      expect(api.count).toBe(0);
      expect(await c.call('increment', { by: 1 })).toEqual({ ok: true, value: 1 });
    });

    it('turns a runtime that throws or answers garbage into internal, and keeps serving', async () => {
      const c = await (await harness()).connect();
      expect(await c.call('fail', { mode: 'throw' })).toMatchObject({ ok: false, reason: 'internal' });
      expect(await c.call('fail', { mode: 'garbage' })).toMatchObject({ ok: false, reason: 'internal' });
      expect(await c.call('increment', { by: 2 })).toEqual({ ok: true, value: 2 });
    });

    it('coalesces a burst of view changes and always ends on the latest', async () => {
      const { api, connect } = await harness();
      const c = await connect();
      const seen: number[] = [];
      c.view((v) => seen.push(v.count));
      await vi.waitFor(() => {
        expect(seen).toEqual([0]);
      });
      for (let i = 1; i <= 500; i++) api.set(i);
      await vi.waitFor(() => {
        expect(seen.at(-1)).toBe(500);
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.at(-1)).toBe(500);
      expect(seen.length).toBeLessThanOrEqual(4); // the first at once, one trailing push of the latest
    });

    it("tells the screen when the runtime's hub link changes", async () => {
      const { api, connect } = await harness();
      const c = await connect();
      const hubs: string[] = [];
      c.connection((s) => {
        if (s.hub !== undefined && hubs.at(-1) !== s.hub.hub) hubs.push(s.hub.hub);
      });
      await vi.waitFor(() => {
        expect(hubs).toEqual(['online']);
      });
      api.setHub('offline', 1_700_000_100_000);
      await vi.waitFor(() => {
        expect(hubs).toEqual(['online', 'offline']);
      });
    });

    it('answers calls at once with offline-screen when the screen is not connected', async () => {
      const { api, connect } = await harness();
      const c = await connect();
      c.close();
      const t0 = performance.now();
      expect(await c.call('increment', { by: 1 })).toMatchObject({ ok: false, reason: 'offline-screen' });
      expect(performance.now() - t0).toBeLessThan(100);
      expect(api.count).toBe(0);
    });

    it('unsubscribes from the runtime when the client goes away', async () => {
      const { api, connect, dropClients } = await harness();
      await connect();
      await vi.waitFor(() => {
        expect(api.listeners).toBe(2);
      });
      await dropClients();
      await vi.waitFor(() => {
        expect(api.listeners).toBe(0);
      });
    });

    it('answers malformed frames without dropping the session', async () => {
      const { api, raw } = await harness();
      const r = await raw();
      r.send('{not json');
      r.send(JSON.stringify({ t: 'call', id: 'c1', cmd: 'increment' })); // arg missing
      r.send(JSON.stringify({ t: 'call', id: 'x'.repeat(65), cmd: 'increment', arg: { by: 1 } }));
      r.send(JSON.stringify({ t: 'launch', id: 'c2' }));
      r.send(JSON.stringify({ t: 'hello', v: 99 }));
      r.send(JSON.stringify({ t: 'call', id: 'c3', cmd: 'increment', arg: { by: 1 } }));
      await vi.waitFor(() => {
        expect(r.frames).toContainEqual({ t: 'result', id: 'c3', result: { ok: true, value: 1 } });
      });
      expect(r.frames).toContainEqual(expect.objectContaining({ t: 'error', reason: 'bad-request' }));
      expect(r.frames).toContainEqual(
        expect.objectContaining({
          t: 'result',
          id: 'c1',
          result: expect.objectContaining({ reason: 'bad-request' }) as unknown,
        }),
      );
      expect(r.frames).toContainEqual(expect.objectContaining({ t: 'error', reason: 'unsupported-version' }));
      expect(r.frames.filter((f) => (f as { t: string }).t === 'error')).toHaveLength(4);
      expect(api.count).toBe(1);
    });
  });
}
