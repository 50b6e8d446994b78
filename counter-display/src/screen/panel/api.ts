/**
 * What the officer's panel receives and may call, as the browser sees it. The runtime's own types
 * (`runtime/counter.ts`, `runtime/counter-view.ts`) pull in Node-side modules, so they are mirrored here;
 * `browser-mode.ts` checks at compile time that the runtime's view and commands are assignable to these.
 */
import type { Result } from '@motcua/shared/device/api';

export interface PanelTicket {
  readonly ticketId: string;
  readonly display: string;
  readonly areaId: string;
  readonly number: number;
  readonly status: string;
  readonly priority: string | null;
  readonly callCount: number;
  readonly transferNote: string | null;
  readonly fromCounter: number | null;
}

export interface PanelOfficer {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly pin: boolean;
  readonly lockedForS: number;
  readonly attemptsLeft: number;
}

export interface PanelView {
  readonly role: 'counter';
  readonly counterId: string;
  readonly number: number;
  readonly day: string;
  readonly now: number;
  readonly hubOnline: boolean;
  readonly status: 'closed' | 'open' | 'paused';
  readonly pauseReason: string | null;
  readonly officer: { readonly id: string; readonly name: string | null } | null;
  readonly current: PanelTicket | null;
  readonly held: readonly PanelTicket[];
  readonly waiting: readonly {
    readonly areaId: string;
    readonly name: string;
    readonly nameEn: string | null;
    readonly count: number;
    readonly next: readonly PanelTicket[];
    readonly from: number;
    readonly to: number;
  }[];
  readonly directed: readonly PanelTicket[];
  readonly soleAreas: readonly string[];
  readonly recallReadyInS: number;
  readonly recallIntervalS: number;
  readonly pauseReasons: readonly { readonly id: string; readonly label: string; readonly labelEn: string }[];
  readonly officers: readonly PanelOfficer[];
  readonly areas: readonly { readonly id: string; readonly name: string; readonly nameEn: string | null }[];
  readonly counters: readonly {
    readonly id: string;
    readonly number: number;
    readonly name: string | null;
  }[];
  readonly figures: {
    readonly served: number;
    readonly noShow: number;
    readonly serviceMeanMin: number | null;
  };
}

export interface PanelOutcome {
  readonly ticketId: string | null;
  readonly mode: 'online' | 'offline';
}
export type PanelResult = Promise<Result<PanelOutcome>>;

// A type alias, not an interface: the client's command-table bound needs an index-signature-compatible type.
export type PanelCommands = {
  login(arg: { officerId: string; pin?: string }): PanelResult;
  logout(): PanelResult;
  open(): PanelResult;
  pause(arg: { reason: string }): PanelResult;
  close(): PanelResult;
  next(): PanelResult;
  callNumber(arg: { area: string; number: number }): PanelResult;
  recall(): PanelResult;
  noShow(): PanelResult;
  transfer(arg: {
    to: { readonly area: string } | { readonly counter: string };
    toFront?: boolean;
    note?: string;
  }): PanelResult;
  hold(arg: { reason: string }): PanelResult;
  returnHeld(arg: { ticketId: string }): PanelResult;
  start(): PanelResult;
  finish(arg?: { dossierCode?: string | null }): PanelResult;
};

/** Longest transfer note (the domain's TRANSFER_NOTE_MAX; checked equal in a test). */
export const NOTE_MAX = 140;
