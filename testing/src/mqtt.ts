/**
 * Small MQTT.js helpers for tests: clients that are always ended, and a message log to wait on.
 * MQTT 3.1.1 (protocolVersion 4) by default: Aedes, the embedded broker, speaks nothing newer.
 */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';

export interface ReceivedMessage {
  readonly topic: string;
  readonly payload: string;
  readonly retain: boolean;
}

/** Records every message a client receives; `waitFor` resolves on the first match, old or new. */
export class MessageLog {
  readonly messages: ReceivedMessage[] = [];
  private waiters: { match: (m: ReceivedMessage) => boolean; resolve: (m: ReceivedMessage) => void }[] = [];

  constructor(client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const m: ReceivedMessage = { topic, payload: payload.toString('utf8'), retain: packet.retain };
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(m)) return true;
        w.resolve(m);
        return false;
      });
    });
  }

  has(match: (m: ReceivedMessage) => boolean): boolean {
    return this.messages.some(match);
  }

  waitFor(match: (m: ReceivedMessage) => boolean, timeoutMs = 5_000): Promise<ReceivedMessage> {
    const seen = this.messages.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      const done = (m: ReceivedMessage): void => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push({ match, resolve: done });
    });
  }
}

/** Connects clients and ends them all in `endAll()` (call it in afterEach). */
export class ClientPool {
  private readonly clients = new Set<MqttClient>();

  /**
   * Defaults: MQTT 3.1.1, no automatic reconnect, 5 s connect timeout. `setup` runs before the
   * connection is made: attach a `MessageLog` there to see messages a persistent session delivers
   * right after CONNACK (they would be missed if attached after the promise resolves).
   */
  connect(url: string, opts: IClientOptions = {}, setup?: (client: MqttClient) => void): Promise<MqttClient> {
    const client = connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5_000, ...opts });
    this.clients.add(client);
    setup?.(client);
    return new Promise((resolve, reject) => {
      const onConnect = (): void => {
        client.off('error', onError);
        resolve(client);
      };
      const onError = (err: Error): void => {
        client.off('connect', onConnect);
        client.end(true);
        reject(err);
      };
      client.once('connect', onConnect);
      client.once('error', onError);
    });
  }

  /** For clients made elsewhere (e.g. `mqtt.connect` without waiting). */
  track(client: MqttClient): MqttClient {
    this.clients.add(client);
    return client;
  }

  async endAll(): Promise<void> {
    const all = [...this.clients];
    this.clients.clear();
    await Promise.all(all.map((c) => c.endAsync(true)));
  }
}
