import { describe, expect, it, vi } from 'vitest';
import type { DeviceApi } from '../../src/device/api.js';
import { serveScreen } from '../../src/screen/server.js';
import { connectScreen, type ScreenConnection } from '../../ui/api/client.js';
import type { ScreenTransport, Timers } from '../../ui/api/transport.js';
import { apiUrl, wsTransport, type WebSocketLike } from '../../ui/api/ws.js';
import type { CounterCommands, CounterView } from '../../ui/example/api.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';
import { nodeSocket, staticDirWithIndex } from './ws-harness.js';

/** Timers that only record what was asked; the test fires them by hand. */
function manualTimers(): Timers & { delays: number[]; fire(): void } {
  const queue: { fn: () => void; ms: number }[] = [];
  const delays: number[] = [];
  return {
    delays,
    setTimeout(fn, ms) {
      const t = { fn, ms };
      queue.push(t);
      delays.push(ms);
      return t;
    },
    clearTimeout(h) {
      const i = queue.indexOf(h as { fn: () => void; ms: number });
      if (i >= 0) queue.splice(i, 1);
    },
    /** Runs the longest-waiting reconnect timer (the connect-timeout guards are 5 s and cleared on close). */
    fire() {
      const next = queue.find((t) => t.ms < 5000);
      if (next === undefined) throw new Error('no timer');
      queue.splice(queue.indexOf(next), 1);
      next.fn();
    },
  };
}

describe('screen client', () => {
  it('survives its runtime restarting: reconnecting, calls refused quickly, then back with the new view', async () => {
    const staticDir = staticDirWithIndex();
    const server = await serveScreen({
      port: 0,
      staticDir,
      api: fakeCounterApi(3),
      commandArgs: counterArgs,
    });
    const origin = server.url.replace(/\/$/, '');
    const client = connectScreen<CounterView, CounterCommands>(
      wsTransport(apiUrl(server.url), {
        createSocket: (u) => nodeSocket(u, origin),
        backoff: { initialMs: 20, maxMs: 100 },
      }),
    );
    const links: ScreenConnection['link'][] = [];
    client.connection((c) => {
      if (links.at(-1) !== c.link) links.push(c.link);
    });
    let view: CounterView | undefined;
    client.view((v) => (view = v));
    await vi.waitFor(() => {
      expect(view).toEqual({ count: 3 });
    });

    await server.close();
    await vi.waitFor(() => {
      expect(links.at(-1)).toBe('reconnecting');
    });
    const t0 = performance.now();
    expect(await client.call('increment', { by: 1 })).toMatchObject({ ok: false, reason: 'offline-screen' });
    expect(performance.now() - t0).toBeLessThan(50);

    const restarted = await serveScreen({
      port: server.port,
      staticDir,
      api: fakeCounterApi(7),
      commandArgs: counterArgs,
    });
    await vi.waitFor(() => {
      expect(view).toEqual({ count: 7 });
    });
    expect(links).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(await client.call('increment', { by: 1 })).toEqual({ ok: true, value: 8 });
    client.close();
    expect(links.at(-1)).toBe('closed');
    await restarted.close();
  });

  it('resolves a call in flight as offline-screen when the link drops, rather than hanging', async () => {
    const base = fakeCounterApi();
    const api: DeviceApi<CounterView, CounterCommands> = {
      role: 'kiosk',
      subscribe: (fn) => base.subscribe(fn),
      connection: (fn) => base.connection(fn),
      commands: {
        increment: () => new Promise<never>(() => undefined), // a runtime that never answers
        fail: (arg) => base.commands.fail(arg),
      },
      stop: () => Promise.resolve(),
    };
    const server = await serveScreen({
      port: 0,
      staticDir: staticDirWithIndex(),
      api,
      commandArgs: counterArgs,
    });
    const origin = server.url.replace(/\/$/, '');
    const client = connectScreen<CounterView, CounterCommands>(
      wsTransport(apiUrl(server.url), { createSocket: (u) => nodeSocket(u, origin) }),
    );
    await new Promise<void>((ok) => client.connection((c) => c.link === 'open' && ok()));
    const pending = client.call('increment', { by: 1 });
    await server.close();
    expect(await pending).toMatchObject({ ok: false, reason: 'offline-screen' });
    client.close();
  });

  it('waits longer between failed attempts, doubling up to the cap, and stops for good when closed', () => {
    const timers = manualTimers();
    let attempts = 0;
    const failing = (): WebSocketLike => {
      attempts++;
      const s: WebSocketLike = {
        onopen: null,
        onclose: null,
        onerror: null,
        onmessage: null,
        send() {},
        close() {},
      };
      queueMicrotask(() => (s.onclose as (() => void) | null)?.());
      return s;
    };
    const states: string[] = [];
    const t = wsTransport('ws://127.0.0.1:1/api', {
      createSocket: failing,
      timers,
      random: () => 1,
      backoff: { initialMs: 250, maxMs: 4000 },
    });
    t.start({ state: (s) => states.push(s), message: () => undefined });
    return (async () => {
      for (let i = 0; i < 7; i++) {
        await Promise.resolve();
        timers.fire();
      }
      await Promise.resolve();
      const retryDelays = timers.delays.filter((d) => d !== 5000);
      expect(retryDelays).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
      expect(attempts).toBe(8);
      expect(states).toEqual(['connecting']); // never opened: still "connecting", not "reconnecting"
      t.stop();
      expect(states.at(-1)).toBe('closed');
      expect(() => {
        timers.fire();
      }).toThrow('no timer');
    })();
  });

  it('gives a call with no answer a timeout result', async () => {
    const timers = manualTimers();
    let listener: Parameters<ScreenTransport['start']>[0] | undefined;
    const sent: string[] = [];
    const transport: ScreenTransport = {
      start: (l) => {
        listener = l;
        l.state('open');
      },
      send: (raw) => sent.push(raw) > 0,
      stop: () => listener?.state('closed'),
    };
    const client = connectScreen<CounterView, CounterCommands>(transport, { timers, callTimeoutMs: 1000 });
    const r = client.call('increment', { by: 1 });
    expect(sent.map((s) => JSON.parse(s) as { t: string }).map((m) => m.t)).toEqual(['hello', 'call']);
    const due = timers.delays.indexOf(1000);
    expect(due).toBeGreaterThanOrEqual(0);
    timers.fire();
    expect(await r).toMatchObject({ ok: false, reason: 'timeout' });
  });
});
