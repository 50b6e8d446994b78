/**
 * The site hub, first version: the centre's event store (SQLite), the embedded broker unless an external one is
 * given, the retained configuration for devices that boot, and the hub's presence. Later capabilities add the
 * coordinator (numbering and calls over MQTT) and the browser-mode screens on top of this.
 */
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { EventStore, type CentreConfig, type Clock, type Logger } from '@motcua/shared';
import { configTopic, presenceTopic } from '@motcua/shared/sync/topics';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';

export interface HubOptions {
  readonly config: CentreConfig;
  readonly dataDir: string;
  /** An external broker (Mosquitto); when absent the hub embeds one. */
  readonly brokerUrl?: string;
  readonly port?: number;
  readonly host?: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface RunningHub {
  readonly brokerUrl: string;
  readonly store: EventStore;
  readonly dbPath: string;
  stop(): Promise<void>;
}

export async function startHub(o: HubOptions): Promise<RunningHub> {
  const log = o.logger.child('hub');
  const dbPath = join(o.dataDir, 'hub.db');
  const store = new EventStore({
    path: dbPath,
    deviceId: 'hub',
    config: o.config,
    clock: o.clock,
    logger: o.logger,
  });
  const stopMaintenance = store.startMaintenance();
  let broker: EmbeddedBroker | null = null;
  let url = o.brokerUrl;
  if (url === undefined) {
    broker = await startEmbeddedBroker({ port: o.port ?? 1883, host: o.host ?? '0.0.0.0', logger: o.logger });
    url = broker.url;
  }
  const centre = o.config.centre.id;
  const epoch = o.clock.now();
  const client: MqttClient = await mqtt.connectAsync(url, {
    clientId: `motcua-hub-${centre}`,
    protocolVersion: 4,
    clean: false,
    reconnectPeriod: 1000,
    will: {
      topic: presenceTopic(centre, 'hub'),
      payload: Buffer.from(JSON.stringify({ deviceId: 'hub', online: false, epoch })),
      qos: 1,
      retain: true,
    },
  });
  // Retained messages can vanish from a broker: publish them again on every (re)connect.
  const announce = async (): Promise<void> => {
    await client.publishAsync(
      configTopic(centre),
      JSON.stringify({ revision: o.config.revision, config: o.config }),
      {
        qos: 1,
        retain: true,
      },
    );
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
  client.on('connect', () => {
    announce().catch((e: unknown) => log.warn('announce failed', { message: (e as Error).message }));
  });
  log.info('hub started', { broker: url, db: dbPath, day: store.day });
  return {
    brokerUrl: url,
    store,
    dbPath,
    stop: async () => {
      await client.publishAsync(
        presenceTopic(centre, 'hub'),
        JSON.stringify({ deviceId: 'hub', online: false, epoch }),
        {
          qos: 1,
          retain: true,
        },
      );
      await client.endAsync();
      await broker?.close();
      stopMaintenance();
      store.close();
    },
  };
}
