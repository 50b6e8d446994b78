/**
 * The demo centre behind `npm start`: besides the hub, simulated kiosks and counters connect to the embedded
 * broker as real devices (each with its own SQLite file and sync link) and run a slow, endless day, so a
 * newcomer sees numbers issued, printed and called within seconds. Screens come with later capabilities.
 */
import { join } from 'node:path';
import { EventStore, printOutcome, type CentreConfig, type Clock, type Logger } from '@motcua/shared';
import { Prng } from '@motcua/shared/sim/prng';
import { DeviceSync } from '@motcua/shared/sync/device-sync';
import { KioskIssuer } from '@motcua/kiosk/issuer';
import { CounterPanel } from '@motcua/counter-display/counter';

export interface DemoOptions {
  readonly config: CentreConfig;
  readonly brokerUrl: string;
  /** Each device's broker password (the hub provisions them on first start). */
  readonly passwords?: Readonly<Record<string, string>>;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** One line per thing that happens in the hall. */
  readonly say: (line: string) => void;
  /** Milliseconds between a kiosk's tickets, on average. */
  readonly pace?: number;
  readonly counters?: number;
}

export function startDemoDevices(o: DemoOptions): () => Promise<void> {
  const rng = new Prng(Date.now() % 1_000_000);
  const pace = o.pace ?? 1500;
  const devices: { sync: DeviceSync; store: EventStore }[] = [];
  const timers: NodeJS.Timeout[] = [];
  let stopping = false;
  const device = (id: string, role: string): { sync: DeviceSync; store: EventStore } => {
    const store = new EventStore({
      path: join(o.dataDir, `${id}.db`),
      deviceId: id,
      config: o.config,
      clock: o.clock,
      logger: o.logger,
    });
    const sync = new DeviceSync({
      url: o.brokerUrl,
      centreId: o.config.centre.id,
      deviceId: id,
      role,
      username: id,
      ...(o.passwords?.[id] === undefined ? {} : { password: o.passwords[id] }),
      store,
      clock: o.clock,
      logger: o.logger,
    });
    sync.start();
    devices.push({ sync, store });
    return { sync, store };
  };
  const every = (ms: number, fn: () => Promise<void>): void => {
    const tick = (): void => {
      if (stopping) return;
      fn()
        .catch((e: unknown) => o.logger.debug(() => `demo: ${(e as Error).message}`))
        .finally(() => {
          if (!stopping) timers.push(setTimeout(tick, ms * (0.5 + rng.next())));
        });
    };
    timers.push(setTimeout(tick, ms * rng.next()));
  };
  const areaName = new Map(o.config.areas.map((a) => [a.id, a.name]));
  for (const k of o.config.kiosks) {
    const d = device(k.id, 'kiosk');
    const issuer = new KioskIssuer({
      kioskId: k.id,
      config: o.config,
      store: d.store,
      sync: d.sync,
      clock: o.clock,
      logger: o.logger,
    });
    every(pace, async () => {
      if (!d.sync.connected) return;
      await issuer.refreshLeases();
      const areas = k.areas ?? o.config.areas.map((a) => a.id);
      const area = rng.pick(areas);
      const priority =
        o.config.priorityCategories.length > 0 && rng.chance(0.1)
          ? rng.pick(o.config.priorityCategories).id
          : null;
      const t = await issuer.issue(area, priority);
      d.store.commit((s) => printOutcome(s, t.ticketId, { kind: 'printed', copies: 1 }));
      d.sync.flush();
      o.say(`${k.id}: số ${t.display} — ${areaName.get(area) ?? area}${priority ? ' (ưu tiên)' : ''}`);
    });
  }
  for (const c of o.config.counters.slice(0, o.counters ?? 8)) {
    const d = device(`counter-${c.id}`, 'counter');
    const panel = new CounterPanel({
      counterId: c.id,
      config: o.config,
      store: d.store,
      sync: d.sync,
      logger: o.logger,
    });
    let opened = false;
    every(pace * 3, async () => {
      if (!d.sync.connected) return;
      if (!opened) {
        await d.sync.request('counter', { counterId: c.id, action: { kind: 'open' } });
        opened = true;
      }
      const r = await panel.act('next');
      const t = r.ticketId === null ? undefined : d.store.state.tickets.get(r.ticketId);
      if (t) o.say(`MỜI CÔNG DÂN CÓ SỐ ${t.number} — QUẦY ${c.number}`);
    });
  }
  return async () => {
    stopping = true;
    for (const t of timers) clearTimeout(t);
    for (const d of devices) {
      await d.sync.stop();
      d.store.close();
    }
  };
}
