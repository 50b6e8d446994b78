/**
 * A small centre for sync tests: a real Mosquitto, the hub, and devices each with its own SQLite file and
 * DeviceSync. Everything started here is stopped by `close()`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStore,
  silentLogger,
  systemClock,
  type CentreConfig,
  type Clock,
  type ConfigInput,
  type Logger,
} from '@motcua/shared';
import { DeviceSync } from '@motcua/shared/sync/device-sync';
import { startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import { seededRandom } from './seeded.js';

export function syncTestConfig(over: Partial<ConfigInput> = {}): CentreConfig {
  return testCentreConfig(over);
}

export interface TestDevice {
  readonly id: string;
  readonly store: EventStore;
  readonly sync: DeviceSync;
  readonly path: string;
}

export class TestCentre {
  readonly dir = mkdtempSync(join(tmpdir(), 'motcua-centre-'));
  broker!: RunningMosquitto;
  hub!: RunningHub;
  readonly devices: TestDevice[] = [];

  constructor(
    readonly config: CentreConfig,
    readonly clock: Clock = systemClock,
    readonly logger: Logger = silentLogger,
  ) {}

  async start(opts: { persistence?: boolean } = {}): Promise<this> {
    const { defaultTestConf } = await import('@motcua/testing/mosquitto');
    this.broker = await startMosquitto({ conf: defaultTestConf({ persistence: opts.persistence ?? true }) });
    this.hub = await startHub({
      config: this.config,
      dataDir: join(this.dir, 'hub'),
      brokerUrl: this.broker.url,
      clock: this.clock,
      logger: this.logger,
      leaseBlockSize: 10,
    });
    return this;
  }

  device(id: string, role: string, url = this.broker.url, clock: Clock = this.clock): TestDevice {
    const path = join(this.dir, `${id}.db`);
    const store = new EventStore({ path, deviceId: id, config: this.config, clock, logger: this.logger });
    const sync = new DeviceSync({
      url,
      centreId: this.config.centre.id,
      deviceId: id,
      role,
      store,
      clock,
      logger: this.logger,
      keepaliveS: 2,
      backoff: { initialMs: 50, maxMs: 1000 },
      resendMs: 300,
      gapCatchUpMs: 200,
      random: seededRandom(id),
    });
    sync.start();
    const d = { id, store, sync, path };
    this.devices.push(d);
    return d;
  }

  async close(): Promise<void> {
    for (const d of this.devices.splice(0)) {
      await d.sync.stop().catch(() => undefined);
      d.store.close();
    }
    await this.hub.stop().catch(() => undefined);
    await this.broker.stop();
  }
}

export async function until(cond: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
