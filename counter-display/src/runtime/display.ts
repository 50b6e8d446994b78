/**
 * The counter display (above the counter, facing the citizen): the number being served there, the counter's
 * state and the officer's name, title and photo, from the display's own copy of the events (it keeps showing
 * the truth of what this counter does while the hub is down, as long as the broker carries the counter's
 * events). The rating pad (rating.ts) shows the same between ratings: `counterDisplayFields` is shared.
 */
import { displayNumber, type CentreConfig, type CounterConfig, type QueueState } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import type { z } from 'zod';
import { initialsOf, loadOfficerPhotos } from './photos.js';

export interface DisplayOfficerView {
  readonly id: string;
  readonly name: string | null;
  readonly title: string | null;
  /** Shown in a coloured circle when there is no photo. */
  readonly initials: string;
  /** A data: URL (PNG, JPEG or WebP), or null: initials are shown. */
  readonly photo: string | null;
}

/** What the counter display shows; the rating pad's view carries the same fields. */
export interface CounterDisplayFields {
  readonly counterId: string;
  readonly number: number;
  readonly name: string | null;
  readonly hubOnline: boolean;
  readonly status: 'closed' | 'open' | 'paused';
  readonly pauseReason: string | null;
  readonly officer: DisplayOfficerView | null;
  /** The number called or being served here. */
  readonly current: {
    readonly ticketId: string;
    readonly display: string;
    readonly status: string;
  } | null;
}

export interface CounterDisplayView extends CounterDisplayFields {
  /** Which page set the screen shows. */
  readonly role: 'display';
}

export type CounterDisplayCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;
export const counterDisplayCommandArgs: Record<string, z.ZodType> = {};

/** Options shared by the display and the rating pad for what they show. */
export interface DisplayShowOptions {
  /** The configuration file's folder: officers' photo paths are relative to it. Without it, initials only. */
  readonly configDir?: string;
  /** Largest photo file read (default 256 KB); a larger one is left out and logged. */
  readonly photoMaxBytes?: number;
}

export type CounterDisplayOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> &
  DisplayShowOptions & {
    readonly counterId: string;
    /** Defaults to `display-<counterId>`. */
    readonly deviceId?: string;
  };

/** The counter's part of the display, computed from the queue state. */
export function counterDisplayFields(
  config: CentreConfig,
  counter: CounterConfig,
  photos: ReadonlyMap<string, string>,
  s: QueueState,
  hubOnline: boolean,
): CounterDisplayFields {
  const c = s.counters.get(counter.id);
  const t = c?.current == null ? undefined : s.tickets.get(c.current);
  const area = t ? config.areas.find((a) => a.id === t.areaId) : undefined;
  const officerId = c?.officerId ?? null;
  const officer = officerId === null ? undefined : config.officers.find((x) => x.id === officerId);
  return {
    counterId: counter.id,
    number: counter.number,
    name: counter.name ?? null,
    hubOnline,
    status: c?.status ?? 'closed',
    pauseReason: c?.pauseReason ?? null,
    officer:
      officerId === null
        ? null
        : {
            id: officerId,
            name: officer?.name ?? null,
            title: officer?.title ?? null,
            initials: initialsOf(officer?.name ?? officerId),
            photo: photos.get(officerId) ?? null,
          },
    current: t && area ? { ticketId: t.id, display: displayNumber(area, t.number), status: t.status } : null,
  };
}

/** The configured counter, or an error naming it (the caller stops what it opened). */
export function findCounter(config: CentreConfig, counterId: string): CounterConfig {
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) throw new Error(`unknown counter ${counterId} in the centre's configuration`);
  return counter;
}

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
  let counter: CounterConfig;
  try {
    counter = findCounter(config, o.counterId);
  } catch (e) {
    void core.stop();
    throw e;
  }
  const photos = loadOfficerPhotos(config, {
    configDir: o.configDir,
    maxBytes: o.photoMaxBytes,
    logger: core.logger,
  });
  const view = (): CounterDisplayView => ({
    role: 'display',
    ...counterDisplayFields(config, counter, photos, store.state, core.sync.connected),
  });
  return bindDevice({ core, role: 'display', view, commands: {} });
}
