/**
 * The whole demo centre behind `npm start`: the hub on its embedded broker, and every device a centre has,
 * each started through its product runtime in browser mode (its own SQLite file, broker log-in and screen
 * served on 127.0.0.1): the kiosks (a virtual printer; each ticket also saved as a PNG), the look-up terminal,
 * officer panels, the citizen-facing counter displays with their rating pads, the hall board. A simulator
 * (optional) plays citizens and officers through the same commands the screens use.
 */
import { join } from 'node:path';
import type { CentreConfig, Clock, Logger } from '@motcua/shared';
import type { Catalogue } from '@motcua/shared/catalogue/schema';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { startHub, type RunningHub } from '@motcua/hub/hub';
import { startKioskBrowserMode, startLookupBrowserMode } from '@motcua/kiosk/browser-mode';
import { startCounterBrowserMode, type CounterAppRole } from '@motcua/counter-display/browser-mode';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { buildDemoScreens } from './screens.js';
import { saveTicketPictures, type TicketPictures } from './ticket-pictures.js';
import { startDemoSimulator, type SimDevices } from './simulator.js';

type Commands = Record<string, (arg: never) => Promise<Result<unknown>>>;

export interface DemoCentreOptions {
  readonly config: CentreConfig;
  readonly catalogue?: Catalogue;
  readonly dataDir: string;
  /** The embedded MQTT broker's port (0: any free port). */
  readonly mqttPort: number;
  /** Screens are served on consecutive ports from here (0: any free ports, for tests). */
  readonly basePort: number;
  /** How many counters have an officer panel and a rating pad (the first ones in the config). */
  readonly counters: number;
  /** null: no simulator; a person plays every role. */
  readonly speed: number | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly say: (line: string) => void;
  /** PINs the simulator's officers log in with (officer id → PIN), when the config asks for PINs. */
  readonly officerPins?: Readonly<Record<string, string>>;
}

export interface DemoScreen {
  readonly name: string;
  readonly url: string;
}

export interface DemoCentre {
  readonly hub: RunningHub;
  readonly screens: readonly DemoScreen[];
  readonly ticketDir: string;
  readonly pictures: readonly TicketPictures[];
  stop(): Promise<void>;
}

export async function startDemoCentre(o: DemoCentreOptions): Promise<DemoCentre> {
  const screens = await buildDemoScreens(o.dataDir);
  const hub = await startHub({
    config: o.config,
    ...(o.catalogue === undefined ? {} : { catalogue: o.catalogue }),
    dataDir: o.dataDir,
    port: o.mqttPort,
    clock: o.clock,
    logger: o.logger,
  });
  const stops: (() => Promise<void>)[] = [];
  const list: DemoScreen[] = [];
  const pictures: TicketPictures[] = [];
  let nextPort = o.basePort;
  const port = (): number => (o.basePort === 0 ? 0 : nextPort++);
  const login = (id: string): { username: string; password?: string } =>
    hub.devicePasswords[id] === undefined
      ? { username: id }
      : { username: id, password: hub.devicePasswords[id] };
  const common = {
    dataDir: o.dataDir,
    brokerUrl: hub.brokerUrl,
    config: o.config,
    clock: o.clock,
    logger: o.logger,
  };
  const ticketDir = join(o.dataDir, 'tickets');
  const sim: { kiosks: SimDevices['kiosks'][number][]; counters: SimDevices['counters'][number][] } = {
    kiosks: [],
    counters: [],
  };
  try {
    for (const k of o.config.kiosks) {
      const paper = new FakePrinter();
      const pics = saveTicketPictures({
        paper,
        dir: ticketDir,
        kioskId: k.id,
        paperWidth: o.config.ticket.paperWidth,
        profile: o.config.ticket.profile,
        logger: o.logger,
      });
      pictures.push(pics);
      const kiosk = await startKioskBrowserMode({
        runtime: {
          ...common,
          kioskId: k.id,
          ...login(k.id),
          printer: { openTransport: () => Promise.resolve(new FakeTransport(paper)) },
        },
        port: port(),
        staticDir: screens.kiosk,
        logger: o.logger,
      });
      stops.push(async () => {
        pics.stop();
        await kiosk.stop();
      });
      list.push({ name: `Kiosk lấy số ${k.id}`, url: kiosk.url });
      sim.kiosks.push({
        id: k.id,
        get api() {
          return kiosk.kiosk;
        },
      });
    }
    // The look-up terminal: it gets the catalogue from the hub (retained), like a real one.
    for (const l of o.config.devices.filter((d) => d.role === 'lookup').slice(0, 1)) {
      const lookup = await startLookupBrowserMode({
        runtime: { ...common, deviceId: l.id, ...login(l.id) },
        port: port(),
        staticDir: screens.kiosk,
        logger: o.logger,
      });
      stops.push(() => lookup.stop());
      list.push({ name: `Tra cứu thủ tục (look-up terminal) ${l.id}`, url: lookup.url });
    }
    /** Starts a device in browser mode; the getter follows its runtime across restarts for a new config. */
    const counterApp = async (
      name: string,
      role: CounterAppRole,
    ): Promise<() => DeviceApi<unknown, Commands>> => {
      const d = await startCounterBrowserMode({
        ...role,
        port: port(),
        staticDir: screens.counter,
        logger: o.logger,
      });
      stops.push(() => d.stop());
      list.push({ name, url: d.url });
      return () => d.device;
    };
    const boardId = o.config.devices.find((d) => d.role === 'display')?.id ?? 'board-hall';
    await counterApp('Bảng hiển thị sảnh (hall board)', {
      role: 'board',
      runtime: { ...common, deviceId: boardId, ...login(boardId) },
    });
    for (const [i, c] of o.config.counters.slice(0, o.counters).entries()) {
      const officer = o.config.officers[i] ?? null;
      const panel = await counterApp(`Quầy ${String(c.number)} — bàn cán bộ (officer panel)`, {
        role: 'counter',
        runtime: { ...common, counterId: c.id, ...login(`counter-${c.id}`) },
      });
      const ratingId = `rating-${c.id}`;
      const rating = await counterApp(
        `Quầy ${String(c.number)} — màn hình công dân và đánh giá (display + rating)`,
        {
          role: 'rating',
          runtime: { ...common, counterId: c.id, ...login(ratingId) },
        },
      );
      sim.counters.push({
        counterId: c.id,
        officerId: officer?.id ?? null,
        pin: officer === null ? null : (o.officerPins?.[officer.id] ?? null),
        get api() {
          return panel();
        },
        get rating() {
          return rating();
        },
      });
    }
  } catch (e) {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    await hub.stop();
    throw e;
  }
  const stopSim =
    o.speed === null
      ? null
      : startDemoSimulator({ config: o.config, devices: sim, speed: o.speed, logger: o.logger, say: o.say });
  let stopping: Promise<void> | undefined;
  return {
    hub,
    screens: list,
    ticketDir,
    pictures,
    stop() {
      stopping ??= (async () => {
        await stopSim?.();
        for (const s of stops.reverse())
          await s().catch((e: unknown) =>
            o.logger.warn('demo: a device did not stop cleanly', { error: (e as Error).message }),
          );
        await hub.stop();
      })();
      return stopping;
    },
  };
}
