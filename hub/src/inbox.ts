/**
 * The hub's way in: every message from the broker is rate-limited and queued per sending device, and the queues
 * are served round robin (one message per device per round), so one device's backlog or flood never sits in
 * front of another device's request. Pure of MQTT and SQLite: the coordinator gives it the handler.
 */

/** A token bucket: `take()` is false once the device has sent more than its rate allows. */
export class Bucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }
  take(now: number, n = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

export interface Rate {
  readonly perSecond: number;
  readonly burst: number;
}

/** One bucket per key, made on first use. */
export class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  /** Keys are device ids from topics the broker let through; the cap only guards against a broken ACL. */
  constructor(private readonly cap = 10_000) {}
  take(key: string, rate: Rate, now: number, n = 1): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = new Bucket(rate.perSecond, rate.burst, now);
      if (this.buckets.size < this.cap) this.buckets.set(key, b);
    }
    return b.take(now, n);
  }
}

/**
 * The device a message counts against: the one named by its topic (…/dev/<id>/… or …/presence/<id>). The
 * broker ties a topic to its sender (ACL), and it is all the hub can know before parsing. Anything else is
 * 'unknown', one shared key, so junk cannot grow the tables.
 */
export function senderKey(topic: string): string {
  const parts = topic.split('/', 6);
  const key = (parts[3] === 'dev' || parts[3] === 'presence' ? parts[4] : undefined) ?? 'unknown';
  return /^[a-z0-9-]{1,40}$/.test(key) ? key : 'unknown';
}

/**
 * Messages handled in one turn before the event loop gets to read the sockets again. A turn ends between rounds
 * (a round takes one message from each device with one waiting), so with many devices a turn can be longer.
 */
export const TURN = 32;

export interface InboxOptions {
  /** Per-device message rate and burst. */
  readonly rate: Rate;
  /** Bytes queued per device before more are dropped. */
  readonly maxQueuedBytes: number;
  /** Larger payloads are refused before they are queued. */
  readonly maxPayloadBytes: number;
  readonly now: () => number;
  /** Handles one message; a throw is passed to onError and the next message is handled. */
  readonly handle: (topic: string, payload: Buffer) => void;
  readonly reject: (key: string, reason: 'rate-limited' | 'malformed' | 'queue-full', detail: string) => void;
  readonly onError: (topic: string, e: unknown) => void;
}

interface Inbound {
  readonly topic: string;
  readonly payload: Buffer;
}

export class Inbox {
  private readonly queues = new Map<string, { items: Inbound[]; bytes: number }>();
  private readonly buckets = new Buckets();
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly o: InboxOptions) {}

  /**
   * Takes a message off the broker connection. Each message is handled to the end before the next, on a later
   * turn than the caller's (MQTT.js's 'message' event): handling inside it measured slower (bench sync call p50
   * ~1.5 → ~2.2 ms), and a microtask lets every message of the socket read be queued first, so the round robin
   * sees them all.
   */
  push(topic: string, payload: Buffer): void {
    const key = senderKey(topic);
    const rate = this.o.rate;
    if (!this.buckets.take(key, rate, this.o.now())) {
      this.o.reject(key, 'rate-limited', `more than ${rate.perSecond} messages a second`);
      return;
    }
    if (payload.length > this.o.maxPayloadBytes) {
      // Never queued: a broker without a packet limit could otherwise make the hub hold it.
      this.o.reject(key, 'malformed', `oversized payload (${payload.length} bytes)`);
      return;
    }
    let q = this.queues.get(key);
    if (!q) {
      q = { items: [], bytes: 0 };
      this.queues.set(key, q);
    }
    if (q.bytes + payload.length > this.o.maxQueuedBytes) {
      this.o.reject(key, 'queue-full', `${q.items.length} messages waiting`);
      return;
    }
    q.items.push({ topic, payload });
    q.bytes += payload.length;
    if (!this.draining) {
      this.draining = true;
      queueMicrotask(() => this.drain());
    }
  }

  /** Resolves when every message queued so far has been handled. */
  async idle(): Promise<void> {
    if (this.draining) await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  /** Serves the device queues round robin, yielding to I/O after the round that reaches TURN messages. */
  private drain(): void {
    let n = 0;
    while (this.queues.size > 0) {
      for (const [key, q] of this.queues) {
        const m = q.items.shift();
        if (m === undefined) {
          this.queues.delete(key);
          continue;
        }
        q.bytes -= m.payload.length;
        if (q.items.length === 0) this.queues.delete(key);
        try {
          this.o.handle(m.topic, m.payload);
        } catch (e) {
          this.o.onError(m.topic, e);
        }
        n++;
      }
      if (n >= TURN && this.queues.size > 0) {
        setImmediate(() => this.drain());
        return;
      }
    }
    this.draining = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
