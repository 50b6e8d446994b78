/**
 * The hall board's announcer: the voice pack (or, without one, the chime alone) behind the announcement
 * queue, fed with the calls the board sees, and a status the board's view carries (what the page must play in
 * browser mode, and the voice's health, shown discreetly on the board).
 *
 * Without a pack, or with one that cannot be read, every call still gets the chime: a plain chime must keep
 * working when speech is not available, and the health says why there are no words.
 */
import type { VoiceConfig } from '@motcua/shared/config/voice';
import type { Clock } from '@motcua/shared/runtime/clock';
import type { Logger } from '@motcua/shared/runtime/logger';
import type { AnnounceCall } from './announcement.js';
import { createBoardVoice, type BoardVoice } from './board-voice.js';
import { synthChime } from './chime.js';
import type { Synthesiser } from './espeak.js';
import { AudioOutputError, type AudioOutput } from './output.js';
import { loadVoicePack } from './pack.js';
import { AnnouncementQueue, type QueueEvent } from './queue.js';
import type { ScreenClip } from './screen-output.js';

const CHIME_RATE = 22050;
const RECENT = 10;

export interface AnnouncedCall {
  readonly display: string;
  readonly counterNumber: number;
  readonly recall: boolean;
  /** Samples handed to the output (the page's buffer for this call has exactly this many). */
  readonly samples: number;
}

/** The voice's health as the board shows it: counts, and the first few details. */
export interface BoardVoiceHealth {
  readonly status: 'ok' | 'degraded';
  /** Why there are no words: no pack configured, or the pack could not be read. */
  readonly noPack: null | 'none' | 'unreadable';
  readonly pack: string | null;
  readonly missingClips: readonly string[];
  readonly fallbackPhrases: number;
  readonly supersededCalls: number;
  readonly failedAnnouncements: number;
  /** Plays the output could not make (player gone; in browser mode: no page played it in time). */
  readonly outputErrors: number;
}

export interface BoardVoiceStatus {
  readonly mode: 'loading' | 'voice' | 'chime';
  /** Browser mode: the announcement the page should play now. */
  readonly clip: ScreenClip | null;
  readonly health: BoardVoiceHealth;
  /** The last calls handed to the output, oldest first. */
  readonly recent: readonly AnnouncedCall[];
}

export interface BoardAnnouncerDeps {
  readonly voice: VoiceConfig;
  readonly packDir: string | null;
  readonly output: AudioOutput;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onChange: () => void;
  /** Extra output errors the output counts itself (the screen output's missed plays). */
  readonly outputMisses?: () => number;
  readonly currentClip?: () => ScreenClip | null;
  readonly synth?: Synthesiser;
}

export interface BoardAnnouncer {
  announce(call: AnnounceCall): void;
  status(): BoardVoiceStatus;
  /** Resolves when the pack is loaded (or found missing) and nothing is waiting or playing. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

export function startBoardAnnouncer(deps: BoardAnnouncerDeps): BoardAnnouncer {
  const log = deps.logger.child('board-voice');
  const recent: AnnouncedCall[] = [];
  let calling: AnnounceCall | null = null;
  let chimeCounts = { superseded: 0, failed: 0 };
  let outputErrors = 0;
  let noPack: BoardVoiceHealth['noPack'] = null;
  let voice: BoardVoice | null = null;
  let chimeQueue: AnnouncementQueue | null = null;
  const early: AnnounceCall[] = [];

  // Records what reaches the output, for the view (and the tests that compare it with what the page played).
  const output: AudioOutput = {
    play: (samples, rate) => {
      if (calling) {
        recent.push({
          display: calling.display,
          counterNumber: calling.counterNumber,
          recall: calling.recall === true,
          samples: samples.length,
        });
        if (recent.length > RECENT) recent.shift();
      }
      return deps.output.play(samples, rate);
    },
    close: () => deps.output.close(),
  };
  const onEvent = (e: QueueEvent): void => {
    if (e.type === 'ready') calling = e.call;
    else if (e.type === 'failed' && e.error instanceof AudioOutputError) outputErrors++;
    if (chimeQueue !== null) {
      if (e.type === 'superseded') chimeCounts = { ...chimeCounts, superseded: chimeCounts.superseded + 1 };
      if (e.type === 'failed') chimeCounts = { ...chimeCounts, failed: chimeCounts.failed + 1 };
    }
    deps.onChange();
  };

  const ready = (async () => {
    if (deps.packDir === null) noPack = 'none';
    else {
      try {
        const pack = await loadVoicePack(deps.packDir);
        voice = createBoardVoice({
          voice: deps.voice,
          pack,
          output,
          clock: deps.clock,
          logger: deps.logger,
          onEvent,
          ...(deps.synth === undefined ? {} : { synth: deps.synth }),
        });
      } catch (e) {
        noPack = 'unreadable';
        log.error('voice pack unreadable: the board plays the chime only', { error: (e as Error).message });
      }
    }
    if (voice === null) {
      const chime = synthChime(CHIME_RATE);
      chimeQueue = new AnnouncementQueue({
        render: () => Promise.resolve({ sampleRate: CHIME_RATE, samples: chime, parts: [], fallbacks: [] }),
        output,
        clock: deps.clock,
        logger: log,
        onEvent,
      });
    }
    for (const c of early.splice(0)) announceNow(c);
    deps.onChange();
  })();

  function announceNow(call: AnnounceCall): void {
    if (voice) voice.announce(call);
    else chimeQueue?.enqueue(call);
  }

  const health = (): BoardVoiceHealth => {
    const misses = deps.outputMisses?.() ?? 0;
    if (voice) {
      const h = voice.health();
      return {
        status: h.status === 'ok' && outputErrors + misses === 0 ? 'ok' : 'degraded',
        noPack: null,
        pack: h.pack,
        missingClips: h.missingClips.slice(0, 20),
        fallbackPhrases: h.fallbackPhrases.length,
        supersededCalls: h.supersededCalls,
        failedAnnouncements: h.failedAnnouncements,
        outputErrors: outputErrors + misses,
      };
    }
    return {
      status: noPack === null ? 'ok' : 'degraded',
      noPack,
      pack: null,
      missingClips: [],
      fallbackPhrases: 0,
      supersededCalls: chimeCounts.superseded,
      failedAnnouncements: chimeCounts.failed,
      outputErrors: outputErrors + misses,
    };
  };

  return {
    announce(call) {
      if (voice === null && chimeQueue === null) early.push(call);
      else announceNow(call);
    },
    status: () => ({
      mode: voice ? 'voice' : chimeQueue ? 'chime' : 'loading',
      clip: deps.currentClip?.() ?? null,
      health: health(),
      recent: [...recent],
    }),
    async whenIdle() {
      await ready;
      await (voice ? voice.whenIdle() : chimeQueue?.whenIdle());
    },
    async close() {
      await ready;
      // The output first: a screen output would otherwise keep the queue waiting for a page that is going.
      await deps.output.close();
      await (voice ? voice.whenIdle() : chimeQueue?.whenIdle());
    },
  };
}
