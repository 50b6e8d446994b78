/**
 * What the hall board's screen receives and may call, as the browser sees it. The runtime's own types
 * (`runtime/board.ts`) pull in Node-side modules, so they are mirrored here; `browser-mode.ts` checks at
 * compile time that the runtime's view and commands are assignable to these, so the two cannot drift apart.
 */
import type { Result } from '@motcua/shared/device/api';

export interface BoardCounterView {
  readonly id: string;
  readonly number: number;
  readonly name: string | null;
  readonly areas: readonly string[];
  readonly status: string;
  readonly pauseReason: string | null;
  readonly current: { readonly ticketId: string; readonly display: string; readonly status: string } | null;
}

export interface BoardAreaView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly waiting: number;
}

export interface BoardCallView {
  readonly ticketId: string;
  readonly display: string;
  readonly counterNumber: number;
  /** When it was called, on the board's (hub-following) clock. */
  readonly at: number;
}

export interface BoardVoiceView {
  readonly mode: 'loading' | 'voice' | 'chime';
  /** The announcement the page should play now (browser mode). */
  readonly clip: { readonly id: string; readonly durationMs: number; readonly samples: number } | null;
  readonly health: {
    readonly status: 'ok' | 'degraded';
    readonly noPack: null | 'none' | 'unreadable';
    readonly pack: string | null;
    readonly missingClips: readonly string[];
    readonly fallbackPhrases: number;
    readonly supersededCalls: number;
    readonly failedAnnouncements: number;
    readonly outputErrors: number;
  };
}

export interface BoardScreenView {
  readonly role: 'board';
  readonly hubOnline: boolean;
  readonly now: number;
  readonly timeZone: string;
  readonly centre: { readonly name: string; readonly nameEn: string | null };
  readonly board: {
    readonly notice: string;
    readonly noticeEn: string | null;
    readonly highlightS: number;
    readonly lastCalls: number;
    readonly pageS: number;
  };
  readonly counters: readonly BoardCounterView[];
  readonly areas: readonly BoardAreaView[];
  /** Newest first. */
  readonly lastCalls: readonly BoardCallView[];
  readonly voice: BoardVoiceView;
}

// A type alias, not an interface: the client's command-table bound needs an index-signature-compatible type.
export type BoardScreenCommands = {
  voiceClip(arg: { id: string }): Promise<Result<{ wav: string }>>;
  voicePlayed(arg: { id: string }): Promise<Result<{ current: boolean }>>;
};
