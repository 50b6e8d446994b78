/**
 * The embedded MQTT broker (Aedes): the zero-setup default, so `npm start` runs a whole centre with nothing
 * else installed. Production sites run Mosquitto (see build/mosquitto). Aedes speaks MQTT 3.1.1 only, so the
 * protocol carries reply topics and correlation ids in payloads, never MQTT 5 properties.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import type { CentreConfig, Logger } from '@motcua/shared';
import { mayPublish, parseTopic, type Role } from '@motcua/shared/sync/topics';

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
  /** The password of the hub's own client (user "hub"). */
  readonly hubPassword: string;
}

/**
 * Access rules, the same as the generated Mosquitto ACL (both come from topics.ts): when the config lists
 * devices, a client must log in as one of them (or as the hub, with the hub's secret) and may publish only
 * what its role allows on its own topics. With no devices listed, anyone but "hub" may connect and publish
 * on device topics.
 */
export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const log = opts.logger.child('broker');
  const roles = new Map<string, Role>(opts.config.devices.map((d) => [d.id, d.role]));
  const open = roles.size === 0;
  const centre = opts.config.centre.id;
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const isHub = username === 'hub' && password?.toString() === opts.hubPassword;
      const ok = isHub || (username !== undefined && roles.has(username)) || (open && username !== 'hub');
      if (!ok) log.warn('connection refused', { client: client.id, username: username ?? null });
      // Aedes does not keep the username: remember it on the client for authorizePublish.
      if (ok) (client as unknown as { motcuaUser?: string }).motcuaUser = username;
      done(null, ok);
    },
    authorizePublish: (client, packet, done) => {
      const user = (client as unknown as { motcuaUser?: string } | null)?.motcuaUser;
      const role: Role | undefined =
        user === 'hub' ? 'hub' : user === undefined ? undefined : roles.get(user);
      if (role !== undefined && user !== undefined && mayPublish(role, user, centre, packet.topic)) {
        done(null);
        return;
      }
      // Demo mode: a device may publish on its own device topics, any request kind; never on hub topics.
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
      log.warn('publish refused', { user: user ?? null, topic: packet.topic });
      done(new Error('not authorised'));
    },
  });
  aedes.on('clientError', (client, err) => {
    // A device that vanished mid-write is routine (it reconnects and re-sends); anything else is worth a warning.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ECONNRESET')
      log.debug(() => `client ${client.id} gone: ${err.message}`);
    else log.warn('client error', { client: client.id, message: err.message });
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
