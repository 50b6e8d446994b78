/**
 * A device's link to the hub over MQTT.
 *
 * Delivery: the device's outbox (own events not yet stored by the hub) is sent after every connect and after
 * every local commit, and again on a timer while anything is unacknowledged. Rows leave the outbox only when the
 * hub's retained acknowledgement says it has stored them — a broker PUBACK is not enough, and MQTT.js keeps
 * unsent messages in memory only. Everything received is applied idempotently.
 *
 * Catch-up: on every connect the device asks the hub, by version vector, for what it missed, page by page; and
 * while connected, when what arrives shows a hole (a broker may drop messages to a slow client), after
 * `gapCatchUpMs`.
 *
 * Reconnect: MQTT.js's own fixed-interval reconnect is off; this class reconnects with jittered exponential
 * backoff so a restarted broker is not hit by every device at the same instant. Subscriptions are made only
 * when the broker has no session for us (re-subscribing on every connect duplicates deliveries).
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { QueueEvent } from '../domain/events.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import type { EventStore } from '../store/event-store.js';
import { parseConfig, type CentreConfig } from '../config.js';
import { openDatabase } from '../store/db.js';
import type { Catalogue } from '../catalogue/schema.js';
import { CatalogueReceiver } from './catalogue-receiver.js';
import {
  MAX_BATCH,
  ackMessage,
  eventsMessage,
  filters,
  configMessage,
  MAX_PAYLOAD_BYTES,
  catalogueTopic,
  busEventsMessage,
  parsePayload,
  responseMessage,
  type RequestBody,
  type ResponseMessage,
  type ResponseResult,
  ackTopic,
  busEventsTopic,
  busStateTopic,
  configTopic,
  eventsTopic,
  parseTopic,
  presenceTopic,
  healthTopic,
  type HealthMessage,
  requestTopic,
  responseTopic,
  type RequestKind,
} from './topics.js';

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface DeviceSyncOptions {
  readonly url: string;
  readonly centreId: string;
  readonly deviceId: string;
  readonly role: string;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly username?: string;
  readonly password?: string;
  /**
   * For an `mqtts://` URL: the certificate authority the site broker's certificate must be signed by (PEM). The
   * broker's certificate and host name are always verified; a broker presenting another certificate is refused.
   */
  readonly ca?: string | Buffer;
  readonly keepaliveS?: number;
  readonly backoff?: Backoff;
  /** How long a request waits for the hub's answer. */
  readonly requestTimeoutMs?: number;
  /** Resend period while the outbox is not acknowledged. */
  readonly resendMs?: number;
  readonly random?: () => number;
  /** How long a hole in the received events may last before catch-up is asked for it (default 1 s). */
  readonly gapCatchUpMs?: number;
  /** Called with the hub's time from every answer (to correct a SyncedClock). */
  readonly onHubTime?: (hubTime: number) => void;
  /**
   * Also take other devices' events straight from their own topics (default false): a hall board keeps showing
   * what counters call while the hub is down. Only events of the topic's own device are taken (a device can
   * publish only on its own topic under the ACL, so it cannot pass off another's). The broker must let the
   * device read `dev/+/events`.
   */
  readonly hearDevices?: boolean;
  /** Called after a newer configuration revision from the hub was stored (the device applies it at boot). */
  readonly onConfigStored?: (revision: number) => void;
  /** How long after a catalogue manifest missing parts are reported in the log (default 30 s). */
  readonly cataloguePartsWaitMs?: number;
}

export class RequestError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The next reconnect delay: exponential in the attempt, capped, with full jitter over its upper half. */
export function backoffDelay(attempt: number, b: Backoff, random: () => number): number {
  const ceiling = Math.min(b.maxMs, b.initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

type Pending = {
  resolve: (r: ResponseResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  /** The deadline this attempt carried (the hub's clock), if any. */
  deadline: number | undefined;
};

export class DeviceSync {
  private client: MqttClient | null = null;
  private health: HealthMessage | null = null;
  private readonly log: Logger;
  private readonly pending = new Map<string, Pending>();
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private resendTimer: NodeJS.Timeout | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private gapAttempts = 0;
  /** Highest own seq published on the current connection (0 after a connect: everything is sent again). */
  private sentSeq = 0;
  private stopped = false;
  private epoch = 0;
  private connectedOnce = false;
  private hubOffsetMs: number | null = null;
  private readonly listeners = new Set<(events: readonly QueueEvent[]) => void>();
  private lastState: unknown = null;
  private configPayload: unknown = null;
  private readonly catalogue: CatalogueReceiver;

  constructor(private readonly o: DeviceSyncOptions) {
    this.log = o.logger.child(`sync:${o.deviceId}`);
    this.catalogue = new CatalogueReceiver({
      store: o.store,
      log: this.log,
      ...(o.cataloguePartsWaitMs === undefined ? {} : { partsWaitMs: o.cataloguePartsWaitMs }),
    });
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** The hub's clock minus ours, from the last answer; null before any answer. */
  get hubClockOffsetMs(): number | null {
    return this.hubOffsetMs;
  }

  /** The hub's last retained summary (bus/state), or null. Parsed when asked for: it comes several times a second. */
  get state(): unknown {
    if (this.lastState instanceof Buffer) {
      const raw = this.lastState;
      this.lastState = parsePayload(raw);
      if (this.lastState === null) this.log.warn('unreadable state summary skipped', { bytes: raw.length });
    }
    return this.lastState;
  }

  get config(): unknown {
    return this.configPayload;
  }

  /** Called with every newer, valid procedure catalogue stored from the hub (look-up terminals only). */
  onCatalogue(fn: (catalogue: Catalogue) => void): () => void {
    return this.catalogue.onCatalogue(fn);
  }

  /** Called with every batch of new events stored from the hub. */
  onEvents(fn: (events: readonly QueueEvent[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /**
   * A presence epoch above every earlier session's, also across restarts and when the clock has gone back
   * (a kiosk with a wrong clock, corrected since): the last one is kept in SQLite. The clock only makes it
   * roughly comparable between devices in logs.
   */
  private nextEpoch(): number {
    const stored = Number(this.o.store.getMeta('presence-epoch') ?? '0');
    const epoch = Math.max(this.epoch + 1, (Number.isFinite(stored) ? stored : 0) + 1, this.o.clock.now());
    try {
      this.o.store.setMeta('presence-epoch', String(epoch));
    } catch (e) {
      // A full disk must not keep the device off the network; the epoch is still above this process's last.
      this.log.warn('presence epoch not stored', { message: (e as Error).message });
    }
    return epoch;
  }

  private connect(): void {
    if (this.stopped) return;
    this.epoch = this.nextEpoch();
    const presence = presenceTopic(this.o.centreId, this.o.deviceId);
    const opts: IClientOptions = {
      // The client id is the username (the device id): both brokers tie the id to the login, so no client can
      // take over another's session (Mosquitto: use_username_as_clientid).
      clientId: this.o.username ?? this.o.deviceId,
      protocolVersion: 4,
      clean: false,
      keepalive: this.o.keepaliveS ?? 10,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      // MQTT.js otherwise pre-builds a Buffer for each of the 65,536 16-bit numbers on the first packet it
      // writes (mqtt-packet's number cache): ~6 MB of heap kept for the life of the process, to save a 2-byte
      // allocation per packet. A device writes a few packets a second; the kiosk's RSS target is 150 MB.
      writeCache: false,
      will: {
        topic: presence,
        payload: Buffer.from(
          JSON.stringify({ deviceId: this.o.deviceId, online: false, epoch: this.epoch, role: this.o.role }),
        ),
        qos: 1,
        retain: true,
      },
      ...(this.o.username === undefined ? {} : { username: this.o.username }),
      ...(this.o.password === undefined ? {} : { password: this.o.password }),
      ...(this.o.ca === undefined ? {} : { ca: this.o.ca, rejectUnauthorized: true }),
    };
    const client = mqtt.connect(this.o.url, opts);
    this.client = client;
    client.on('connect', (connack) => {
      setNoDelay(client);
      this.attempt = 0;
      this.log.info('connected', { sessionPresent: connack.sessionPresent });
      void this.onConnect(client, connack.sessionPresent);
    });
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (e) => this.log.debug(() => `mqtt error: ${e.message}`));
    client.on('close', () => {
      if (this.client !== client) return;
      this.failPending('offline', 'connection to the hub lost');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = backoffDelay(
      this.attempt++,
      this.o.backoff ?? { initialMs: 250, maxMs: 10_000 },
      this.o.random ?? Math.random,
    );
    this.log.debug(() => `reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      const old = this.client;
      this.client = null;
      old?.end(true);
      this.connect();
    }, delay);
  }

  private async onConnect(client: MqttClient, sessionPresent: boolean): Promise<void> {
    const c = this.o.centreId;
    const d = this.o.deviceId;
    try {
      if (!sessionPresent || !this.connectedOnce) {
        await client.subscribeAsync(
          [
            ackTopic(c, d),
            responseTopic(c, d),
            busEventsTopic(c),
            busStateTopic(c),
            configTopic(c),
            // Only look-up terminals need the procedure catalogue (hundreds of KB).
            ...(this.o.role === 'lookup' ? [catalogueTopic(c), filters.catalogueParts(c)] : []),
            ...(this.o.hearDevices === true ? [filters.allDeviceEvents(c)] : []),
          ],
          { qos: 1 },
        );
      }
      this.connectedOnce = true;
      await client.publishAsync(
        presenceTopic(c, d),
        JSON.stringify({ deviceId: d, online: true, epoch: this.epoch, role: this.o.role }),
        { qos: 1, retain: true },
      );
      if (this.health !== null) this.publishHealth(client, this.health);
      this.resend();
    } catch (e) {
      this.log.warn('after-connect steps failed', { message: (e as Error).message });
    }
    await this.catchUpOn(client);
  }

  /**
   * Catch-up after a connect, retried with backoff while this connection lasts: after a broker restart the
   * device often reconnects before the hub does, so the first request goes unanswered, and what the broker lost
   * would otherwise stay missing until the next reconnect.
   */
  private async catchUpOn(client: MqttClient): Promise<void> {
    for (let attempt = 0; !this.stopped && this.client === client && client.connected; attempt++) {
      try {
        await this.catchUp();
        return;
      } catch (e) {
        if (attempt === 0) this.log.warn('catch-up failed; retrying', { message: (e as Error).message });
      }
      const delay = backoffDelay(
        attempt,
        this.o.backoff ?? { initialMs: 250, maxMs: 10_000 },
        this.o.random ?? Math.random,
      );
      await new Promise((r) => setTimeout(r, delay).unref());
    }
  }

  /**
   * Sends the outbox (its first pages); safe to call any time. Rows already sent on this connection are not sent
   * again here: an acknowledgement (one per stored batch) would otherwise re-send the whole in-flight window
   * each time, multiplying the traffic by the number of batches in flight. Rows the hub has not acknowledged
   * within `resendMs` are sent again by the resend timer (`resend`), and all of them after every reconnect.
   */
  /**
   * The device's health (its kiosk printer), retained on `dev/{id}/health` for the hub and the supervisor: sent
   * now if connected, and again after every connect, so the latest state always reaches the hub.
   */
  setHealth(health: Omit<HealthMessage, 'deviceId'>): void {
    this.health = { deviceId: this.o.deviceId, ...health };
    const client = this.client;
    if (client?.connected === true) this.publishHealth(client, this.health);
  }

  private publishHealth(client: MqttClient, health: HealthMessage): void {
    client
      .publishAsync(healthTopic(this.o.centreId, this.o.deviceId), JSON.stringify(health), {
        qos: 1,
        retain: true,
      })
      .catch((e: unknown) => {
        this.log.warn('health publish failed', { message: (e as Error).message });
      });
  }

  flush(): void {
    const client = this.client;
    if (!client?.connected) return;
    const pending = this.o.store.pendingOutbox(MAX_BATCH * 4).filter((e) => e.seq > this.sentSeq);
    for (let i = 0; i < pending.length; i += MAX_BATCH) {
      const batch = pending.slice(i, i + MAX_BATCH);
      client.publish(
        eventsTopic(this.o.centreId, this.o.deviceId),
        JSON.stringify({ deviceId: this.o.deviceId, events: batch }),
        { qos: 1 },
        (err) => {
          if (err) this.log.debug(() => `upload failed: ${err.message}`);
        },
      );
      this.sentSeq = Math.max(this.sentSeq, batch[batch.length - 1]!.seq);
    }
    if (this.o.store.pendingOutbox(1).length > 0) this.armResend();
  }

  /** Sends every unacknowledged row again (the hub ignores the ones it already has). */
  private resend(): void {
    this.sentSeq = 0;
    this.flush();
  }

  private armResend(): void {
    if (this.resendTimer || this.stopped) return;
    this.resendTimer = setTimeout(() => {
      this.resendTimer = null;
      this.resend();
    }, this.o.resendMs ?? 3_000);
    this.resendTimer.unref();
  }

  /** Asks the hub for every event this device lacks, page by page, and stores them. */
  async catchUp(limit = MAX_BATCH): Promise<number> {
    let total = 0;
    for (let page = 0; page < 100_000; page++) {
      const r = await this.request('catchup', { vector: this.o.store.versionVector(), limit });
      if (r.kind !== 'events')
        throw new RequestError('bad-response', 'catch-up answered with something else');
      total += this.store(r.events);
      if (!r.more) break;
    }
    return total;
  }

  /**
   * Sends a request to the hub and waits for its answer. Rejects with reason "offline" or "no-answer". When the
   * hub has not yet stored this device's own earlier events (reason "behind"), they are sent again and the
   * request repeated, within the same time limit.
   */
  async request<K extends RequestKind>(
    kind: K,
    body: RequestBody<K>,
    requestId: string = randomUUID(),
    timeoutMs: number = this.o.requestTimeoutMs ?? 3_000,
  ): Promise<ResponseResult> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.requestOnce(kind, body, requestId, Math.max(1, end - Date.now()));
      } catch (e) {
        if (!(e instanceof RequestError) || e.reason !== 'behind' || Date.now() >= end) throw e;
        this.resend();
        await new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, end - Date.now()))));
      }
    }
  }

  private requestOnce<K extends RequestKind>(
    kind: K,
    body: RequestBody<K>,
    requestId: string,
    timeoutMs: number,
  ): Promise<ResponseResult> {
    const client = this.client;
    if (!client?.connected) return Promise.reject(new RequestError('offline', 'not connected to the hub'));
    return new Promise<ResponseResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new RequestError('no-answer', `the hub did not answer ${kind} in time`));
      }, timeoutMs);
      const deadline = this.deadline(kind, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer, deadline: deadline.deadline });
      const after = kind === 'catchup' ? {} : { after: this.o.store.lastSeq };
      client.publish(
        requestTopic(this.o.centreId, this.o.deviceId, kind),
        JSON.stringify({
          deviceId: this.o.deviceId,
          requestId,
          body,
          ...deadline,
          ...after,
        }),
        { qos: 1 },
      );
    });
  }

  /** Only once the hub's clock is known, and never for read-only catch-up (which must work to learn it). */
  private deadline(kind: RequestKind, timeoutMs: number): { deadline?: number } {
    if (kind === 'catchup' || this.hubOffsetMs === null) return {};
    return { deadline: Math.round(this.o.clock.now() + this.hubOffsetMs + timeoutMs) };
  }

  private failPending(reason: string, message: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new RequestError(reason, message));
      this.pending.delete(id);
    }
  }

  private store(raw: readonly unknown[]): number {
    if (raw.length === 0) return 0;
    const { stored } = this.o.store.ingestMany(raw, { durable: false });
    if (stored.length > 0) for (const fn of this.listeners) fn(stored);
    if (stored.length > 0 && this.gapTimer === null && this.o.store.hasGaps()) this.armGapCatchUp();
    return stored.length;
  }

  /**
   * A hole may be an event still on its way; if it is still there after `gapCatchUpMs`, ask the hub. While a
   * hole outlives catch-ups (the hub itself lacks the event until its device sends it again), the wait doubles,
   * up to five minutes, so a device that never comes back does not make every other one ask every second.
   */
  private armGapCatchUp(): void {
    if (this.stopped) return;
    const base = this.o.gapCatchUpMs ?? 1_000;
    const delay = Math.min(300_000, base * 2 ** Math.min(this.gapAttempts, 20));
    this.gapTimer = setTimeout(() => {
      if (this.stopped || !this.client?.connected || !this.o.store.hasGaps()) {
        this.gapTimer = null;
        this.gapAttempts = 0;
        return;
      }
      this.log.info('events missing between those received; catching up', { attempt: this.gapAttempts + 1 });
      this.catchUp()
        .catch((e: unknown) =>
          this.log.warn('catch-up for missing events failed', { message: (e as Error).message }),
        )
        .finally(() => {
          this.gapTimer = null;
          if (this.o.store.hasGaps()) {
            this.gapAttempts++;
            this.armGapCatchUp();
          } else this.gapAttempts = 0;
        });
    }, delay);
    this.gapTimer.unref();
  }

  private onMessage(topic: string, payload: Buffer): void {
    const t = parseTopic(topic);
    if (t?.centreId !== this.o.centreId) return;
    if (t.kind === 'busState') {
      this.lastState = payload;
      return;
    }
    if (t.kind === 'cataloguePart') {
      // Raw bytes behind a header line, not JSON: handled before parsing.
      if (this.o.role !== 'lookup' || payload.length > MAX_PAYLOAD_BYTES) return;
      try {
        this.catalogue.onPart(t.index, payload);
      } catch (e) {
        this.log.warn('message handling failed', { topic, message: (e as Error).message });
      }
      return;
    }
    const body = parsePayload(payload);
    if (body === null) {
      this.log.warn('unreadable message skipped', { topic });
      return;
    }
    try {
      switch (t.kind) {
        case 'ack': {
          const m = ackMessage.safeParse(body);
          if (!m.success || m.data.deviceId !== this.o.deviceId) return;
          if (this.o.store.acknowledge(m.data.seq) > 0 && this.resendTimer) {
            // Progress: the resend period starts again, so a long upload is not sent twice.
            clearTimeout(this.resendTimer);
            this.resendTimer = null;
          }
          if (this.o.store.pendingOutbox(1).length > 0) this.flush();
          return;
        }
        case 'res': {
          const m = responseMessage.safeParse(body);
          if (!m.success) return;
          const p = this.pending.get(m.data.requestId);
          if (!p) return;
          const r = m.data as unknown as ResponseMessage;
          if (
            !r.ok &&
            r.reason === 'expired' &&
            p.deadline !== undefined &&
            this.o.clock.now() + (this.hubOffsetMs ?? 0) < p.deadline
          ) {
            // The hub refused a copy that reached it after *that copy's* deadline: an earlier attempt with the same
            // id (a retry after no answer, the broker delivering the old copy late). It decided nothing for that
            // copy, but this attempt's deadline has not passed and the hub may still carry it out: waiting for its
            // own answer (or this attempt's timer, no-answer) is right; "expired" here would let the caller act
            // alone while the hub acts too.
            return;
          }
          this.pending.delete(m.data.requestId);
          clearTimeout(p.timer);
          if (!r.ok) {
            p.reject(new RequestError(r.reason, r.message));
            return;
          }
          // The clock may follow the hub (a SyncedClock fed by onHubTime): measure the offset after it has been
          // corrected, or a kiosk whose wall clock is wrong would keep stamping deadlines days off.
          this.o.onHubTime?.(r.result.hubTime);
          this.hubOffsetMs = r.result.hubTime - this.o.clock.now();
          if (r.result.kind === 'done') this.store(r.result.events);
          p.resolve(r.result);
          return;
        }
        case 'busEvents': {
          const m = busEventsMessage.safeParse(body);
          if (m.success) this.store(m.data.events);
          return;
        }
        case 'config':
          this.onConfig(body);
          return;
        case 'catalogue':
          this.catalogue.onMessage(body);
          return;
        case 'events': {
          if (this.o.hearDevices !== true || t.deviceId === this.o.deviceId) return;
          const m = eventsMessage.safeParse(body);
          if (!m.success || m.data.deviceId !== t.deviceId) return;
          const own = m.data.events.filter((e) => (e as { device?: unknown } | null)?.device === t.deviceId);
          if (own.length < m.data.events.length)
            this.log.warn("events of another device on a device's topic skipped", { topic });
          this.store(own);
          return;
        }
        case 'req':
        case 'presence':
        case 'health':
          return;
        default: {
          // (bus/state and catalogue parts are handled unparsed above)
          const never: never = t.kind;
          return never;
        }
      }
    } catch (e) {
      this.log.warn('message handling failed', { topic, message: (e as Error).message });
    }
  }

  /**
   * A newer configuration revision is kept in the device's SQLite, so the device boots with it even when the
   * hub cannot be reached. Older or equal revisions are ignored; an invalid one is logged and ignored.
   */
  private onConfig(body: unknown): void {
    const m = configMessage.safeParse(body);
    if (!m.success) {
      this.log.warn('invalid config message ignored');
      return;
    }
    const stored = storedConfigRevision(this.o.store);
    if (stored !== null && m.data.revision <= stored) return;
    try {
      parseConfig(m.data.config);
    } catch (e) {
      this.log.warn('config from the hub is invalid; keeping the stored one', {
        message: (e as Error).message,
      });
      return;
    }
    this.o.store.setMeta('config', JSON.stringify(m.data));
    this.configPayload = m.data;
    this.log.info('configuration stored', { revision: m.data.revision });
    this.o.onConfigStored?.(m.data.revision);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.resendTimer) clearTimeout(this.resendTimer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.catalogue.stop();
    this.reconnectTimer = null;
    this.resendTimer = null;
    this.failPending('stopped', 'sync stopped');
    const c = this.client;
    this.client = null;
    if (c) {
      if (c.connected) {
        // A dead link can still look connected: never wait more than a moment for the goodbye to be acknowledged.
        const goodbye = c.publishAsync(
          presenceTopic(this.o.centreId, this.o.deviceId),
          JSON.stringify({ deviceId: this.o.deviceId, online: false, epoch: this.epoch, role: this.o.role }),
          { qos: 1, retain: true },
        );
        await Promise.race([goodbye.catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      }
      await c.endAsync(true);
    }
  }
}

/**
 * Turns off Nagle's algorithm on the client's TCP socket (MQTT.js leaves it on). With it on, a small packet
 * written while an earlier one is unacknowledged waits for the peer's delayed ACK: measured here, a request →
 * answer through Mosquitto took ~50 ms instead of ~6. Call from every `connect` handler (each reconnect has a
 * new socket).
 */
export function setNoDelay(client: MqttClient): void {
  (client.stream as { setNoDelay?: (on: boolean) => unknown } | undefined)?.setNoDelay?.(true);
}

/** Kept here too: the look-up runtime boots from it. */
export { storedCatalogue } from './catalogue-receiver.js';

function storedConfigRevision(store: EventStore): number | null {
  const raw = store.getMeta('config');
  return raw === null ? null : (JSON.parse(raw) as { revision: number }).revision;
}

/** The configuration this device last received from the hub, for booting offline; null if none yet. */
export function storedConfig(store: EventStore): CentreConfig | null {
  const raw = store.getMeta('config');
  return raw === null ? null : parseConfig((JSON.parse(raw) as { config: unknown }).config);
}

/** The same, read straight from a device's database file before its store is opened (booting offline). */
export function readStoredConfig(path: string): CentreConfig | null {
  const db = openDatabase(path);
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('config') as
      { value: string } | undefined;
    return row === undefined ? null : parseConfig((JSON.parse(row.value) as { config: unknown }).config);
  } finally {
    db.close();
  }
}
