/**
 * One screen connection's server side, independent of the transport: the WebSocket server and the Electron
 * IPC bridge each create one session per connection and hand it raw text frames. The session is the only
 * place that turns screen input into runtime calls, so every rule lives here once:
 * - every frame is size-capped, parsed and validated (the command's own zod schema for its argument);
 * - unknown commands and refused arguments answer `{ ok: false, reason: 'bad-request' }`;
 * - nothing a runtime throws escapes (`internal`), and nothing answers after `close()`;
 * - view pushes are coalesced: the first change goes out at once, later ones within `viewIntervalMs` are
 *   folded into one trailing push of the latest view (a busy hall must not flood a slow board's screen).
 */
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { ConnectionState, DeviceApi, Result } from '../device/api.js';
import { silentLogger, type Logger } from '../runtime/logger.js';
import {
  PROTOCOL_VERSION,
  encode,
  isResult,
  parseClientMessage,
  summariseIssues,
  type CallMessage,
  type ServerMessage,
  type TransportReason,
} from './protocol.js';

export type AnyCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;
/** One schema per command, checked before the runtime sees an argument. Classic zod or zod/mini. */
export type CommandArgSchemas<C extends AnyCommands> = { readonly [K in keyof C]: $ZodType };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScreenSessionOptions {
  readonly logger?: Logger;
  /** Minimum gap between two view pushes; default 16 ms (one frame at 60 Hz). */
  readonly viewIntervalMs?: number;
  /** Token bucket per session: `burst` frames at once, refilled at `perSecond`; default 60 and 30. */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /** Calls awaiting the runtime at once; default 16. */
  readonly maxInFlight?: number;
  readonly now?: () => number;
  readonly timers?: Timers;
}

export interface ScreenSession {
  /** Hands the session one frame from the screen (anything: it is validated here). */
  receive(raw: unknown): void;
  /** Unsubscribes from the runtime; later frames and late command results are dropped. */
  close(): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => {
    clearTimeout(h as ReturnType<typeof setTimeout>);
  },
};

export function createScreenSession<View, C extends AnyCommands>(
  api: DeviceApi<View, C>,
  commandArgs: CommandArgSchemas<C>,
  send: (raw: string) => void,
  opts: ScreenSessionOptions = {},
): ScreenSession {
  const log = opts.logger ?? silentLogger;
  const now = opts.now ?? Date.now;
  const timers = opts.timers ?? defaultTimers;
  const interval = opts.viewIntervalMs ?? 16;
  const maxInFlight = opts.maxInFlight ?? 16;
  const admit = tokenBucket(opts.rateLimit?.burst ?? 60, opts.rateLimit?.perSecond ?? 30, now);

  let closed = false;
  let unsubscribe: (() => void)[] = [];
  let subscribed = false;
  let latestView: { readonly view: View } | undefined;
  let latestConn: ConnectionState | undefined;
  let viewPending = false;
  let viewTimer: unknown;
  let lastViewSentAt = Number.NEGATIVE_INFINITY;
  let inFlight = 0;

  const out = (msg: ServerMessage): void => {
    if (closed) return;
    let raw: string;
    try {
      raw = encode(msg);
    } catch (e) {
      // A view or result that is not JSON-serialisable is a runtime bug: say so once, keep the session.
      log.error('message is not JSON-serialisable', { t: msg.t, error: String(e) });
      if (msg.t === 'result')
        out({ t: 'result', id: msg.id, result: fail('internal', 'unserialisable result') });
      return;
    }
    try {
      send(raw);
    } catch (e) {
      log.warn('send failed', { error: String(e) });
    }
  };

  const flushView = (): void => {
    viewTimer = undefined;
    if (!viewPending || latestView === undefined) return;
    viewPending = false;
    lastViewSentAt = now();
    out({ t: 'view', view: latestView.view });
  };

  const onView = (view: View): void => {
    latestView = { view };
    viewPending = true;
    if (viewTimer !== undefined) return;
    const wait = lastViewSentAt + interval - now();
    if (wait <= 0) flushView();
    else viewTimer = timers.setTimeout(flushView, wait);
  };

  const onConn = (c: ConnectionState): void => {
    latestConn = c;
    out({ t: 'conn', conn: c });
  };

  const hello = (v: number): void => {
    if (v !== PROTOCOL_VERSION) {
      out({ t: 'error', reason: 'unsupported-version', message: `protocol ${v} is not ${PROTOCOL_VERSION}` });
      return;
    }
    if (!subscribed) {
      subscribed = true;
      unsubscribe = [api.subscribe(onView), api.connection(onConn)];
      return;
    }
    // A second hello is a reloaded page on the same connection (Electron keeps its webContents): resend state.
    if (latestView !== undefined) {
      viewPending = true;
      if (viewTimer === undefined) flushView();
    }
    if (latestConn !== undefined) out({ t: 'conn', conn: latestConn });
  };

  const reply = (id: string, result: Result<unknown>): void => {
    out({ t: 'result', id, result });
  };

  const call = async (m: CallMessage): Promise<void> => {
    if (!Object.hasOwn(api.commands, m.cmd) || !Object.hasOwn(commandArgs, m.cmd)) {
      reply(m.id, fail('bad-request', `unknown command: ${m.cmd.slice(0, 64)}`));
      return;
    }
    const parsed = z.safeParse(commandArgs[m.cmd as keyof C], m.arg);
    if (!parsed.success) {
      reply(m.id, fail('bad-request', `bad argument for ${m.cmd}: ${summariseIssues(parsed.error.issues)}`));
      return;
    }
    const fn = api.commands[m.cmd] as unknown as (arg: unknown) => Promise<unknown>;
    if (inFlight >= maxInFlight) {
      reply(m.id, fail('rate-limited', 'too many calls in flight'));
      return;
    }
    inFlight++;
    let result: unknown;
    try {
      result = await fn.call(api.commands, parsed.data);
    } catch (e) {
      log.error('command threw', { cmd: m.cmd, error: e instanceof Error ? e.message : String(e) });
      result = fail('internal', `${m.cmd} failed`);
    } finally {
      inFlight--;
    }
    if (!isResult(result)) {
      log.error('command returned a non-Result', { cmd: m.cmd });
      result = fail('internal', `${m.cmd} returned no result`);
    }
    reply(m.id, result as Result<unknown>);
  };

  return {
    receive(raw) {
      if (closed) return;
      const parsed = parseClientMessage(raw);
      if (!admit()) {
        // Answer calls so the screen does not wait for its timeout; other frames are just dropped.
        if (parsed.ok && parsed.value.t === 'call') reply(parsed.value.id, fail('rate-limited', 'slow down'));
        else if (!parsed.ok && parsed.id !== undefined) reply(parsed.id, fail('rate-limited', 'slow down'));
        return;
      }
      if (!parsed.ok) {
        log.debug(() => `refused frame: ${parsed.message}`);
        if (parsed.id !== undefined) reply(parsed.id, fail('bad-request', parsed.message));
        else out({ t: 'error', reason: 'bad-request', message: parsed.message });
        return;
      }
      const m = parsed.value;
      if (m.t === 'hello') hello(m.v);
      else void call(m);
    },
    close() {
      if (closed) return;
      closed = true;
      if (viewTimer !== undefined) timers.clearTimeout(viewTimer);
      for (const u of unsubscribe) u();
      unsubscribe = [];
    },
  };
}

function fail(reason: TransportReason, message: string): Result<never> {
  return { ok: false, reason, message };
}

/** Token bucket: `burst` at once, then `perSecond` on average. */
function tokenBucket(burst: number, perSecond: number, now: () => number): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
