/**
 * The rating pad at a counter: the tablet facing the citizen. Between ratings it is the counter display (the
 * number served here, the counter, the officer); after a finish it asks about the service just finished.
 *
 * Online through the hub's `rate` request; when the hub certainly did not decide (mayActOffline), the pad records
 * the rating itself and its sync sends it later: a rating concerns only its own counter, and a second rating of
 * one ticket is refused by the queue rules (here, at the hub, and on merge). The pad hears its counter's events
 * straight from the broker, so a ticket finished while the hub is down can still be rated.
 *
 * Anonymous: the view and the event carry the level, the reasons, the dossier code and the cleaned comment,
 * never a name; the screen tells the citizen not to write personal data in the comment.
 */
import { z } from 'zod';
import {
  RATING_COMMENT_MAX,
  cleanComment,
  commentLength,
  displayNumber,
  rateService,
  type CounterConfig,
  type QueueState,
} from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { asReason, fail, failure, mayActOffline, ok, type DeviceReason } from '@motcua/shared/device/reasons';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import { RequestError } from '@motcua/shared/sync/device-sync';
import {
  counterDisplayFields,
  findCounter,
  type CounterDisplayFields,
  type DisplayShowOptions,
} from './display.js';
import { loadOfficerPhotos } from './photos.js';

export interface RatingOutcome {
  readonly ticketId: string | null;
  readonly mode: 'online' | 'offline';
}

export interface RatingCommands {
  [k: string]: (arg: never) => Promise<Result<unknown>>;
  /**
   * `ticketId` defaults to the ticket last finished here and not yet rated (null rates the counter without a
   * ticket). `comment` is free text, cleaned (domain/comment.ts) and at most 500 letters once cleaned.
   */
  rate(arg: {
    level: number;
    reasons?: string[];
    ticketId?: string | null;
    dossierCode?: string | null;
    comment?: string | null;
  }): Promise<Result<RatingOutcome, DeviceReason>>;
  /** The citizen left without rating: stop asking about this ticket (kept in memory only). */
  dismiss(arg: { ticketId: string }): Promise<Result<null, DeviceReason>>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const ratingCommandArgs = {
  rate: z
    .object({
      level: z.number().int().min(1).max(10),
      reasons: z.array(id).max(10).optional(),
      ticketId: z.string().min(1).max(120).nullable().optional(),
      dossierCode: z.string().max(60).nullable().optional(),
      // Raw text from the screen: bounded loosely here (UTF-16 units), exactly once cleaned.
      comment: z
        .string()
        .max(4 * RATING_COMMENT_MAX)
        .nullable()
        .optional(),
    })
    .strict(),
  dismiss: z.object({ ticketId: z.string().min(1).max(120) }).strict(),
} as const satisfies Record<keyof RatingCommands, z.ZodType>;

export interface RatingLevelView {
  readonly value: number;
  readonly label: string;
  readonly labelEn: string;
}

export interface RatingView extends CounterDisplayFields {
  /** Which page set the screen shows. */
  readonly role: 'rating';
  /** Best first, as configured. */
  readonly levels: readonly RatingLevelView[];
  readonly reasons: readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  /** Levels at or below this ask for reasons. */
  readonly reasonsAtOrBelow: number;
  /** Seconds the thank-you shows; seconds without a touch before the rating screen gives up. */
  readonly thanksS: number;
  readonly idleS: number;
  readonly askDossierCode: boolean;
  readonly commentMax: number;
  /** The ticket just finished here and not rated (nor dismissed) yet: what the pad asks about. */
  readonly toRate: { readonly ticketId: string; readonly display: string } | null;
}

export type RatingOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> &
  DisplayShowOptions & {
    readonly counterId: string;
    /** Defaults to `rating-<counterId>`. */
    readonly deviceId?: string;
    readonly onlineTimeoutMs?: number;
  };

function lastUnrated(s: QueueState, counterId: string): string | null {
  let best: { id: string; at: number } | null = null;
  for (const t of s.tickets.values())
    if (t.status === 'done' && t.counterId === counterId && t.finishedAt !== null)
      if (best === null || t.finishedAt > best.at) best = { id: t.id, at: t.finishedAt };
  // Only the latest finish is asked about: an older unrated ticket's citizen has left the counter.
  if (best === null || s.tickets.get(best.id)?.rated === true) return null;
  return best.id;
}

/** Dossier codes are printed on receipts: letters, digits and a few separators; anything else is dropped. */
function cleanDossierCode(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const code = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}.\-/_]/gu, '')
    .slice(0, 60);
  return code === '' ? null : code;
}

export function startRatingPad(o: RatingOptions): DeviceApi<RatingView, RatingCommands> {
  const core = openDevice({
    hearDevices: true,
    ...o,
    role: 'ratingpad',
    deviceId: o.deviceId ?? `rating-${o.counterId}`,
  });
  const { config, store } = core;
  const counterId = o.counterId;
  let counter: CounterConfig;
  try {
    counter = findCounter(config, counterId);
  } catch (e) {
    void core.stop();
    throw e;
  }
  const photos = loadOfficerPhotos(config, {
    configDir: o.configDir,
    maxBytes: o.photoMaxBytes,
    logger: core.logger,
  });
  const dismissed = new Set<string>();
  const toRate = (): string | null => {
    const tid = lastUnrated(store.state, counterId);
    return tid === null || dismissed.has(tid) ? null : tid;
  };
  const commands: RatingCommands = {
    async rate(arg) {
      if (core.isStopped()) return fail('stopped', 'the rating pad is stopping');
      const comment = arg.comment == null ? '' : cleanComment(arg.comment);
      if (commentLength(comment) > RATING_COMMENT_MAX)
        return fail('comment-too-long', `the comment is longer than ${RATING_COMMENT_MAX} characters`);
      const body = {
        counterId,
        ticketId: arg.ticketId === undefined ? lastUnrated(store.state, counterId) : arg.ticketId,
        level: arg.level,
        reasons: arg.reasons ?? [],
        dossierCode: cleanDossierCode(arg.dossierCode),
        ...(comment === '' ? {} : { comment }),
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
    dismiss({ ticketId }) {
      dismissed.add(ticketId);
      core.changed();
      return Promise.resolve(ok(null));
    },
  };
  const view = (): RatingView => {
    const tid = toRate();
    const t = tid === null ? undefined : store.state.tickets.get(tid);
    const area = t ? config.areas.find((a) => a.id === t.areaId) : undefined;
    return {
      role: 'rating',
      ...counterDisplayFields(config, counter, photos, store.state, core.sync.connected),
      levels: config.rating.levels.map((l) => ({ ...l })),
      reasons: config.rating.reasons.map((r) => ({ ...r })),
      reasonsAtOrBelow: config.rating.reasonsAtOrBelow,
      thanksS: config.rating.thanksS,
      idleS: config.rating.idleS,
      askDossierCode: config.rating.askDossierCode,
      commentMax: RATING_COMMENT_MAX,
      toRate: t && area ? { ticketId: t.id, display: displayNumber(area, t.number) } : null,
    };
  };
  return bindDevice({ core, role: 'rating', view, commands });
}
