/**
 * The embedded MQTT broker (Aedes): the zero-setup default, so `npm start` runs a whole centre with nothing
 * else installed. Production sites may run Mosquitto (see build/mosquitto). Aedes speaks MQTT 3.1.1 only, so the
 * protocol carries reply topics and correlation ids in payloads, never MQTT 5 properties.
 *
 * Locked like the generated Mosquitto configuration (both come from topics.ts and credentials.ts):
 * - every device logs in with its own password (the centre's Mosquitto password file, `$7$` hashes); anonymous
 *   and unknown users are refused; the hub logs in with a secret made for this run;
 * - a client's id must be its username (Mosquitto: `use_username_as_clientid`), so nobody can take over the
 *   hub's or another device's session;
 * - publishes and subscriptions are limited by role exactly as the ACL file does;
 * - a packet larger than the limit closes the connection before it is buffered (`max_packet_size`).
 *
 * With no devices in the configuration (tests, benches) it runs open: any username but the hub's may connect
 * without a password and publish on its own device topics. That is logged as a warning at start.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { CentreConfig, Logger } from '@motcua/shared';
import { verifyPassword } from '@motcua/shared/sync/credentials';
import {
  ackTopic,
  busEventsTopic,
  busStateTopic,
  configTopic,
  catalogueTopic,
  filters,
  isDeviceId,
  mayPublish,
  parseTopic,
  responseTopic,
  ROLE_PERMISSIONS,
  type Role,
} from '@motcua/shared/sync/topics';
import { guardPacketSize } from './packet-guard.js';

export interface EmbeddedBroker {
  readonly port: number;
  readonly host: string;
  readonly url: string;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  readonly config: CentreConfig;
  /** The hub's own user and its secret. */
  readonly hubUsername: string;
  readonly hubPassword: string;
  /** Device users → `$7$` hashes (a Mosquitto password file, parsed). Users not in the config are ignored. */
  readonly passwords: ReadonlyMap<string, string>;
  /** Largest packet in bytes (default: the config's broker.maxPacketBytes). */
  readonly maxPacketBytes?: number;
  /** Publishes per second and burst per client, the hub excepted (default 100/s, 400). */
  readonly rate?: { readonly perSecond: number; readonly burst: number };
}

/** Subscription filters a device may use: the read lines of its ACL block, and the topics they cover. */
export function deviceReadFilters(centreId: string, deviceId: string, role?: Role): Set<string> {
  const hears = role !== undefined && role !== 'hub' && ROLE_PERMISSIONS[role].hearsDevices === true;
  return new Set([
    ...(hears ? [filters.allDeviceEvents(centreId)] : []),
    ackTopic(centreId, deviceId),
    responseTopic(centreId, deviceId),
    configTopic(centreId),
    catalogueTopic(centreId),
    filters.catalogueParts(centreId),
    filters.bus(centreId),
    busEventsTopic(centreId),
    busStateTopic(centreId),
    filters.allPresence(centreId),
  ]);
}

const REFUSED_TOPIC = '$motcua/refused';

export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const log = opts.logger.child('broker');
  const roles = new Map<string, Role>(
    opts.config.devices.filter((d) => d.id !== opts.hubUsername).map((d) => [d.id, d.role]),
  );
  const open = opts.config.devices.length === 0;
  const centre = opts.config.centre.id;
  const hub = opts.hubUsername;
  const maxPacket = opts.maxPacketBytes ?? opts.config.broker.maxPacketBytes;
  if (open)
    log.warn('no devices in the configuration: the broker accepts any device name without a password', {
      listen: opts.host,
    });
  // Refusals are logged once per user and reason, then counted, so a client retrying in a loop cannot fill the log.
  const refused = new Map<string, number>();
  const refuse = (user: string | null, reason: string, fields: Record<string, unknown> = {}): void => {
    const key = `${user ?? '(anonymous)'}:${reason}`;
    const n = (refused.get(key) ?? 0) + 1;
    refused.set(key, refused.size < 10_000 || refused.has(key) ? n : 1);
    if (n === 1) log.warn(reason, { user, ...fields });
  };
  // Aedes does not keep the username: remember it per client for the authorisation hooks.
  const users = new WeakMap<Client, string>();
  const userOf = (client: Client | null): string | undefined =>
    client === null ? undefined : users.get(client);
  const roleOf = (user: string | undefined): Role | undefined =>
    user === undefined ? undefined : user === hub ? 'hub' : roles.get(user);

  // Per-client token buckets (the hub is not limited). Above the hub's own per-device limit, so the hub's
  // refusals (counted per device) are what a legitimate but overeager device meets first.
  const rate = opts.rate ?? { perSecond: 100, burst: 400 };
  const buckets = new WeakMap<Client, { tokens: number; at: number }>();
  const overRate = new WeakMap<Client, number>();
  const hubSockets = new WeakSet<Socket>();
  const withinRate = (client: Client): boolean => {
    const now = performance.now();
    const b = buckets.get(client) ?? { tokens: rate.burst, at: now };
    b.tokens = Math.min(rate.burst, b.tokens + ((now - b.at) / 1000) * rate.perSecond);
    b.at = now;
    buckets.set(client, b);
    if (b.tokens < 1) return false;
    b.tokens--;
    return true;
  };

  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const pw = password?.toString('utf8');
      let ok: boolean;
      if (username === hub) ok = pw === opts.hubPassword && client.id === hub;
      else if (open) ok = username !== undefined && isDeviceId(username) && client.id !== hub;
      else {
        const hash = username === undefined ? undefined : opts.passwords.get(username);
        ok =
          username !== undefined &&
          roles.has(username) &&
          hash !== undefined &&
          pw !== undefined &&
          verifyPassword(pw, hash) &&
          client.id === username;
      }
      if (!ok)
        refuse(username ?? null, 'connection refused', {
          client: client.id.slice(0, 60),
          hadPassword: pw !== undefined,
        });
      else if (username !== undefined) {
        users.set(client, username);
        if (username === hub) hubSockets.add(client.conn as Socket);
      }
      done(null, ok);
    },
    authorizePublish: (client, packet, done) => {
      const user = userOf(client);
      const role = roleOf(user);
      if (role !== 'hub' && client !== null && !withinRate(client)) {
        // Dropped here, before it is forwarded: the hub reads every device through one connection, so a flood
        // let through would sit in front of every other device's request in that stream. A client far above the
        // rate (a whole burst refused) is cut: parsing its flood costs the hub's process too.
        refuse(user ?? null, 'publish rate exceeded', { perSecond: rate.perSecond });
        const over = (overRate.get(client) ?? 0) + 1;
        overRate.set(client, over);
        if (over >= rate.burst) {
          refuse(user ?? null, 'connection cut', { why: 'flooding' });
          client.close();
        }
        packet.topic = REFUSED_TOPIC;
        packet.retain = false;
        done(null);
        return;
      }
      if (role !== undefined && user !== undefined && mayPublish(role, user, centre, packet.topic)) {
        done(null);
        return;
      }
      // Open mode: a device may publish on its own device topics, any request kind; never on hub topics.
      if (open && role === undefined && user !== undefined) {
        const t = parseTopic(packet.topic);
        if (
          t?.centreId === centre &&
          'deviceId' in t &&
          t.deviceId === user &&
          t.kind !== 'ack' &&
          t.kind !== 'res'
        ) {
          done(null);
          return;
        }
      }
      refuse(user ?? null, 'publish refused', { topic: packet.topic.slice(0, 200) });
      // Dropped silently, as Mosquitto does for MQTT 3.1.1 (Aedes would close the connection on an error): sent to
      // a topic no client may subscribe to ('$' topics never match wildcards), and never retained.
      packet.topic = REFUSED_TOPIC;
      packet.retain = false;
      done(null);
    },
    authorizeSubscribe: (client, sub, done) => {
      const user = userOf(client);
      const role = roleOf(user);
      const t = parseTopic(sub.topic);
      const allowed =
        role === 'hub'
          ? sub.topic.startsWith(`motcua/v1/${centre}/`)
          : user !== undefined &&
            (deviceReadFilters(centre, user, role).has(sub.topic) ||
              (t?.kind === 'presence' && t.centreId === centre));
      if (allowed) {
        done(null, sub);
        return;
      }
      refuse(user ?? null, 'subscription refused', { topic: sub.topic.slice(0, 200) });
      done(null, null);
    },
  });
  aedes.on('clientError', (client, err) => {
    // A device that vanished mid-write is routine (it reconnects and re-sends); anything else is worth a warning.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ECONNRESET' || err.message === 'connection closed')
      log.debug(() => `client ${client.id} gone: ${err.message}`);
    else log.warn('client error', { client: client.id.slice(0, 60), message: err.message });
  });
  const server: Server = createServer((socket) => {
    guardPacketSize(
      socket,
      {
        maxPacket,
        rate: { perSecond: rate.perSecond * 2, burst: rate.burst * 2 },
        exempt: (s) => hubSockets.has(s),
      },
      (why) => refuse(null, 'connection cut', { why, from: socket.remoteAddress ?? null }),
    );
    aedes.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  return {
    port,
    host: opts.host,
    url: `mqtt://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => {
          server.close(() => resolve());
        });
      }),
  };
}
