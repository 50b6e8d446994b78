/**
 * The demo's simulator: citizens take numbers at the kiosks and officers call, serve and finish at their
 * counters, and citizens rate, all through the same device commands the screens use, so every screen shows a
 * living hall. `speed` compresses time: at 10, a 6-minute service takes 36 s. Stopping it leaves the devices
 * running, so a person can play every role by hand (`--no-sim` never starts it).
 */
import type { CentreConfig, Logger } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { Prng } from '@motcua/shared/sim/prng';

type Commands = Record<string, (arg: never) => Promise<Result<unknown>>>;
type Call = (cmd: string, arg?: unknown) => Promise<Result<unknown>>;

/** The devices the simulator drives, as their command tables (what a screen would call). */
export interface SimDevices {
  readonly kiosks: readonly { readonly id: string; readonly api: DeviceApi<unknown, Commands> }[];
  readonly counters: readonly {
    readonly counterId: string;
    readonly officerId: string | null;
    readonly pin: string | null;
    readonly api: DeviceApi<unknown, Commands>;
    readonly rating: DeviceApi<unknown, Commands> | null;
  }[];
}

export interface DemoSimOptions {
  readonly config: CentreConfig;
  readonly devices: SimDevices;
  readonly speed: number;
  readonly logger: Logger;
  readonly say: (line: string) => void;
  readonly seed?: number;
}

const call =
  (api: DeviceApi<unknown, Commands>): Call =>
  (cmd, arg) => {
    const f = api.commands[cmd] as ((a: unknown) => Promise<Result<unknown>>) | undefined;
    if (f === undefined) return Promise.resolve({ ok: false, reason: 'bad-request', message: `no ${cmd}` });
    return f(arg);
  };

interface CounterLook {
  readonly status?: string;
  readonly officer?: { readonly id: string } | null;
  readonly current?: { readonly ticketId: string; readonly display: string; readonly status: string } | null;
}

/** Minutes of real time between two events that take `minutes` in the hall, at this speed. */
const scaled = (minutes: number, speed: number): number => (minutes * 60_000) / speed;

export function startDemoSimulator(o: DemoSimOptions): () => Promise<void> {
  const rng = new Prng(o.seed ?? Date.now() % 1_000_000);
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  const later = (ms: number, fn: () => Promise<void>): void => {
    if (stopping) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (stopping) return;
      fn().catch((e: unknown) => o.logger.debug(() => `demo sim: ${(e as Error).message}`));
    }, ms);
    timers.add(t);
  };
  const served = new Set(
    o.devices.counters.flatMap((c) => o.config.counters.find((x) => x.id === c.counterId)?.areas ?? []),
  );
  const areas = o.config.areas.filter((a) => served.has(a.id));
  const areaName = new Map(o.config.areas.map((a) => [a.id, a.name]));
  // Citizens: about one arrival per active counter every 4 hall-minutes (a busy morning).
  const arrivalMinutes = 4 / Math.max(1, o.devices.counters.length);
  const arrive = async (): Promise<void> => {
    const kiosk = rng.pick([...o.devices.kiosks]);
    const area = rng.pick(areas);
    const priority =
      o.config.priorityCategories.length > 0 && rng.chance(0.08)
        ? rng.pick(o.config.priorityCategories).id
        : null;
    const r = (await call(kiosk.api)('take', { area: area.id, priority })) as Result<{ display: string }>;
    if (r.ok)
      o.say(
        `${kiosk.id}: số ${r.value.display} — ${areaName.get(area.id) ?? area.id}${priority ? ' (ưu tiên)' : ''}`,
      );
    later(scaled(arrivalMinutes * (0.3 + 1.4 * rng.next()), o.speed), arrive);
  };
  if (areas.length > 0 && o.devices.kiosks.length > 0) later(500, arrive);

  for (const c of o.devices.counters) {
    // `c.api` is a getter: a new configuration from the hub restarts the runtime, and the panel's commands and
    // view then come from the new one.
    const act: Call = (cmd, arg) => call(c.api)(cmd, arg);
    const latest: { view: CounterLook | null } = { view: null };
    let watched: DeviceApi<unknown, Commands> | null = null;
    const watch = (): void => {
      if (watched === c.api) return;
      watched = c.api;
      watched.subscribe((v) => {
        latest.view = v as CounterLook;
      });
    };
    watch();
    const number = o.config.counters.find((x) => x.id === c.counterId)?.number ?? 0;
    let said: string | null = null;
    const step = async (): Promise<void> => {
      watch();
      const v = latest.view;
      let wait = 0.5;
      if (v === null) wait = 0.2;
      else if (v.officer == null && c.officerId !== null) {
        await act('login', { officerId: c.officerId, ...(c.pin === null ? {} : { pin: c.pin }) });
      } else if (v.status !== 'open') {
        await act('open');
      } else if (v.current == null) {
        const r = await act('next');
        // Nobody waiting: look again in a hall-minute.
        wait = r.ok ? 0.5 : 1;
      } else if (v.current.status === 'called') {
        if (said !== v.current.ticketId) {
          said = v.current.ticketId;
          o.say(`MỜI CÔNG DÂN CÓ SỐ ${v.current.display} — QUẦY ${String(number)}`);
        }
        // One citizen in twelve never comes: the officer recalls once, then marks a no-show.
        if (rng.chance(1 / 12)) {
          await act('recall');
          await act('noShow');
        } else await act('start');
        wait = 0.6;
      } else {
        const minutes = 2 + rng.next() * 8;
        later(scaled(minutes, o.speed), async () => {
          const r = await act('finish', {});
          if (r.ok && c.rating !== null && rng.chance(0.7)) {
            const level = rng.chance(0.75) ? 5 : rng.pick([1, 2, 3, 4]);
            const rate = call(c.rating);
            later(scaled(0.3, o.speed), async () => {
              await rate('rate', level <= 2 ? { level, reasons: [] } : { level });
            });
          }
          later(scaled(0.5, o.speed), step);
        });
        return;
      }
      later(scaled(wait, o.speed), step);
    };
    later(1000 + rng.next() * 2000, step);
  }
  return async () => {
    stopping = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await Promise.resolve();
  };
}
