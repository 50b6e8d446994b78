/**
 * A centre for the device runtimes' tests (kiosk/test, counter-display/test): a real Mosquitto on an
 * OS-assigned port and the hub on it; the devices are started by the test through their runtimes
 * (`dataDir: centre.dir`, `brokerUrl: centre.broker.url`). `close()` stops the hub and the broker and removes
 * the directory; the test stops its own devices first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock, type CentreConfig, type Clock, type Logger } from '@motcua/shared';
import type { Catalogue } from '@motcua/shared/catalogue/schema';
import { startHub, type HubOptions, type RunningHub } from '@motcua/hub/hub';
import { defaultTestConf, startMosquitto, type RunningMosquitto } from './mosquitto.js';

export interface TestCentreRun {
  readonly dir: string;
  readonly config: CentreConfig;
  readonly broker: RunningMosquitto;
  hub: RunningHub | null;
  /** Starts the hub again (after `stopHub`) on the same data. */
  startHub(): Promise<RunningHub>;
  stopHub(): Promise<void>;
  /** Stops the hub and the broker, keeping the devices' files (a centre cut off from everything). */
  down(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCentre(o: {
  config: CentreConfig;
  clock?: Clock;
  logger?: Logger;
  leaseBlockSize?: number;
  /** The procedure catalogue the hub publishes to look-up terminals. */
  catalogue?: Catalogue;
  /** The supervisors' dashboard's options (it starts when the config's dashboard.enabled is true). */
  dashboard?: HubOptions['dashboard'];
}): Promise<TestCentreRun> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-device-'));
  const broker = await startMosquitto({ conf: defaultTestConf({ persistence: false }) });
  const hubOf = (): Promise<RunningHub> =>
    startHub({
      config: o.config,
      dataDir: join(dir, 'hub'),
      brokerUrl: broker.url,
      clock: o.clock ?? systemClock,
      logger: o.logger ?? silentLogger,
      leaseBlockSize: o.leaseBlockSize ?? 10,
      ...(o.catalogue === undefined ? {} : { catalogue: o.catalogue }),
      ...(o.dashboard === undefined ? {} : { dashboard: o.dashboard }),
    });
  let brokerDown = false;
  const run: TestCentreRun = {
    dir,
    config: o.config,
    broker,
    hub: null,
    async startHub() {
      run.hub = await hubOf();
      return run.hub;
    },
    async stopHub() {
      const h = run.hub;
      run.hub = null;
      await h?.stop();
    },
    async down() {
      await run.stopHub().catch(() => undefined);
      if (!brokerDown) await broker.stop();
      brokerDown = true;
    },
    async close() {
      await run.down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await run.startHub();
  } catch (e) {
    await broker.stop();
    throw e;
  }
  return run;
}

/** Waits until `cond` holds (checked every 10 ms) or throws after `timeoutMs`. */
export async function until(cond: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
