/**
 * The counter display (above the counter, facing the citizen): the number being served there, the counter's
 * state and the officer's name, from the display's own copy of the events (it keeps showing the truth of what
 * this counter does while the hub is down, as long as the broker carries the counter's events).
 */
import { displayNumber } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import type { z } from 'zod';

export interface CounterDisplayView {
  /** Which page set the screen shows. */
  readonly role: 'display';
  readonly counterId: string;
  readonly number: number;
  readonly name: string | null;
  readonly hubOnline: boolean;
  readonly status: 'closed' | 'open' | 'paused';
  readonly pauseReason: string | null;
  readonly officer: {
    readonly id: string;
    readonly name: string | null;
    readonly title: string | null;
  } | null;
  /** The number called or being served here. */
  readonly current: { readonly ticketId: string; readonly display: string; readonly status: string } | null;
}

export type CounterDisplayCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;
export const counterDisplayCommandArgs: Record<string, z.ZodType> = {};

export type CounterDisplayOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> & {
  readonly counterId: string;
  /** Defaults to `display-<counterId>`. */
  readonly deviceId?: string;
};

export function startCounterDisplay(
  o: CounterDisplayOptions,
): DeviceApi<CounterDisplayView, CounterDisplayCommands> {
  const core = openDevice({
    hearDevices: true,
    ...o,
    role: 'display',
    deviceId: o.deviceId ?? `display-${o.counterId}`,
  });
  const { config, store } = core;
  const counter = config.counters.find((c) => c.id === o.counterId);
  if (!counter) {
    void core.stop();
    throw new Error(`unknown counter ${o.counterId} in the centre's configuration`);
  }
  const view = (): CounterDisplayView => {
    const s = store.state;
    const c = s.counters.get(o.counterId);
    const t = c?.current == null ? undefined : s.tickets.get(c.current);
    const area = t ? config.areas.find((a) => a.id === t.areaId) : undefined;
    const officer = c?.officerId == null ? undefined : config.officers.find((x) => x.id === c.officerId);
    return {
      role: 'display',
      counterId: counter.id,
      number: counter.number,
      name: counter.name ?? null,
      hubOnline: core.sync.connected,
      status: c?.status ?? 'closed',
      pauseReason: c?.pauseReason ?? null,
      officer:
        c?.officerId == null
          ? null
          : { id: c.officerId, name: officer?.name ?? null, title: officer?.title ?? null },
      current:
        t && area ? { ticketId: t.id, display: displayNumber(area, t.number), status: t.status } : null,
    };
  };
  return bindDevice({ core, role: 'display', view, commands: {} });
}
