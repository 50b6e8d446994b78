/**
 * The hub's coordinator: the centre's authority while the hall is online.
 *
 * - Stores every device's events (validated; the topic's device, the payload's device and, where known, the
 *   broker user must agree), then acknowledges a per-device high-water mark on a retained topic. A device
 *   empties its outbox only on that acknowledgement, never on a broker PUBACK.
 * - Broadcasts every newly stored event on bus/events, and a retained summary on bus/state so a display that
 *   starts has the current state at once.
 * - Answers requests idempotently: the answer is recorded in the same transaction as the events it caused, so a
 *   retried request (same requestId) gets the same answer and changes nothing. Numbers and "call next" are
 *   assigned here in one transaction each, so two counters pressing at once never get the same ticket.
 * - Leases number blocks to kiosks for offline issuing, and serves catch-up pages by version vector.
 */
import { isDeepStrictEqual } from 'node:util';
import type { MqttClient } from 'mqtt';
import {
  businessDay,
  hlcMs,
  nextLeaseBlock,
  stateHash,
  validateEvent,
  type CentreConfig,
  type Clock,
  type EventStore,
  type Logger,
  type QueueEvent,
} from '@motcua/shared';
import {
  MAX_BATCH,
  MAX_PAYLOAD_BYTES,
  eventsMessage,
  parsePayload,
  presenceMessage,
  healthMessage,
  type HealthMessage,
  requestBodies,
  requestEnvelope,
  type Lease,
  type Reply,
  type RequestBody,
  type ResponseMessage,
  ACL_ENFORCED,
  ackTopic,
  busEventsTopic,
  busStateTopic,
  checkSender,
  filters,
  parseTopic,
  responseTopic,
  type RequestKind,
} from '@motcua/shared/sync/topics';
import { boardView } from '@motcua/shared/domain/board';
import { decisionFor, mayLease, standingOf } from './authority.js';
import { Buckets, Inbox } from './inbox.js';

export interface CoordinatorOptions {
  readonly store: EventStore;
  readonly config: CentreConfig;
  readonly client: MqttClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Numbers per leased block. */
  readonly leaseBlockSize?: number;
  /** Identity of publishers: known from an embedded broker's hook, or guaranteed by a Mosquitto ACL. */
  readonly publisherOf?: (topic: string) => string | typeof ACL_ENFORCED;
  /** Business days accepted in uploads: today and the days before it (default 2: today and yesterday). */
  readonly acceptDays?: number;
  /** How far ahead of the hub's clock an event's stamp may be (default 5 minutes). */
  readonly maxAheadMs?: number;
  /** Per-device message rate and burst at the hub (defaults 50/s, 200: a device sends a request or a batch at a time). */
  readonly rate?: { readonly perSecond: number; readonly burst: number };
  /** Bytes of catch-up answers per device: per second and burst (defaults 4 MiB/s, 16 MiB). */
  readonly catchupBytes?: { readonly perSecond: number; readonly burst: number };
  /** Bytes of messages queued per device before more are dropped (default 8 MiB). */
  readonly maxQueuedBytes?: number;
}

// A display starting on a busy evening catches up tens of thousands of events (bench sync: 10,000 in ~0.2 s).
const CATCHUP_BYTES = { perSecond: 4 * 1024 * 1024, burst: 16 * 1024 * 1024 };

/**
 * At most one retained state summary per this period while events flow. It is for devices that start (running
 * ones follow the events) and costs a pass over the whole day's state plus a copy to every device.
 */
const STATE_PUBLISH_MS = 250;

export class Coordinator {
  private readonly log: Logger;
  private readonly centre: string;
  /** The configuration in force: the one it started with, then each one saved on the dashboard (setConfig). */
  private config: CentreConfig;
  private readonly presence = new Map<string, { online: boolean; epoch: number }>();
  private readonly health = new Map<string, HealthMessage>();
  /** Each bad input is logged once per device and reason, then counted silently. */
  private readonly rejected = new Map<string, number>();
  private stateTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Per-device queues served round robin (inbox.ts). */
  private readonly inbox: Inbox;
  /** Catch-up answer bytes per device. */
  private readonly catchupBuckets = new Buckets();
  /** Publishes sent and not yet acknowledged by the broker (see send). */
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly o: CoordinatorOptions) {
    this.log = o.logger.child('coordinator');
    this.centre = o.config.centre.id;
    this.config = o.config;
    this.inbox = new Inbox({
      rate: o.rate ?? { perSecond: 50, burst: 200 },
      maxQueuedBytes: o.maxQueuedBytes ?? 8 * 1024 * 1024,
      maxPayloadBytes: MAX_PAYLOAD_BYTES,
      now: () => o.clock.now(),
      handle: (topic, payload) => this.handle(topic, payload),
      reject: (key, reason, detail) => this.reject(key, reason, detail),
      onError: (topic, e) =>
        this.log.error('message handler failed', { topic, message: (e as Error).message }),
    });
  }

  /**
   * Applies a newer configuration at once: numbering, quotas, areas, counters and device roles follow it from
   * the next message handled, and today's state is folded again under it (the store's setConfig). Messages are
   * handled one at a time on this thread, so none sees half of it. The change must have passed
   * `liveChangeProblems` (hub/src/live-config.ts): the centre's id (the topics subscribed to) never changes.
   */
  setConfig(config: CentreConfig): void {
    if (config.centre.id !== this.centre)
      throw new Error(
        `the centre's id cannot change while the hub runs (${this.centre} → ${config.centre.id})`,
      );
    this.o.store.setConfig(config);
    this.config = config;
    this.schedulePublishState();
  }

  /** Takes one message from the broker (start() passes every message of the client here). */
  receive(topic: string, payload: Buffer): void {
    this.inbox.push(topic, payload);
  }

  /** Takes the client's messages from now on (before its first await), subscribes, and publishes the state. */
  async start(): Promise<void> {
    this.o.client.on('message', (topic, payload) => {
      this.receive(topic, payload);
    });
    await this.o.client.subscribeAsync(
      [
        filters.allDeviceEvents(this.centre),
        filters.allRequests(this.centre),
        filters.allPresence(this.centre),
        filters.allHealth(this.centre),
      ],
      { qos: 1 },
    );
    await this.publishState();
  }

  stop(): void {
    this.stopped = true;
    if (this.stateTimer) clearTimeout(this.stateTimer);
    this.stateTimer = null;
  }

  /** Resolves when every message received so far has been handled and its answers taken by the broker. */
  async idle(): Promise<void> {
    await this.inbox.idle();
    await Promise.all([...this.inflight]);
  }

  /** Count of rejected inputs by `${device}:${reason}` (the store's refusals included), for supervisors and tests. */
  rejections(): Record<string, number> {
    return { ...this.o.store.refusals(), ...Object.fromEntries(this.rejected) };
  }

  presenceOf(deviceId: string): { online: boolean; epoch: number } | undefined {
    return this.presence.get(deviceId);
  }

  /** Every device the hub has heard presence or health from since it started (the supervisor's dashboard). */
  knownDevices(): string[] {
    return [...new Set([...this.presence.keys(), ...this.health.keys()])];
  }

  /** A device's last reported health (a kiosk's printer), for the supervisor's tools. */
  healthOf(deviceId: string): HealthMessage | undefined {
    return this.health.get(deviceId);
  }

  private onHealth(device: string, body: unknown): void {
    const m = healthMessage.safeParse(body);
    if (!m.success) {
      this.reject(device, 'invalid-schema', 'health');
      return;
    }
    const before = this.health.get(device)?.printer;
    this.health.set(device, m.data);
    const p = m.data.printer;
    // The supervisor's alert: a printer that stops a kiosk, or paper near its end (a warning for them only).
    if (p !== undefined && p !== before && p !== 'ready' && p !== 'unknown')
      this.log.warn('kiosk printer needs attention', { device, printer: p });
    this.schedulePublishState();
  }

  private reject(device: string, reason: string, detail: string): void {
    const key = `${device}:${reason}`;
    const n = (this.rejected.get(key) ?? 0) + 1;
    this.rejected.set(key, n);
    if (n === 1) this.log.warn('message rejected', { device, reason, detail });
  }

  private handle(topic: string, payload: Buffer): void {
    const t = parseTopic(topic);
    if (t === null) {
      // Matched our subscriptions but is not one of our topics (an id that is not a device id, extra levels):
      // counted under one key, whatever the topic, so junk topics cannot grow the table.
      this.reject('unknown', 'unknown-topic', topic.slice(0, 200));
      return;
    }
    if (t.centreId !== this.centre || !('deviceId' in t)) return;
    const body = parsePayload(payload);
    if (body === null) {
      this.reject(t.deviceId, 'malformed', `unreadable or oversized payload (${payload.length} bytes)`);
      return;
    }
    const sender = checkSender({
      centreId: this.centre,
      topic,
      payloadDeviceId: (body as { deviceId?: unknown }).deviceId,
      brokerUsername: this.o.publisherOf?.(topic) ?? ACL_ENFORCED,
    });
    if (!sender.ok) {
      this.reject(t.deviceId, sender.reason, topic);
      return;
    }
    switch (t.kind) {
      case 'events':
        this.onEvents(t.deviceId, body);
        return;
      case 'req':
        this.onRequest(t.deviceId, t.requestKind, body);
        return;
      case 'presence':
        this.onPresence(t.deviceId, body);
        return;
      case 'health':
        this.onHealth(t.deviceId, body);
        return;
      case 'ack':
      case 'res':
        return;
      default: {
        const never: never = t;
        return never;
      }
    }
  }

  private onEvents(device: string, body: unknown): void {
    const m = eventsMessage.safeParse(body);
    if (!m.success) {
      this.reject(device, 'invalid-schema', m.error.issues[0]?.message ?? '');
      return;
    }
    const own = this.admissible(device, m.data.events);
    const { results, stored } = this.o.store.ingestMany(own);
    results.forEach((r, i) => {
      if (r === 'invalid') this.reject(device, 'invalid-event', 'event failed validation');
      // A resend of what is stored is routine (outbox after a reconnect); the same id with other content is not.
      if (r === 'duplicate' && !this.sameAsStored(own[i]))
        this.reject(device, 'conflicting-duplicate', 'an event id already stored, with other content');
    });
    this.send(
      ackTopic(this.centre, device),
      JSON.stringify({ deviceId: device, seq: this.o.store.contiguousSeq(device) }),
      true,
    );
    this.broadcast(stored);
  }

  /**
   * The events of an upload the hub will consider: the device's own, in sequence order, continuing exactly from
   * what is stored (a device sends its outbox in order, so a gap or a jump ahead is not from it), of today or
   * the accepted days before, and not stamped ahead of the hub's clock.
   */
  private admissible(device: string, events: readonly unknown[]): unknown[] {
    const now = this.o.clock.now();
    const days = new Set<string>();
    for (let i = 0; i < (this.o.acceptDays ?? 2); i++)
      days.add(businessDay(now - i * 86_400_000, this.config.centre.timeZone));
    const maxAhead = now + (this.o.maxAheadMs ?? 5 * 60_000);
    type Raw = { device?: unknown; seq?: unknown; day?: unknown; hlc?: unknown } | null;
    const own: { raw: unknown; seq: number }[] = [];
    for (const e of events) {
      const r = e as Raw;
      if (r?.device !== device) this.reject(device, 'forged-event', 'event of another device');
      else own.push({ raw: e, seq: typeof r.seq === 'number' ? r.seq : Number.NaN });
    }
    own.sort((a, b) => a.seq - b.seq);
    let next = this.o.store.contiguousSeq(device) + 1;
    const out: unknown[] = [];
    for (const { raw, seq } of own) {
      const r = raw as Raw;
      if (seq < next) {
        out.push(raw); // a resend: the duplicate check compares it with what is stored
        continue;
      }
      if (seq !== next) {
        this.reject(device, 'seq-gap', `event ${String(seq)} after ${String(next - 1)}`);
        break;
      }
      // (malformed ones go on to validation, which refuses them with its own reason)
      if (typeof r?.day === 'string' && !days.has(r.day)) {
        this.reject(device, 'wrong-day', `business day ${r.day} is not one of ${[...days].join(', ')}`);
        break;
      }
      if (typeof r?.hlc === 'string' && hlcMs({ hlc: r.hlc }) > maxAhead) {
        this.reject(device, 'clock-ahead', `stamped ahead of the hub's clock`);
        break;
      }
      out.push(raw);
      next++;
    }
    return out;
  }

  /** Whether a duplicate is the very event stored under its id (compared after validation, key order aside). */
  private sameAsStored(raw: unknown): boolean {
    const v = validateEvent(raw);
    if (!v.ok) return true; // a deferred duplicate: nothing stored to compare with
    const stored = this.o.store.storedEvent(v.event.id);
    return stored === null || isDeepStrictEqual(stored, JSON.parse(JSON.stringify(v.event)));
  }

  private onPresence(device: string, body: unknown): void {
    const m = presenceMessage.safeParse(body);
    if (!m.success) {
      this.reject(device, 'invalid-schema', 'presence');
      return;
    }
    const known = this.presence.get(device);
    // A will from an older session must not mark a device offline that has reconnected since.
    if (known && m.data.epoch < known.epoch) return;
    if (known && m.data.epoch === known.epoch && !known.online) return;
    this.presence.set(device, { online: m.data.online, epoch: m.data.epoch });
    this.schedulePublishState();
  }

  private onRequest(device: string, kind: RequestKind, raw: unknown): void {
    const env = requestEnvelope.safeParse(raw);
    if (!env.success) {
      this.reject(device, 'invalid-schema', 'request envelope');
      return;
    }
    const { requestId, deadline, after } = env.data;
    // A request already carried out gets its recorded answer, whatever this copy says: a retry after a lost
    // answer may arrive behind or after its deadline, and answering it "behind" or "expired" would tell the
    // device that nothing was done when it was.
    const earlier = kind === 'catchup' ? null : this.o.store.requestResponse(device, requestId);
    if (earlier !== null) {
      this.respond(device, JSON.parse(earlier) as ResponseMessage);
      return;
    }
    if (after !== undefined && kind !== 'catchup' && this.o.store.contiguousSeq(device) < after) {
      // Decide nothing for a device whose own earlier decisions (made while cut off) are not stored yet.
      this.respond(device, {
        requestId,
        ok: false,
        reason: 'behind',
        message: 'earlier events not stored yet',
      });
      return;
    }
    if (deadline !== undefined && this.o.clock.now() > deadline) {
      // The device gave up waiting and may have acted offline: doing it now would do it twice.
      this.reject(device, 'expired-request', `${kind} ${requestId}`);
      this.respond(device, {
        requestId,
        ok: false,
        reason: 'expired',
        message: 'the request arrived after its deadline',
      });
      return;
    }
    const parsed = requestBodies[kind].safeParse(env.data.body);
    if (!parsed.success) {
      this.respond(device, {
        requestId,
        ok: false,
        reason: 'invalid-request',
        message: parsed.error.issues[0]?.message ?? '',
      });
      return;
    }
    const reply = this.answer(device, kind, parsed.data, requestId);
    if (kind === 'catchup') {
      // Catch-up answers are the large ones (a page is up to MAX_BATCH events) and all leave through the hub's one
      // connection: a device asking for them in a loop would put megabytes in front of everyone's answers. Each
      // device gets a byte budget; a legitimate catch-up (pages one after the other) stays well within it.
      const json = JSON.stringify({ requestId, ...reply.response });
      if (
        !this.catchupBuckets.take(
          device,
          this.o.catchupBytes ?? CATCHUP_BYTES,
          this.o.clock.now(),
          json.length,
        )
      ) {
        this.reject(device, 'rate-limited', 'catch-up answers above the byte budget');
        this.respond(device, {
          requestId,
          ok: false,
          reason: 'rate-limited',
          message: 'too many catch-up pages; retry later',
        });
        return;
      }
      this.send(responseTopic(this.centre, device), json);
      return;
    }
    // Both leave in this tick, in this order, without waiting for the broker's PUBACK of either: the answer
    // first (one subscriber, so the device that asked is not served after the whole hall).
    if (reply.json !== undefined) this.send(responseTopic(this.centre, device), reply.json);
    else this.respond(device, { requestId, ...reply.response });
    this.broadcast(reply.events);
  }

  private answer(
    device: string,
    kind: RequestKind,
    body: unknown,
    requestId: string,
  ): { response: Reply; events: QueueEvent[]; json?: string } {
    const store = this.o.store;
    const hubTime = this.o.clock.now();
    if (kind === 'catchup') {
      const b = body as RequestBody<'catchup'>;
      const events = store.eventsAfter(b.vector, b.limit);
      return {
        response: { ok: true, result: { kind: 'events', events, more: events.length === b.limit, hubTime } },
        events: [],
      };
    }
    if (kind === 'lease')
      return { response: this.lease(device, body as RequestBody<'lease'>, requestId), events: [] };
    const decide = decisionFor(this.config, device, standingOf(this.config, device), kind, body, {
      leases: (day) => store.leases(day),
      now: () => this.o.clock.now(),
    });
    if (typeof decide === 'string')
      return { response: { ok: false, reason: 'forbidden', message: decide }, events: [] };
    const out: { response: Reply | null; json?: string } = { response: null };
    const r = store.commit(decide, (evs, ticketId) => {
      out.response = {
        ok: true,
        result: {
          kind: 'done',
          ticketId,
          eventIds: evs.map((e) => e.id),
          events: [...evs],
          day: store.day,
          hubTime,
        },
      };
      // stored for a retried request, and sent as it is now
      out.json = JSON.stringify({ requestId, ...out.response });
      store.recordRequest(device, requestId, out.json);
    });
    const response = out.response;
    if (!r.ok || response === null)
      return {
        response: { ok: false, reason: r.ok ? 'internal' : r.reason, message: r.ok ? '' : r.message },
        events: [],
      };
    return out.json === undefined
      ? { response, events: [...r.events] }
      : { response, events: [...r.events], json: out.json };
  }

  private lease(device: string, b: RequestBody<'lease'>, requestId: string): Reply {
    const store = this.o.store;
    if (!mayLease(standingOf(this.config, device)))
      return { ok: false, reason: 'forbidden', message: 'only kiosks lease numbers' };
    store.rollDay();
    const day = store.day;
    const size = this.o.leaseBlockSize ?? 20;
    const granted: Lease[] = [];
    store.transaction(() => {
      for (const areaId of b.areas) {
        const area = this.config.areas.find((a) => a.id === areaId);
        if (!area) continue;
        for (let i = 0; i < b.blocks; i++) {
          const block = nextLeaseBlock(store.state, area, store.leases(day), size);
          if (!block) break;
          store.addLease(day, area.id, device, block.first, block.last);
          granted.push({ day, area: area.id, first: block.first, last: block.last });
        }
      }
      const response: ResponseMessage = {
        requestId,
        ok: true,
        result: { kind: 'leases', leases: granted, day, hubTime: this.o.clock.now() },
      };
      store.recordRequest(device, requestId, JSON.stringify(response));
    });
    return { ok: true, result: { kind: 'leases', leases: granted, day, hubTime: this.o.clock.now() } };
  }

  /**
   * Publishes with QoS 1 and returns at once. MQTT.js writes publishes in call order (and keeps QoS 1 ones
   * across a reconnect), so answers leave in the order their transactions committed; nothing here waits for
   * the broker's PUBACK, which would add a broker round trip to every request handled after this one. Every
   * message sent here is repeatable: a lost ack or answer is asked for again, a lost broadcast is caught up.
   */
  private send(topic: string, payload: string, retain = false): void {
    const p = this.o.client
      .publishAsync(topic, payload, { qos: 1, retain })
      .then(() => undefined)
      .catch((e: unknown) => this.log.warn('publish failed', { topic, message: (e as Error).message }))
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  private respond(device: string, m: ResponseMessage): void {
    this.send(responseTopic(this.centre, device), JSON.stringify(m));
  }

  private broadcast(events: readonly QueueEvent[]): void {
    for (let i = 0; i < events.length; i += MAX_BATCH) {
      this.send(busEventsTopic(this.centre), JSON.stringify({ events: events.slice(i, i + MAX_BATCH) }));
    }
    if (events.length > 0) this.schedulePublishState();
  }

  private schedulePublishState(): void {
    if (this.stateTimer || this.stopped) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = null;
      this.publishState().catch((e: unknown) =>
        this.log.warn('state publish failed', { message: (e as Error).message }),
      );
    }, STATE_PUBLISH_MS);
  }

  private async publishState(): Promise<void> {
    const s = this.o.store.state;
    const summary = {
      ...boardView(s, this.config),
      hash: stateHash(s),
      presence: Object.fromEntries(this.presence),
      health: Object.fromEntries(this.health),
    };
    await this.o.client.publishAsync(busStateTopic(this.centre), JSON.stringify(summary), {
      qos: 1,
      retain: true,
    });
  }
}
