/**
 * A TCP proxy that can be told, at run time, to misbehave like a network:
 *
 * - `pass`: forward both ways.
 * - `blackhole`: forward nothing, in either direction, and say nothing: sockets stay open, no FIN, no
 *   RST. Like a pulled cable that TCP outlives: bytes are held (in the proxy and the kernel buffers),
 *   not dropped, so a connection that survives until `pass` continues intact, exactly as a TCP
 *   connection across a healed partition would. Endpoints notice only through their own timeouts
 *   (MQTT keepalive, connect timeout). A connection attempted during a blackhole never reaches the
 *   target (like a SYN into a partition) and is reset when the blackhole ends: by then the client
 *   has timed out on it, and its stale CONNECT must not reach the broker and take over the session
 *   of the client's newer connection.
 * - `reset`: every open connection gets a TCP RST on both sides at once; new connections are reset as
 *   soon as they are accepted (a crashed or firewalled host).
 *
 * Dropping bytes instead of holding them would corrupt the MQTT byte stream, which real TCP never
 * does; it would test the parser, not the sync protocol.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'blackhole' | 'reset';

export interface FaultProxyOptions {
  readonly targetHost?: string;
  readonly targetPort: number;
  /** Listen address. Default 127.0.0.1, port chosen by the OS. */
  readonly host?: string;
  /** Default `pass`. */
  readonly mode?: ProxyMode;
}

export interface FaultProxyStats {
  /** Bytes forwarded client → target. */
  readonly bytesUp: number;
  /** Bytes forwarded target → client. */
  readonly bytesDown: number;
  /** Bytes currently held back by `blackhole` in the proxy (more may wait in kernel buffers). */
  readonly bytesHeld: number;
  readonly connectionsAccepted: number;
  readonly connectionsOpen: number;
  readonly connectionsReset: number;
}

export interface FaultProxy {
  readonly port: number;
  readonly host: string;
  /** `mqtt://host:port` */
  readonly url: string;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): void;
  stats(): FaultProxyStats;
  /** Destroys every connection and stops listening. Idempotent. */
  close(): Promise<void>;
}

const HOLD_LIMIT = 1024 * 1024;

/** One direction of one connection. */
class Pipe {
  private held: Buffer[] = [];
  heldBytes = 0;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly mode: () => ProxyMode,
    private readonly count: (n: number) => void,
  ) {
    from.on('data', (chunk: Buffer) => {
      if (this.mode() === 'pass' && this.held.length === 0) {
        this.forward(chunk);
      } else {
        this.held.push(chunk);
        this.heldBytes += chunk.length;
        // Past the limit stop reading: the kernel buffers fill and the sender's TCP window closes, as
        // in a partition. Below it, holding in the proxy keeps `bytesHeld` exact for small tests.
        if (this.heldBytes > HOLD_LIMIT) from.pause();
      }
    });
    from.on('end', () => {
      if (this.mode() === 'pass') to.end();
    });
  }

  private forward(chunk: Buffer): void {
    this.count(chunk.length);
    if (!this.to.write(chunk)) {
      this.from.pause();
      this.to.once('drain', () => {
        if (this.mode() === 'pass') this.from.resume();
      });
    }
  }

  /** Back to `pass`: flush what was held, in order, then read again. */
  release(): void {
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const chunk of held) this.forward(chunk);
    if (this.from.readableEnded) this.to.end();
    else if (!this.to.writableNeedDrain) this.from.resume();
  }
}

interface Connection {
  readonly client: Socket;
  readonly upstream: Socket;
  readonly pipes: readonly [Pipe, Pipe];
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const host = opts.host ?? '127.0.0.1';
  const targetHost = opts.targetHost ?? '127.0.0.1';
  let mode: ProxyMode = opts.mode ?? 'pass';
  const conns = new Set<Connection>();
  /** Accepted during a blackhole: never connected upstream. */
  const pending = new Set<Socket>();
  let bytesUp = 0;
  let bytesDown = 0;
  let accepted = 0;
  let resets = 0;
  let closed = false;

  const reset = (sock: Socket): void => {
    if (!sock.destroyed) sock.resetAndDestroy();
  };

  const resetConnection = (c: Connection): void => {
    resets++;
    reset(c.client);
    reset(c.upstream);
    conns.delete(c);
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    accepted++;
    if (mode === 'reset' || closed) {
      resets++;
      client.on('error', () => undefined); // the RST we send may surface as an error here
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') {
      pending.add(client);
      client.on('error', () => undefined);
      client.on('close', () => pending.delete(client));
      return;
    }
    const upstream = createConnection({ host: targetHost, port: opts.targetPort });
    const current = (): ProxyMode => mode;
    const conn: Connection = {
      client,
      upstream,
      pipes: [
        new Pipe(client, upstream, current, (n) => (bytesUp += n)),
        new Pipe(upstream, client, current, (n) => (bytesDown += n)),
      ],
    };
    conns.add(conn);
    // Errors (ECONNRESET, ECONNREFUSED from the target) end the whole connection, RST on both sides,
    // which is what the client would see if the target were gone.
    const fail = (): void => {
      if (conns.has(conn)) resetConnection(conn);
    };
    client.on('error', fail);
    upstream.on('error', fail);
    const closeBoth = (): void => {
      if (mode === 'blackhole') return; // silence: the other side learns nothing until `pass`
      client.destroy();
      upstream.destroy();
      conns.delete(conn);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.resume();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  if (addr === null || typeof addr !== 'object') throw new Error('proxy has no port');

  const resetPending = (): void => {
    for (const sock of [...pending]) {
      resets++;
      reset(sock);
      pending.delete(sock);
    }
  };

  const setMode = (next: ProxyMode): void => {
    if (closed) return;
    const prev = mode;
    mode = next;
    switch (next) {
      case 'reset':
        for (const c of [...conns]) resetConnection(c);
        resetPending();
        break;
      case 'pass':
        if (prev === 'pass') break;
        resetPending();
        for (const c of [...conns]) {
          // A side that closed during the blackhole: propagate it now.
          if (c.client.destroyed || c.upstream.destroyed) {
            c.client.destroy();
            c.upstream.destroy();
            conns.delete(c);
            continue;
          }
          for (const p of c.pipes) p.release();
        }
        break;
      case 'blackhole':
        break; // the pipes start holding with their next chunk
    }
  };

  return {
    port: addr.port,
    host,
    url: `mqtt://${host}:${addr.port}`,
    get mode() {
      return mode;
    },
    setMode,
    stats: () => ({
      bytesUp,
      bytesDown,
      bytesHeld: [...conns].reduce((n, c) => n + c.pipes[0].heldBytes + c.pipes[1].heldBytes, 0),
      connectionsAccepted: accepted,
      connectionsOpen: conns.size + pending.size,
      connectionsReset: resets,
    }),
    async close() {
      if (closed) return;
      closed = true;
      for (const c of [...conns]) {
        c.client.destroy();
        c.upstream.destroy();
      }
      conns.clear();
      for (const sock of pending) sock.destroy();
      pending.clear();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
