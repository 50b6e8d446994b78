/**
 * The demo centre behind `npm start`: besides the hub, simulated kiosks and counters connect to the embedded
 * broker as real devices, started through the product's device runtimes (startKiosk, startCounter: each with
 * its own SQLite file, sync link and the hub's clock), and run a slow, endless day, so a newcomer sees numbers
 * issued, printed and called within seconds. The kiosks print on the fake ESC/POS printer (there is no paper
 * here). Screens come with later capabilities.
 */
import type { CentreConfig, Clock, Logger } from '@motcua/shared';
import { Prng } from '@motcua/shared/sim/prng';
import { startKiosk } from '@motcua/kiosk/runtime/kiosk';
import { startCounter, type CounterView } from '@motcua/counter-display/runtime/counter';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';

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
  const devices: { stop(): Promise<void> }[] = [];
  const timers: NodeJS.Timeout[] = [];
  let stopping = false;
  const common = {
    dataDir: o.dataDir,
    brokerUrl: o.brokerUrl,
    config: o.config,
    clock: o.clock,
    logger: o.logger,
  };
  /** The broker log-in of a demo device: its id, and the password provisioned for it when the broker is locked. */
  const login = (id: string): { username: string; password?: string } =>
    o.passwords?.[id] === undefined ? { username: id } : { username: id, password: o.passwords[id] };
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
    const paper = new FakePrinter();
    const kiosk = startKiosk({
      ...common,
      kioskId: k.id,
      ...login(k.id),
      printer: { openTransport: () => Promise.resolve(new FakeTransport(paper)) },
    });
    devices.push(kiosk);
    every(pace, async () => {
      if (!kiosk.status().connected) return;
      paper.clearReceived();
      const areas = k.areas ?? o.config.areas.map((a) => a.id);
      const area = rng.pick(areas);
      const priority =
        o.config.priorityCategories.length > 0 && rng.chance(0.1)
          ? rng.pick(o.config.priorityCategories).id
          : null;
      const r = await kiosk.commands.take({ area, priority });
      if (r.ok)
        o.say(
          `${k.id}: số ${r.value.display} — ${areaName.get(area) ?? area}${priority ? ' (ưu tiên)' : ''}`,
        );
      else o.logger.debug(() => `demo: ${k.id} ${r.reason}`);
    });
  }
  for (const c of o.config.counters.slice(0, o.counters ?? 8)) {
    const counter = startCounter({ ...common, counterId: c.id, ...login(`counter-${c.id}`) });
    devices.push(counter);
    // Say each call once, when the counter's own view shows a new ticket called (a recall is not a new call).
    const latest: { view: CounterView | null } = { view: null };
    let said: string | null = null;
    counter.subscribe((v) => {
      latest.view = v;
      const cur = v.current;
      if (cur !== null && cur.ticketId !== said && cur.status === 'called') {
        said = cur.ticketId;
        o.say(`MỜI CÔNG DÂN CÓ SỐ ${cur.display} — QUẦY ${c.number}`);
      }
    });
    let opened = false;
    every(pace * 3, async () => {
      if (!counter.status().connected) return;
      if (!opened) opened = (await counter.commands.open()).ok;
      // An officer serves the citizen in front of them before calling the next one.
      const current = latest.view?.current ?? null;
      if (current !== null) {
        if (current.status === 'called') await counter.commands.start();
        await counter.commands.finish({});
      }
      await counter.commands.next();
    });
  }
  return async () => {
    stopping = true;
    for (const t of timers) clearTimeout(t);
    for (const d of devices) await d.stop();
  };
}
