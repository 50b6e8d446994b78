/**
 * The rating pad at a counter: the citizen rates the service just finished there. Online through the hub's
 * `rate` request; when the hub certainly did not decide (mayActOffline), the pad records the rating itself: a
 * rating concerns only its own counter, and a second rating of one ticket is refused by the queue rules on merge.
 */
import { z } from 'zod';
import { displayNumber, rateService, type QueueState } from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { asReason, fail, failure, mayActOffline, ok, type DeviceReason } from '@motcua/shared/device/reasons';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import { RequestError } from '@motcua/shared/sync/device-sync';

export interface RatingOutcome {
  readonly ticketId: string | null;
  readonly mode: 'online' | 'offline';
}

export interface RatingCommands {
  [k: string]: (arg: never) => Promise<Result<unknown>>;
  /**
   * `ticketId` defaults to the ticket last finished here and not yet rated (null rates the counter without a
   * ticket). No free-text comment: the rating event has no field for one yet.
   */
  rate(arg: {
    level: number;
    reasons?: string[];
    ticketId?: string | null;
    dossierCode?: string | null;
  }): Promise<Result<RatingOutcome, DeviceReason>>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const ratingCommandArgs = {
  rate: z
    .object({
      level: z.number().int().min(1).max(10),
      reasons: z.array(id).max(10).optional(),
      ticketId: z.string().min(1).max(120).nullable().optional(),
      dossierCode: z.string().max(60).nullable().optional(),
    })
    .strict(),
} as const satisfies Record<keyof RatingCommands, z.ZodType>;

export interface RatingView {
  /** Which page set the screen shows. */
  readonly role: 'rating';
  readonly counterId: string;
  readonly hubOnline: boolean;
  readonly levels: readonly { readonly value: number; readonly label: string; readonly labelEn: string }[];
  readonly reasons: readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  /** Levels at or below this ask for reasons. */
  readonly reasonsAtOrBelow: number;
  /** The ticket just finished here and not rated yet: what the pad asks about. */
  readonly toRate: { readonly ticketId: string; readonly display: string } | null;
}

export type RatingOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> & {
  readonly counterId: string;
  /** Defaults to `rating-<counterId>`. */
  readonly deviceId?: string;
  readonly onlineTimeoutMs?: number;
};

function lastUnrated(s: QueueState, counterId: string): string | null {
  let best: { id: string; at: number } | null = null;
  for (const t of s.tickets.values())
    if (t.status === 'done' && t.counterId === counterId && !t.rated && t.finishedAt !== null)
      if (best === null || t.finishedAt > best.at) best = { id: t.id, at: t.finishedAt };
  return best?.id ?? null;
}

export function startRatingPad(o: RatingOptions): DeviceApi<RatingView, RatingCommands> {
  const core = openDevice({ ...o, role: 'ratingpad', deviceId: o.deviceId ?? `rating-${o.counterId}` });
  const { config, store } = core;
  const counterId = o.counterId;
  const commands: RatingCommands = {
    async rate(arg) {
      if (core.isStopped()) return fail('stopped', 'the rating pad is stopping');
      const body = {
        counterId,
        ticketId: arg.ticketId === undefined ? lastUnrated(store.state, counterId) : arg.ticketId,
        level: arg.level,
        reasons: arg.reasons ?? [],
        dossierCode: arg.dossierCode ?? null,
      };
      try {
        await core.sync.request('rate', body, undefined, o.onlineTimeoutMs ?? 1_500);
        core.changed();
        return ok({ ticketId: body.ticketId, mode: 'online' });
      } catch (e) {
        if (!(e instanceof RequestError) || !mayActOffline(e.reason) || core.isStopped()) return failure(e);
      }
      const r = core.commit((s) => rateService(s, config, body));
      if (!r.ok) return fail(asReason(r.reason), r.message);
      return ok({ ticketId: body.ticketId, mode: 'offline' });
    },
  };
  const view = (): RatingView => {
    const tid = lastUnrated(store.state, counterId);
    const t = tid === null ? undefined : store.state.tickets.get(tid);
    const area = t ? config.areas.find((a) => a.id === t.areaId) : undefined;
    return {
      role: 'rating',
      counterId,
      hubOnline: core.sync.connected,
      levels: config.rating.levels.map((l) => ({ ...l })),
      reasons: config.rating.reasons.map((r) => ({ ...r })),
      reasonsAtOrBelow: config.rating.reasonsAtOrBelow,
      toRate: t && area ? { ticketId: t.id, display: displayNumber(area, t.number) } : null,
    };
  };
  return bindDevice({ core, role: 'rating', view, commands });
}
