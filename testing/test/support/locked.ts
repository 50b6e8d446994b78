/**
 * A locked site for the attack tests: the hub with its devices listed and every device logging in with its own
 * password, on either broker: Mosquitto with the production config and the generated ACL, or the hub's embedded
 * broker (credentials provisioned by the hub on first start, as `npm start` does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MqttClient } from 'mqtt';
import { encodeHlc, systemClock, type CentreConfig, type Logger } from '@motcua/shared';
import { buildAclFile, buildPasswordFile } from '@motcua/shared/sync/acl';
import { eventsTopic } from '@motcua/shared/sync/topics';
import { ClientPool } from '@motcua/testing/mqtt';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { productionConfForTest, startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import { closeDevice, openDevice, type FaultDevice } from './fault.js';

export type BrokerKind = 'mosquitto' | 'embedded';
const PROD_CONF = fileURLToPath(new URL('../../../build/mosquitto/mosquitto.conf', import.meta.url));
const HUB_USER = 'hub-site';

/** The test centre with its devices listed (so roles and passwords apply). */
export function lockedConfig(): CentreConfig {
  return testCentreConfig({
    devices: [
      { id: 'kiosk-1', role: 'kiosk' },
      { id: 'kiosk-2', role: 'kiosk' },
      { id: 'counter-c1', role: 'counter', counterId: 'c1' },
      { id: 'counter-c2', role: 'counter', counterId: 'c2' },
      { id: 'pad-c1', role: 'ratingpad', counterId: 'c1' },
      { id: 'board-1', role: 'display' },
    ],
  });
}

export class LockedSite {
  readonly dir = mkdtempSync(join(tmpdir(), 'motcua-locked-'));
  hub!: RunningHub;
  url = '';
  private broker: RunningMosquitto | null = null;
  private passwords: Readonly<Record<string, string>> = {};
  readonly devices: FaultDevice[] = [];
  readonly pool = new ClientPool();

  constructor(
    readonly kind: BrokerKind,
    readonly config: CentreConfig,
    readonly logger: Logger,
  ) {}

  async start(hubOpts: { leaseBlockSize?: number } = {}): Promise<this> {
    if (this.kind === 'mosquitto') {
      const ids = this.config.devices.map((d) => d.id);
      const pw: Record<string, string> = Object.fromEntries(
        [HUB_USER, ...ids].map((u) => [u, `pw-${u}-${Math.random().toString(36).slice(2)}`]),
      );
      const acl = buildAclFile({
        centreId: this.config.centre.id,
        hubUsername: HUB_USER,
        devices: this.config.devices,
      });
      const passwd = await buildPasswordFile(
        Object.entries(pw).map(([username, password]) => ({ username, password })),
      );
      this.broker = await startMosquitto({
        conf: productionConfForTest(await readFile(PROD_CONF, 'utf8')),
        files: { acl, passwd },
      });
      this.passwords = pw;
      this.hub = await startHub({
        config: this.config,
        dataDir: join(this.dir, 'hub'),
        brokerUrl: this.broker.url,
        username: HUB_USER,
        password: pw[HUB_USER]!,
        clock: systemClock,
        logger: this.logger,
        ...hubOpts,
      });
    } else {
      this.hub = await startHub({
        config: this.config,
        dataDir: join(this.dir, 'hub'),
        port: 0,
        clock: systemClock,
        logger: this.logger,
        ...hubOpts,
      });
      this.passwords = this.hub.devicePasswords;
    }
    this.url = this.hub.brokerUrl;
    return this;
  }

  password(id: string): string {
    const p = this.passwords[id];
    if (p === undefined) throw new Error(`no password for ${id}`);
    return p;
  }

  device(id: string, role: FaultDevice['role']): FaultDevice {
    const d = openDevice({
      dir: this.dir,
      config: this.config,
      logger: this.logger,
      id,
      role,
      url: this.url,
      username: id,
      password: this.password(id),
    });
    this.devices.push(d);
    return d;
  }

  /** A raw MQTT client logged in as `id` with its real password (an attacker who has it). */
  login(id: string): Promise<MqttClient> {
    return this.pool.connect(this.url, { username: id, password: this.password(id), clientId: id });
  }

  async close(): Promise<void> {
    await this.pool.endAll();
    for (const d of this.devices.splice(0)) await closeDevice(d);
    await (this.hub as RunningHub | undefined)?.stop().catch(() => undefined);
    await this.broker?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A well-formed event of `device` (what a forger would send), stamped now unless told otherwise. */
export function forgedEvent(
  device: string,
  seq: number,
  day: string,
  type: string,
  data: unknown,
  ms = Date.now(),
): unknown {
  return {
    v: 1,
    id: `${device}:${seq}`,
    device,
    seq,
    hlc: encodeHlc({ ms, counter: 0, node: device }),
    day,
    type,
    data,
  };
}

/** Publishes one batch on `device`'s events topic as `client` (QoS 1). */
export async function upload(
  client: MqttClient,
  centreId: string,
  device: string,
  events: readonly unknown[],
  topicDevice = device,
): Promise<void> {
  await client.publishAsync(
    eventsTopic(centreId, topicDevice),
    JSON.stringify({ deviceId: device, events }),
    {
      qos: 1,
    },
  );
}
