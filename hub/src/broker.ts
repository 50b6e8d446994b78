/**
 * The embedded MQTT broker (Aedes): the zero-setup default, so `npm start` runs a whole centre with nothing
 * else installed. Production sites run Mosquitto (see build/mosquitto). Aedes speaks MQTT 3.1.1 only, so the
 * protocol carries reply topics and correlation ids in payloads, never MQTT 5 properties.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import type { Logger } from '@motcua/shared';

export interface EmbeddedBroker {
  readonly port: number;
  readonly host: string;
  readonly url: string;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(opts: {
  port: number;
  host: string;
  logger: Logger;
}): Promise<EmbeddedBroker> {
  const log = opts.logger.child('broker');
  const aedes = await Aedes.createBroker();
  aedes.on('clientError', (client, err) => {
    log.warn('client error', { client: client.id, message: err.message });
  });
  const server: Server = createServer(aedes.handle);
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
