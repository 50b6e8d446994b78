/** A tiny in-memory device runtime for the screen contract suite and the example screen's browser tests. */
import { z } from 'zod';
import type { ConnectionState, DeviceApi } from '../../src/device/api.js';
import type { CommandArgSchemas } from '../../src/screen/session.js';
import type { CounterCommands, CounterView } from '../../ui/example/api.js';

export interface FakeCounterApi extends DeviceApi<CounterView, CounterCommands> {
  readonly count: number;
  /** Sets the count as a remote event would (pushes a view). */
  set(count: number): void;
  setHub(hub: ConnectionState['hub'], since: number): void;
  /** Live subscriptions (views + connection), to see that transports unsubscribe. */
  readonly listeners: number;
}

export const counterArgs: CommandArgSchemas<CounterCommands> = {
  increment: z.object({ by: z.number().int().min(1).max(1000) }),
  fail: z.object({ mode: z.enum(['reason', 'throw', 'garbage']) }),
};

export function fakeCounterApi(start = 0): FakeCounterApi {
  let count = start;
  let conn: ConnectionState = { hub: 'online', since: 1_700_000_000_000 };
  const views = new Set<(v: CounterView) => void>();
  const conns = new Set<(c: ConnectionState) => void>();
  const push = (): void => {
    for (const fn of views) fn({ count });
  };
  const commands: CounterCommands = {
    increment({ by }) {
      if (count + by > 1_000_000) return Promise.resolve({ ok: false, reason: 'too-big', message: 'limit' });
      count += by;
      push();
      return Promise.resolve({ ok: true, value: count });
    },
    fail({ mode }) {
      if (mode === 'throw') return Promise.reject(new Error('runtime bug'));
      if (mode === 'garbage') return Promise.resolve({ nonsense: true } as never);
      return Promise.resolve({ ok: false, reason: 'counter-locked', message: 'the counter is locked' });
    },
  };
  return {
    role: 'kiosk',
    get count() {
      return count;
    },
    get listeners() {
      return views.size + conns.size;
    },
    set(c) {
      count = c;
      push();
    },
    setHub(hub, since) {
      conn = { hub, since };
      for (const fn of conns) fn(conn);
    },
    subscribe(fn) {
      views.add(fn);
      fn({ count });
      return () => views.delete(fn);
    },
    connection(fn) {
      conns.add(fn);
      fn(conn);
      return () => conns.delete(fn);
    },
    commands,
    stop: () => Promise.resolve(),
  };
}
