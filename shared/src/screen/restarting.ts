/**
 * A device in browser mode that applies a new configuration from the hub by restarting its runtime in place.
 * The runtimes read their configuration once, at boot (from SQLite, so they boot offline); when the hub sends a
 * newer revision, the device stores it and this wrapper stops the screen server and the runtime, starts the
 * runtime again (it boots with the stored revision) and serves the screen again on the same port. The open screen
 * sees its link drop and reconnects by itself, as after any runtime restart: an admin's change on the dashboard
 * reaches the kiosk in the hall with no one touching it.
 */
import { silentLogger, type Logger } from '../runtime/logger.js';
import type { DeviceApi, Result } from '../device/api.js';
import { serveScreen, type ScreenServer } from './server.js';
import type { CommandArgSchemas } from './session.js';

type AnyCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;

/** One start of the device: its API, its command schemas, and anything else to stop with it (a keypad). */
export interface StartedDevice<A extends DeviceApi<unknown, AnyCommands>> {
  readonly api: A;
  readonly commandArgs: CommandArgSchemas<AnyCommands>;
  readonly stopExtras?: () => Promise<void>;
}

export interface RestartingDevice<A> {
  readonly url: string;
  readonly port: number;
  /** The runtime serving now (a new one after each restart). */
  current(): A;
  /** How many times a new configuration restarted the runtime. */
  restarts(): number;
  stop(): Promise<void>;
}

export async function serveRestartingDevice<A extends DeviceApi<unknown, AnyCommands>>(o: {
  /** Starts the runtime; it calls `onNewConfig` when it stored a newer configuration than it runs. */
  readonly start: (onNewConfig: (revision: number) => void) => Promise<StartedDevice<A>>;
  readonly host?: string;
  readonly port: number;
  readonly staticDir: string;
  readonly logger?: Logger;
}): Promise<RestartingDevice<A>> {
  const log = (o.logger ?? silentLogger).child('device-restart');
  let stopping: Promise<void> | undefined;
  let restarts = 0;
  let queued = false;
  let chain: Promise<void> = Promise.resolve();
  const serve = async (d: StartedDevice<A>, port: number): Promise<ScreenServer> => {
    try {
      return await serveScreen({
        host: o.host ?? '127.0.0.1',
        port,
        staticDir: o.staticDir,
        api: d.api,
        commandArgs: d.commandArgs,
        ...(o.logger === undefined ? {} : { logger: o.logger }),
      });
    } catch (e) {
      await d.stopExtras?.();
      await d.api.stop();
      throw e;
    }
  };
  const stopBoth = async (s: ScreenServer, d: StartedDevice<A>): Promise<void> => {
    await s.close();
    await d.stopExtras?.();
    await d.api.stop();
  };
  const onNewConfig = (revision: number): void => {
    if (stopping !== undefined || queued) return;
    queued = true;
    chain = chain.then(async () => {
      queued = false;
      if (stopping !== undefined) return;
      log.info('a new configuration from the hub: restarting the runtime to apply it', { revision });
      await stopBoth(server, device);
      device = await o.start(onNewConfig);
      server = await serve(device, port);
      restarts += 1;
    });
    chain = chain.catch((e: unknown) => {
      // The runtime could not start again (its port taken?): say so loudly; the device needs a hand.
      log.error('restart after a new configuration failed', { message: (e as Error).message });
    });
  };
  let device = await o.start(onNewConfig);
  let server = await serve(device, o.port);
  const port = server.port;
  return {
    url: server.url,
    port,
    current: () => device.api,
    restarts: () => restarts,
    stop() {
      stopping ??= chain.then(() => stopBoth(server, device));
      return stopping;
    },
  };
}
