/**
 * The hall board: every counter's current number, the last calls, the waiting per area, computed from the
 * board's OWN copy of the events (shared/src/domain/board.ts), not from the hub's summary: when the hub is down
 * and the broker still carries the counters' events, the board keeps showing what is called.
 *
 * It also announces every call (voice/board-announcer.ts): a new call, or a recall (the same ticket called
 * again), seen in its copy of the events is queued for the voice. In browser mode the board's page plays the
 * audio (voice/screen-output.ts): the view says which clip is due, the page fetches it with `voiceClip` and
 * reports `voicePlayed`.
 */
import { z } from 'zod';
import type { BoardConfig } from '@motcua/shared/config/board';
import { boardView, type BoardCounter, type BoardView } from '@motcua/shared/domain/board';
import { displayNumber } from '@motcua/shared/domain/numbering';
import type { QueueState } from '@motcua/shared/domain/state';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import { startBoardAnnouncer, type BoardVoiceStatus } from '../voice/board-announcer.js';
import type { AudioOutput } from '../voice/output.js';
import { ScreenAudioOutput } from '../voice/screen-output.js';

export interface HallCounter extends BoardCounter {
  /** The counter's name from the config, if it has one. */
  readonly name: string | null;
  /** Area ids it serves, in order of preference. */
  readonly areas: readonly string[];
}

export interface HallArea {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly waiting: number;
}

export interface HallBoardView extends BoardView {
  /** Which page set the screen shows. */
  readonly role: 'board';
  readonly hubOnline: boolean;
  /** The board's clock (following the hub's) when this view was made; the screen ticks on from it. */
  readonly now: number;
  readonly timeZone: string;
  readonly centre: { readonly name: string; readonly nameEn: string | null };
  readonly board: Omit<BoardConfig, 'noticeEn'> & { readonly noticeEn: string | null };
  readonly counters: readonly HallCounter[];
  readonly areas: readonly HallArea[];
  readonly voice: BoardVoiceStatus;
}

export type BoardCommands = {
  /** The WAV bytes (base64) of the announcement due now; `gone` once it is over. */
  voiceClip(arg: { id: string }): Promise<Result<{ wav: string }, 'gone'>>;
  /** The page played the clip to the end. */
  voicePlayed(arg: { id: string }): Promise<Result<{ current: boolean }>>;
};
const clipId = z.object({ id: z.string().regex(/^v\d{1,12}$/) }).strict();
export const boardCommandArgs: Record<keyof BoardCommands, z.ZodType> = {
  voiceClip: clipId,
  voicePlayed: clipId,
};

export interface BoardVoiceOptions {
  /** The voice pack's folder; null or absent: the chime alone (and the health says so). */
  readonly packDir?: string | null;
  /** 'screen' (default): the board's page plays it (browser mode); or an output (ALSA, a file). */
  readonly output?: 'screen' | AudioOutput;
}

export type BoardOptions = Omit<OpenDeviceOptions, 'role'> & {
  /** How many calls before the newest the board lists (default: the config's board.lastCalls). */
  readonly lastCalls?: number;
  /** The voice; false: silent. */
  readonly voice?: BoardVoiceOptions | false;
  /** How often the board asks the hub for missed events, which also tells whether the hub answers (5 s). */
  readonly hubProbeMs?: number;
};

/** Calls older than this when first seen (a catch-up after a restart or an outage) are shown, not said. */
const STALE_CALL_MS = 60_000;

/** Tickets called (or called again) since `seen`, oldest first; `seen` is updated. */
function newCalls(s: QueueState, seen: Map<string, number>) {
  const out: { ticketId: string; at: number; counterId: string; recall: boolean }[] = [];
  for (const t of s.tickets.values()) {
    if (t.lastCalledAt === null || t.counterId === null) continue;
    const before = seen.get(t.id);
    if (before === t.lastCalledAt) continue;
    seen.set(t.id, t.lastCalledAt);
    out.push({ ticketId: t.id, at: t.lastCalledAt, counterId: t.counterId, recall: before !== undefined });
  }
  return out.sort((a, b) => a.at - b.at);
}

export function startBoard(o: BoardOptions): DeviceApi<HallBoardView, BoardCommands> {
  const core = openDevice({ hearDevices: true, ...o, role: 'display' });
  const { config } = core;
  const voiceOpts = o.voice === false ? null : (o.voice ?? {});
  let changed = (): void => undefined;
  const screenOutput =
    voiceOpts !== null && (voiceOpts.output ?? 'screen') === 'screen'
      ? new ScreenAudioOutput({
          onChange: () => changed(),
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
        })
      : null;
  const output = screenOutput ?? (voiceOpts?.output as AudioOutput | undefined);
  const announcer =
    voiceOpts === null || output === undefined
      ? null
      : startBoardAnnouncer({
          voice: config.voice,
          packDir: voiceOpts.packDir ?? null,
          output,
          clock: core.clock,
          logger: o.logger,
          onChange: () => changed(),
          ...(screenOutput
            ? { outputMisses: () => screenOutput.missedCount, currentClip: () => screenOutput.current }
            : {}),
        });

  // Calls already in the store at start were said before (or long ago): shown, not said again.
  const seen = new Map<string, number>();
  newCalls(core.store.state, seen);
  // The broker link alone says nothing of the hub (it may be stopped behind a running broker): the board asks
  // the hub for missed events now and then, and the hub is "online" while it answers.
  // Until a probe has failed twice in a row the board says nothing: a board that just started, or one whose
  // single answer came late on a busy machine, must not flash a false "hub lost" across the hall.
  let hubAnswers = true;
  let failures = 0;
  let probing = false;
  const probe = async (): Promise<void> => {
    if (probing || core.isStopped()) return;
    probing = true;
    let ok = false;
    try {
      await core.sync.catchUp(100);
      ok = true;
    } catch {
      ok = false;
    } finally {
      probing = false;
    }
    failures = ok ? 0 : failures + 1;
    const answers = ok || failures < 2;
    if (answers !== hubAnswers) {
      hubAnswers = answers;
      core.changed();
    }
  };
  const probeTimer = setInterval(() => void probe(), o.hubProbeMs ?? 5_000);
  probeTimer.unref();
  void probe();

  const areaById = new Map(config.areas.map((a) => [a.id, a]));
  const counterNumber = new Map(config.counters.map((c) => [c.id, c.number]));
  const offChanges = core.changes(() => {
    if (!announcer) return;
    const s = core.store.state;
    const now = core.clock.now();
    for (const c of newCalls(s, seen)) {
      if (now - c.at > STALE_CALL_MS) continue;
      const t = s.tickets.get(c.ticketId);
      const area = t === undefined ? undefined : areaById.get(t.areaId);
      if (t === undefined || area === undefined) continue;
      const display = displayNumber(area, t.number);
      announcer.announce({
        display,
        counterId: c.counterId,
        counterNumber: counterNumber.get(c.counterId) ?? 0,
        recall: c.recall,
      });
    }
  });

  const view = (): HallBoardView => {
    // The newest call and the `lastCalls` before it.
    const base = boardView(core.store.state, config, (o.lastCalls ?? config.board.lastCalls) + 1);
    return {
      ...base,
      role: 'board',
      hubOnline: core.sync.connected && hubAnswers,
      now: core.clock.now(),
      timeZone: config.centre.timeZone,
      centre: { name: config.centre.name, nameEn: config.centre.nameEn ?? null },
      board: { ...config.board, noticeEn: config.board.noticeEn ?? null },
      counters: base.counters.map((c, i) => ({
        ...c,
        name: config.counters[i]!.name ?? null,
        areas: config.counters[i]!.areas,
      })),
      areas: config.areas.map((a) => ({
        id: a.id,
        name: a.name,
        nameEn: a.nameEn ?? null,
        waiting: base.waiting[a.id] ?? 0,
      })),
      voice: announcer?.status() ?? {
        mode: 'chime',
        clip: null,
        health: {
          status: 'ok',
          noPack: null,
          pack: null,
          missingClips: [],
          fallbackPhrases: 0,
          supersededCalls: 0,
          failedAnnouncements: 0,
          outputErrors: 0,
        },
        recent: [],
      },
    };
  };

  const commands: BoardCommands = {
    voiceClip: ({ id }) => {
      const wav = screenOutput?.wav(id);
      return Promise.resolve(
        wav === undefined
          ? { ok: false, reason: 'gone', message: `announcement ${id} is not playing` }
          : { ok: true, value: { wav: Buffer.from(wav).toString('base64') } },
      );
    },
    voicePlayed: ({ id }) =>
      Promise.resolve({ ok: true, value: { current: screenOutput?.played(id) ?? false } }),
  };
  const api = bindDevice({
    core,
    role: 'board',
    view,
    commands,
    beforeStop: async () => {
      clearInterval(probeTimer);
      offChanges();
      await announcer?.close();
    },
  });
  changed = () => core.changed();
  return api;
}
