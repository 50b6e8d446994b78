import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DeviceApi, Result } from '../../src/device/api.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { createScreenSession } from '../../src/screen/session.js';
import { counterArgs, fakeCounterApi } from './fake-api.js';

/** Timers and a clock that move only when told. */
function manualTime() {
  let now = 0;
  const due: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const t = { at: now + ms, fn };
        due.push(t);
        return t;
      },
      clearTimeout: (h: unknown) => {
        const i = due.indexOf(h as (typeof due)[number]);
        if (i >= 0) due.splice(i, 1);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const t of due.filter((d) => d.at <= now)) {
        due.splice(due.indexOf(t), 1);
        t.fn();
      }
    },
  };
}

const hello = JSON.stringify({ t: 'hello', v: 1 });
const call = (id: string, cmd: string, arg: unknown) => JSON.stringify({ t: 'call', id, cmd, arg });
const flush = () => new Promise((r) => setImmediate(r));

describe('screen session', () => {
  it('pushes the first view at once and folds a burst into one trailing push of the latest', () => {
    const time = manualTime();
    const api = fakeCounterApi();
    const sent: unknown[] = [];
    const s = createScreenSession(api, counterArgs, (raw) => sent.push(JSON.parse(raw)), {
      now: time.now,
      timers: time.timers,
      viewIntervalMs: 16,
    });
    s.receive(hello);
    const views = () => sent.filter((m) => (m as { t: string }).t === 'view');
    expect(views()).toEqual([{ t: 'view', view: { count: 0 } }]);
    for (let i = 1; i <= 50; i++) api.set(i);
    expect(views()).toHaveLength(1);
    time.advance(15);
    expect(views()).toHaveLength(1);
    time.advance(1);
    expect(views()).toEqual([
      { t: 'view', view: { count: 0 } },
      { t: 'view', view: { count: 50 } },
    ]);
    time.advance(100);
    api.set(51); // after a quiet interval: at once again
    expect(views().at(-1)).toEqual({ t: 'view', view: { count: 51 } });
  });

  it('answers a second hello (a reloaded page) with the current view and hub state', () => {
    const api = fakeCounterApi(9);
    const sent: { t: string }[] = [];
    const s = createScreenSession(api, counterArgs, (raw) => sent.push(JSON.parse(raw) as { t: string }), {
      viewIntervalMs: 0,
    });
    s.receive(hello);
    sent.length = 0;
    s.receive(hello);
    expect(sent).toEqual([
      { t: 'view', view: { count: 9 } },
      { t: 'conn', conn: { hub: 'online', since: 1_700_000_000_000 } },
    ]);
    expect(api.listeners).toBe(2); // not subscribed twice
  });

  it('sends nothing after close, even a command that finishes later, and unsubscribes', async () => {
    let finish: (r: Result<number>) => void = () => undefined;
    const base = fakeCounterApi();
    const api: DeviceApi<{ count: number }, { slow: (a: undefined) => Promise<Result<number>> }> = {
      role: 'kiosk',
      subscribe: (fn) => base.subscribe(fn),
      connection: (fn) => base.connection(fn),
      commands: { slow: () => new Promise((r) => (finish = r)) },
      stop: () => Promise.resolve(),
    };
    const sent: string[] = [];
    const s = createScreenSession(api, { slow: z.undefined() }, (raw) => sent.push(raw));
    s.receive(hello);
    s.receive(JSON.stringify({ t: 'call', id: 'a', cmd: 'slow' }));
    await flush();
    sent.length = 0;
    s.close();
    expect(base.listeners).toBe(0);
    finish({ ok: true, value: 1 });
    base.set(3);
    s.receive(hello);
    await flush();
    expect(sent).toEqual([]);
  });

  it('turns an unserialisable result into internal and logs it', async () => {
    const { logger, records } = memoryLogger();
    const api = fakeCounterApi();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    api.commands.increment = () => Promise.resolve({ ok: true, value: cyclic as never });
    const sent: unknown[] = [];
    const s = createScreenSession(api, counterArgs, (raw) => sent.push(JSON.parse(raw)), { logger });
    s.receive(call('x', 'increment', { by: 1 }));
    await flush();
    expect(sent).toEqual([
      { t: 'result', id: 'x', result: { ok: false, reason: 'internal', message: 'unserialisable result' } },
    ]);
    expect(records.some((r) => r.level === 'error')).toBe(true);
  });

  it('refuses calls beyond the in-flight cap with rate-limited', async () => {
    const base = fakeCounterApi();
    const api: DeviceApi<{ count: number }, { hang: (a: undefined) => Promise<Result<number>> }> = {
      role: 'kiosk',
      subscribe: (fn) => base.subscribe(fn),
      connection: (fn) => base.connection(fn),
      commands: { hang: () => new Promise(() => undefined) },
      stop: () => Promise.resolve(),
    };
    const sent: { result?: { reason?: string } }[] = [];
    const s = createScreenSession(
      api,
      { hang: z.undefined() },
      (raw) => sent.push(JSON.parse(raw) as never),
      {
        maxInFlight: 2,
      },
    );
    for (const id of ['a', 'b', 'c']) s.receive(JSON.stringify({ t: 'call', id, cmd: 'hang' }));
    await flush();
    expect(sent).toEqual([
      {
        t: 'result',
        id: 'c',
        result: { ok: false, reason: 'rate-limited', message: 'too many calls in flight' },
      },
    ]);
  });
});
