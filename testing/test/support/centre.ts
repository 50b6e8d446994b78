/**
 * A small centre for sync tests: a real Mosquitto, the hub, and devices started through the device runtime
 * (`openDevice`: own SQLite file, DeviceSync, the hub's clock). Everything started here is stopped by `close()`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  silentLogger,
  systemClock,
  type CentreConfig,
  type Clock,
  type ConfigInput,
  type Logger,
} from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import { startMosquitto, type RunningMosquitto } from '@motcua/testing/mosquitto';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import type { DeviceRole } from '@motcua/shared/sync/topics';
import { seededRandom } from './seeded.js';

export function syncTestConfig(over: Partial<ConfigInput> = {}): CentreConfig {
  return testCentreConfig(over);
}

export type TestDevice = DeviceCore & { readonly id: string };

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

  device(id: string, role: DeviceRole, url = this.broker.url, clock: Clock = this.clock): TestDevice {
    const core = openDevice({
      role,
      deviceId: id,
      dataDir: this.dir,
      brokerUrl: url,
      config: this.config,
      clock,
      logger: this.logger,
      sync: {
        keepaliveS: 2,
        backoff: { initialMs: 50, maxMs: 1000 },
        resendMs: 300,
        gapCatchUpMs: 200,
        random: seededRandom(id),
      },
    });
    const d = Object.assign(core, { id });
    this.devices.push(d);
    return d;
  }

  async close(): Promise<void> {
    for (const d of this.devices.splice(0)) await d.stop();
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
