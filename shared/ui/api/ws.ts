import {
  defaultTimers,
  type LinkState,
  type ScreenTransport,
  type Timers,
  type TransportListener,
} from './transport.js';

/** The part of the WebSocket API used here (browser WebSocket, or the `ws` package's in Node tests). */
export interface WebSocketLike {
  onopen: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
  onmessage: ((ev: { readonly data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WsTransportOptions {
  /** Default: the browser's `WebSocket`. */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Reconnect delays double from `initialMs` up to `maxMs`, with jitter; defaults 250 ms and 4 s. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** An attempt that has not opened after this is abandoned and retried; default 5 s. */
  readonly connectTimeoutMs?: number;
  readonly timers?: Timers;
  readonly random?: () => number;
}

/** The `/api` WebSocket URL next to the page the screen was served from. */
export function apiUrl(pageUrl: string): string {
  const u = new URL('/api', pageUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

/**
 * Browser mode. A runtime restart (update, crash, watchdog) drops the socket: the transport reports
 * `reconnecting` and tries again by itself, with a capped doubling wait, so a kiosk recovers with nobody
 * there to reload it. Frames are never queued while down: a stale tap must not fire minutes later.
 */
export function wsTransport(url: string, opts: WsTransportOptions = {}): ScreenTransport {
  const create =
    opts.createSocket ??
    ((u: string) =>
      new (globalThis as unknown as { WebSocket: new (u: string) => WebSocketLike }).WebSocket(u));
  const initial = opts.backoff?.initialMs ?? 250;
  const max = opts.backoff?.maxMs ?? 4000;
  const connectTimeout = opts.connectTimeoutMs ?? 5000;
  const timers = opts.timers ?? defaultTimers;
  const random = opts.random ?? Math.random;

  let listener: TransportListener | undefined;
  let socket: WebSocketLike | undefined;
  let isOpen = false;
  let everOpened = false;
  let stopped = false;
  let attempt = 0;
  let retryTimer: unknown;
  let state: LinkState | undefined;

  const setState = (s: LinkState): void => {
    if (s === state) return;
    state = s;
    listener?.state(s);
  };

  const retry = (): void => {
    if (stopped) return;
    setState(everOpened ? 'reconnecting' : 'connecting');
    const delay = Math.min(max, initial * 2 ** attempt) * (0.5 + random() / 2);
    attempt++;
    retryTimer = timers.setTimeout(connect, delay);
  };

  const connect = (): void => {
    retryTimer = undefined;
    if (stopped) return;
    setState(everOpened ? 'reconnecting' : 'connecting');
    let s: WebSocketLike;
    try {
      s = create(url);
    } catch {
      retry();
      return;
    }
    socket = s;
    const giveUp = timers.setTimeout(() => {
      if (socket === s && !isOpen) s.close();
    }, connectTimeout);
    s.onopen = () => {
      timers.clearTimeout(giveUp);
      if (socket !== s) return;
      isOpen = true;
      everOpened = true;
      attempt = 0;
      setState('open');
    };
    s.onmessage = (ev) => {
      if (socket === s && typeof ev.data === 'string') listener?.message(ev.data);
    };
    s.onerror = () => undefined; // a close event always follows; that is where we act
    s.onclose = () => {
      timers.clearTimeout(giveUp);
      if (socket !== s) return;
      socket = undefined;
      isOpen = false;
      retry();
    };
  };

  return {
    start(l) {
      listener = l;
      connect();
    },
    send(raw) {
      if (!isOpen || socket === undefined) return false;
      try {
        socket.send(raw);
        return true;
      } catch {
        return false;
      }
    },
    stop() {
      stopped = true;
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      const s = socket;
      socket = undefined;
      isOpen = false;
      s?.close(1000, 'screen closed');
      setState('closed');
    },
  };
}
