/**
 * The site hub, first version: the centre's event store (SQLite), the embedded broker unless an external one is
 * given, the retained configuration for devices that boot, and the hub's presence. Later capabilities add the
 * coordinator (numbering and calls over MQTT) and the browser-mode screens on top of this.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { EventStore, type CentreConfig, type Clock, type Logger } from '@motcua/shared';
import { setNoDelay } from '@motcua/shared/sync/device-sync';
import {
  MAX_CATALOGUE_PARTS,
  MAX_PAYLOAD_BYTES,
  catalogueTopic,
  cataloguePartTopic,
  configTopic,
  presenceTopic,
} from '@motcua/shared/sync/topics';
import { CatalogueSizeError, packCatalogue, type PackedCatalogue } from '@motcua/shared/sync/catalogue-parts';
import type { Catalogue } from '@motcua/shared/catalogue/schema';
import { parsePasswordFile, provisionCredentials } from '@motcua/shared/sync/credentials';
import { randomBytes } from 'node:crypto';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { Coordinator } from './coordinator.js';
import { liveChangeProblems } from './live-config.js';
import { newestStoredConfig } from './dashboard/config-store.js';
import { startDashboard, type RunningDashboard } from './dashboard/server.js';
import { createReportSource } from './reports/source.js';
import type { ReportSource } from './reports/types.js';

export interface HubOptions {
  readonly config: CentreConfig;
  readonly dataDir: string;
  /** An external broker (Mosquitto); when absent the hub embeds one. */
  readonly brokerUrl?: string;
  readonly port?: number;
  readonly host?: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Credentials of the hub's own client on an external broker. The password is given here (from a file or the
   * environment, see `readBrokerPassword`), never in the URL: a URL is printed, logged and shown by `ps`.
   */
  readonly username?: string;
  readonly password?: string;
  readonly leaseBlockSize?: number;
  /**
   * The procedure catalogue for look-up terminals (already validated with parseCatalogue), published retained
   * on the `catalogue` topic; none published when absent.
   */
  readonly catalogue?: Catalogue;
  /** Where the embedded broker's credentials live (default `<dataDir>/broker`); made on first start. */
  readonly credentialsDir?: string;
  /**
   * The supervisors' dashboard, started when the config's `dashboard.enabled` is true: the reports'
   * computation, and overrides of the built screen's folder and of the config's port and host.
   */
  readonly dashboard?: {
    readonly reportSource?: ReportSource;
    readonly staticDir?: string;
    readonly port?: number;
    readonly host?: string;
    readonly liveIntervalMs?: number;
  };
}

export class HubSetupError extends Error {
  constructor(
    readonly reason: 'password-in-url' | 'catalogue-too-large',
    message: string,
  ) {
    super(message);
    this.name = 'HubSetupError';
  }
}

/**
 * The hub's password for an external broker: the first line of `file` when given (a file only root can read),
 * else the environment's MOTCUA_BROKER_PASSWORD; undefined when neither is set. Never from the command line.
 */
export function readBrokerPassword(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (file !== undefined) {
    const line = readFileSync(file, 'utf8').split('\n')[0]?.trim() ?? '';
    if (line === '') throw new Error(`${file}: no password in it`);
    return line;
  }
  const v = env.MOTCUA_BROKER_PASSWORD;
  return v === undefined || v === '' ? undefined : v;
}

/** A broker URL without any credentials in it, for printing and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unreadable broker url)';
  }
}

export interface RunningHub {
  /** Without credentials. */
  readonly brokerUrl: string;
  /** The embedded broker's device passwords (for the demo's devices); empty with an external broker. */
  readonly devicePasswords: Readonly<Record<string, string>>;
  readonly store: EventStore;
  readonly dbPath: string;
  readonly coordinator: Coordinator;
  /** Running when the config enables it. */
  readonly dashboard: RunningDashboard | null;
  stop(): Promise<void>;
}

/**
 * The configuration as devices receive it: without the dashboard block (its accounts' password hashes stay on
 * the hub, and no device uses it).
 */
export function publicConfig(config: CentreConfig): Omit<CentreConfig, 'dashboard'> {
  const { dashboard: _dashboard, ...rest } = config;
  return rest;
}

export async function startHub(given: HubOptions): Promise<RunningHub> {
  // A revision saved from the dashboard is newer than the file's: the hub runs with it and keeps publishing it.
  const o: HubOptions = { ...given, config: newestStoredConfig(given.config, given.dataDir) };
  const log = o.logger.child('hub');
  if (o.brokerUrl !== undefined && new URL(o.brokerUrl).password !== '')
    throw new HubSetupError(
      'password-in-url',
      'the broker URL contains a password; give it in a file (--broker-password-file) or MOTCUA_BROKER_PASSWORD',
    );
  // Devices drop any message over MAX_PAYLOAD_BYTES (and the broker any packet over its limit): a catalogue
  // bigger than that goes in parts; one bigger than terminals assemble would never arrive. Say so at start.
  let packed: PackedCatalogue | null = null;
  try {
    packed =
      o.catalogue === undefined
        ? null
        : packCatalogue(o.catalogue, Math.min(MAX_PAYLOAD_BYTES, o.config.broker.maxPacketBytes));
  } catch (e) {
    if (e instanceof CatalogueSizeError) throw new HubSetupError('catalogue-too-large', e.message);
    throw e;
  }
  if (packed?.kind === 'parts')
    log.info('catalogue published in parts', { bytes: packed.bytes, parts: packed.parts.length });
  // The data folder holds the databases and the broker's credentials: owner only.
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(o.dataDir, 0o700);
  const dbPath = join(o.dataDir, 'hub.db');
  const store = new EventStore({
    path: dbPath,
    deviceId: 'hub',
    config: o.config,
    clock: o.clock,
    logger: o.logger,
    outbox: false,
  });
  // Checkpoint often: a short WAL is copied back quickly, and once checkpointed the WAL file is written over
  // from its start, so a commit's fsync does not also have to grow the file (measured: 0.42 → 0.24 ms per commit).
  const stopMaintenance = store.startMaintenance(1_000);
  let broker: EmbeddedBroker | null = null;
  let url = o.brokerUrl;
  let username = o.username;
  let password = o.password;
  let devicePasswords: Readonly<Record<string, string>> = {};
  if (url === undefined) {
    // The hub's own client proves itself to the embedded broker with a secret made for this run; devices with
    // the passwords provisioned (on first start) in the credentials folder, the same files Mosquitto reads.
    username = 'hub';
    password = randomBytes(18).toString('base64url');
    const creds = await provisionCredentials(
      o.credentialsDir ?? join(o.dataDir, 'broker'),
      o.config.devices.map((d) => d.id).filter((id) => id !== 'hub'),
    );
    if (creds.created.length > 0)
      log.info('broker credentials made', { dir: creds.dir, users: creds.created.length });
    devicePasswords = creds.passwords;
    const passwords = parsePasswordFile(readFileSync(join(creds.dir, 'passwd'), 'utf8'));
    broker = await startEmbeddedBroker({
      port: o.port ?? 1883,
      host: o.host ?? o.config.broker.listen,
      logger: o.logger,
      config: o.config,
      hubUsername: username,
      hubPassword: password,
      passwords,
    });
    url = broker.url;
  }
  const centre = o.config.centre.id;
  const epoch = o.clock.now();
  // The broker hands over what it kept for the hub's session (requests and uploads sent while the hub was away)
  // right after it accepts the connection: in the same read as its CONNACK, before code after `connectAsync` could
  // listen. They are held from the first moment and given to the coordinator when it starts.
  const early: [string, Buffer][] = [];
  const hold = (topic: string, payload: Buffer): void => {
    early.push([topic, payload]);
  };
  const client: MqttClient = await connectHolding(url, hold, {
    // The client id is the username (Mosquitto: use_username_as_clientid; the embedded broker insists on it), so
    // only the hub's credentials can take the hub's session.
    clientId: username ?? `hub-${centre}`,
    protocolVersion: 4,
    clean: false,
    reconnectPeriod: 1000,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    will: {
      topic: presenceTopic(centre, 'hub'),
      payload: Buffer.from(JSON.stringify({ deviceId: 'hub', online: false, epoch })),
      qos: 1,
      retain: true,
    },
  });
  setNoDelay(client);
  // Retained messages can vanish from a broker: publish them again on every (re)connect.
  let published = o.config;
  const announce = async (): Promise<void> => {
    await client.publishAsync(
      configTopic(centre),
      JSON.stringify({ revision: published.revision, config: publicConfig(published) }),
      {
        qos: 1,
        retain: true,
      },
    );
    if (packed?.kind === 'inline')
      await client.publishAsync(catalogueTopic(centre), packed.message, { qos: 1, retain: true });
    if (packed !== null) {
      // An earlier, bigger catalogue's parts stay retained on the broker until cleared (an empty retained
      // payload), and every terminal that subscribes would be sent them again: up to 64 parts of 512 KiB.
      // Terminals ignore empty parts; a current manifest never names a part at or above its count.
      const kept = packed.kind === 'parts' ? packed.parts.length : 0;
      await Promise.all(
        Array.from({ length: MAX_CATALOGUE_PARTS - kept }, (_, i) =>
          client.publishAsync(cataloguePartTopic(centre, kept + i), '', { qos: 1, retain: true }),
        ),
      );
    }
    if (packed?.kind === 'parts') {
      // Parts first: a terminal that has the manifest finds its parts already retained on the broker.
      for (const [i, part] of packed.parts.entries())
        await client.publishAsync(cataloguePartTopic(centre, i), part, { qos: 1, retain: true });
      await client.publishAsync(catalogueTopic(centre), JSON.stringify(packed.manifest), {
        qos: 1,
        retain: true,
      });
    }
    await client.publishAsync(
      presenceTopic(centre, 'hub'),
      JSON.stringify({ deviceId: 'hub', online: true, epoch }),
      {
        qos: 1,
        retain: true,
      },
    );
  };
  await announce();
  const coordinator = new Coordinator({
    store,
    config: o.config,
    client,
    clock: o.clock,
    logger: o.logger,
    acceptDays: o.config.broker.acceptDays,
    ...(o.leaseBlockSize === undefined ? {} : { leaseBlockSize: o.leaseBlockSize }),
  });
  client.removeListener('message', hold);
  // start() takes the client's messages from its first (synchronous) step: nothing can arrive in between.
  const starting = coordinator.start();
  for (const [topic, payload] of early.splice(0)) coordinator.receive(topic, payload);
  await starting;
  client.on('connect', () => {
    setNoDelay(client);
    announce().catch((e: unknown) => log.warn('announce failed', { message: (e as Error).message }));
  });
  // The reports read the hub's own store; a caller (a test) may give another source.
  const reports =
    o.config.dashboard.enabled && o.dashboard?.reportSource === undefined
      ? createReportSource({
          store,
          config: () => published,
          dataDir: o.dataDir,
          clock: o.clock,
          logger: o.logger,
        })
      : null;
  const startingDashboard = o.config.dashboard.enabled
    ? startDashboard({
        hub: {
          state: () => store.state,
          config: () => published,
          presence: (id) => coordinator.presenceOf(id),
          health: (id) => coordinator.healthOf(id),
          knownDevices: () => coordinator.knownDevices(),
          rejections: () => coordinator.rejections(),
          // A saved change is checked against the day in progress, then applied here before it is published:
          // the coordinator and store switch synchronously (no message is handled in between), the reports and
          // the retained config read `published`. Devices store it and boot with it.
          vetConfig: (current, next) => {
            store.rollDay();
            return liveChangeProblems(current, next, {
              state: store.state,
              leases: store.leases(store.day),
              events: store.eventsOfDay(store.day),
            });
          },
          publishConfig: async (c) => {
            coordinator.setConfig(c);
            published = c;
            log.info('configuration applied', { revision: c.revision });
            await announce();
          },
        },
        config: o.config,
        dataDir: o.dataDir,
        clock: o.clock,
        logger: o.logger,
        ...(reports === null ? {} : { reportSource: reports }),
        ...o.dashboard,
      })
    : Promise.resolve(null);
  // A dashboard that cannot start (port taken, screen not built) stops the hub it belongs to, leaving nothing open.
  const dashboard = await startingDashboard.catch(async (e: unknown) => {
    reports?.close();
    coordinator.stop();
    await client.endAsync(true);
    await broker?.close();
    stopMaintenance();
    store.close();
    throw e;
  });
  log.info('hub started', { broker: redactUrl(url), db: dbPath, day: store.day });
  return {
    brokerUrl: redactUrl(url),
    devicePasswords,
    store,
    dbPath,
    coordinator,
    dashboard,
    stop: async () => {
      await dashboard?.stop();
      reports?.close();
      coordinator.stop();
      await coordinator.idle();
      if (client.connected) {
        // The broker may already be gone: never wait long for the goodbye.
        const goodbye = client.publishAsync(
          presenceTopic(centre, 'hub'),
          JSON.stringify({ deviceId: 'hub', online: false, epoch }),
          { qos: 1, retain: true },
        );
        await Promise.race([goodbye.catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      }
      await client.endAsync(true);
      await broker?.close();
      stopMaintenance();
      store.close();
    },
  };
}

/**
 * `mqtt.connectAsync` with a 'message' listener attached before the connection is made (`manualConnect`).
 * Rejects on the first error before the broker accepts, ending the client, as connectAsync does.
 */
async function connectHolding(
  url: string,
  onMessage: (topic: string, payload: Buffer) => void,
  opts: IClientOptions,
): Promise<MqttClient> {
  const client = mqtt.connect(url, { ...opts, manualConnect: true });
  client.on('message', onMessage);
  await new Promise<void>((resolve, reject) => {
    const onConnect = (): void => {
      client.removeListener('error', onError);
      resolve();
    };
    const onError = (e: Error): void => {
      client.removeListener('connect', onConnect);
      client.end(true);
      reject(e);
    };
    client.once('connect', onConnect);
    client.once('error', onError);
    client.connect();
  });
  return client;
}
