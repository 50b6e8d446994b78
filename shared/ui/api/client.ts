/**
 * The screen's one handle on its device runtime, whatever the transport: the latest view, the connection
 * (screen ↔ runtime link, and the runtime's own link to the hub) and typed command calls.
 */
import type { ConnectionState, Result } from '../../src/device/api.js';
import { PROTOCOL_VERSION, encode, parseServerMessage } from '../../src/screen/wire.js';
import { defaultTimers, type LinkState, type ScreenTransport, type Timers } from './transport.js';

/** Reasons a call can fail before it reaches the runtime's own logic. */
export type ClientReason = 'offline-screen' | 'timeout' | 'bad-request' | 'internal' | 'rate-limited';

export type AnyCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;
export type CommandArg<F> = F extends (arg: infer A) => unknown ? A : never;
export type CommandResult<F> = F extends (arg: never) => Promise<infer R>
  ? R | Result<never, ClientReason>
  : never;

export interface ScreenConnection {
  /** The screen's link to its runtime. */
  readonly link: LinkState;
  /** The runtime's link to the hub, once the runtime has said. */
  readonly hub: ConnectionState | undefined;
}

/** Members are plain functions (no `this`), so a screen may pass `client.call` around. */
export interface ScreenClient<View, C extends AnyCommands> {
  /** Called at once if a view is known, then on every view the runtime pushes. */
  readonly view: (fn: (view: View) => void) => () => void;
  /** Called at once, then on every change. */
  readonly connection: (fn: (c: ScreenConnection) => void) => () => void;
  readonly call: <K extends keyof C & string>(cmd: K, arg: CommandArg<C[K]>) => Promise<CommandResult<C[K]>>;
  readonly close: () => void;
}

export interface ConnectScreenOptions {
  /** A call unanswered after this resolves `timeout`; default 15 s. */
  readonly callTimeoutMs?: number;
  readonly timers?: Timers;
  /** Protocol errors the runtime reports (bad frames); for diagnostics. */
  readonly onError?: (reason: string, message: string) => void;
}

interface Pending {
  resolve(r: Result<unknown>): void;
  timer: unknown;
}

export function connectScreen<View, C extends AnyCommands>(
  transport: ScreenTransport,
  opts: ConnectScreenOptions = {},
): ScreenClient<View, C> {
  const timers = opts.timers ?? defaultTimers;
  const callTimeout = opts.callTimeoutMs ?? 15_000;
  const viewFns = new Set<(v: View) => void>();
  const connFns = new Set<(c: ScreenConnection) => void>();
  const pending = new Map<string, Pending>();
  const idPrefix = Math.floor(Math.random() * 36 ** 6).toString(36);
  let nextId = 0;
  let latest: { readonly view: View } | undefined;
  let conn: ScreenConnection = { link: 'connecting', hub: undefined };

  const setConn = (c: ScreenConnection): void => {
    conn = c;
    for (const fn of connFns) fn(c);
  };

  const settle = (id: string, r: Result<unknown>): void => {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    timers.clearTimeout(p.timer);
    p.resolve(r);
  };

  transport.start({
    state(link) {
      if (link === 'open') transport.send(encode({ t: 'hello', v: PROTOCOL_VERSION }));
      else
        // The runtime may or may not have run these; the screen must not wait for answers that cannot come.
        for (const id of [...pending.keys()])
          settle(id, {
            ok: false,
            reason: 'offline-screen',
            message: 'link to the runtime lost; outcome unknown',
          });
      setConn({ ...conn, link });
    },
    message(raw) {
      const m = parseServerMessage(raw);
      if (m === undefined) return;
      switch (m.t) {
        case 'view':
          // The runtime is ours and the view's shape is its type; only the envelope is checked here.
          latest = { view: m.view as View };
          for (const fn of viewFns) fn(latest.view);
          break;
        case 'conn':
          setConn({ ...conn, hub: m.conn });
          break;
        case 'result':
          settle(m.id, m.result);
          break;
        case 'error':
          opts.onError?.(m.reason, m.message);
          break;
      }
    },
  });

  return {
    view(fn) {
      viewFns.add(fn);
      if (latest !== undefined) fn(latest.view);
      return () => viewFns.delete(fn);
    },
    connection(fn) {
      connFns.add(fn);
      fn(conn);
      return () => connFns.delete(fn);
    },
    call(cmd, arg) {
      const id = `${idPrefix}-${(nextId++).toString(36)}`;
      return new Promise((resolve) => {
        const done = resolve as (r: Result<unknown>) => void;
        if (conn.link !== 'open') {
          done({ ok: false, reason: 'offline-screen', message: 'not connected to the runtime' });
          return;
        }
        const timer = timers.setTimeout(() => {
          settle(id, { ok: false, reason: 'timeout', message: `${cmd} got no answer` });
        }, callTimeout);
        pending.set(id, { resolve: done, timer });
        if (!transport.send(encode({ t: 'call', id, cmd, arg })))
          settle(id, { ok: false, reason: 'offline-screen', message: 'not connected to the runtime' });
      });
    },
    close() {
      transport.stop();
      viewFns.clear();
      connFns.clear();
    },
  };
}
