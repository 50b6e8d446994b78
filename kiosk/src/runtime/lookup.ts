/**
 * The look-up terminal's runtime: the queue status of every area (waiting, estimated wait), computed from the
 * terminal's own copy of the day's events, so it keeps answering while the hub is down.
 *
 * Extension point: the procedure catalogue search and the dossier look-up come later as commands of
 * `LookupCommands` (with their zod schemas in `lookupCommandArgs`); the view then grows a `results` field.
 */
import { z } from 'zod';
import { estimatedWaitMinutes, issuingWindow } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';

export interface LookupAreaView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly departmentId: string;
  readonly waiting: number;
  /** Minutes for a ticket taken now; null when no counter serving the area is open. */
  readonly estimatedWaitMinutes: number | null;
  /** Counters serving the area that are open now. */
  readonly openCounters: number;
}

export interface LookupView {
  readonly day: string;
  readonly hubOnline: boolean;
  /** Whether tickets can be taken at the kiosks now. */
  readonly issuing: boolean;
  readonly areas: readonly LookupAreaView[];
}

/** No commands yet: catalogue search and dossier look-up come here. */
export type LookupCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;

export const lookupCommandArgs: Record<string, z.ZodType> = {};

export type LookupOptions = Omit<OpenDeviceOptions, 'role'>;

export function startLookup(o: LookupOptions): DeviceApi<LookupView, LookupCommands> {
  const core = openDevice({ ...o, role: 'lookup' });
  const { config, store, sync, clock } = core;
  const view = (): LookupView => {
    const s = store.state;
    return {
      day: store.day,
      hubOnline: sync.connected,
      issuing: issuingWindow(config, clock.now()).open,
      areas: config.areas.map((a) => {
        const waiting = s.waitingByArea.get(a.id)?.size ?? 0;
        return {
          id: a.id,
          name: a.name,
          nameEn: a.nameEn ?? null,
          departmentId: a.departmentId,
          waiting,
          estimatedWaitMinutes: estimatedWaitMinutes(s, config, a.id, waiting),
          openCounters: config.counters.filter(
            (c) => c.areas.includes(a.id) && s.counters.get(c.id)?.status === 'open',
          ).length,
        };
      }),
    };
  };
  return bindDevice({ core, role: 'lookup', view, commands: {} });
}
