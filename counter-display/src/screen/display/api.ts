/**
 * What the counter display and the rating pad send their screen and accept from it, as the browser sees it. The
 * runtimes' own types (runtime/display.ts, runtime/rating.ts) pull in Node-side modules, so they are mirrored
 * here; counter-display/src/browser-mode.ts checks at compile time that the runtimes' views and commands are
 * assignable to these, so the two cannot drift apart.
 */
import type { Result } from '@motcua/shared/device/api';

export interface DisplayOfficer {
  readonly id: string;
  readonly name: string | null;
  readonly title: string | null;
  readonly initials: string;
  /** A data: URL, or null (initials are shown). */
  readonly photo: string | null;
}

export interface DisplayFields {
  readonly counterId: string;
  readonly number: number;
  readonly name: string | null;
  readonly hubOnline: boolean;
  readonly status: 'closed' | 'open' | 'paused';
  readonly pauseReason: string | null;
  readonly officer: DisplayOfficer | null;
  readonly current: { readonly ticketId: string; readonly display: string; readonly status: string } | null;
}

export interface DisplayScreenView extends DisplayFields {
  readonly role: 'display';
}

export interface Labelled {
  readonly label: string;
  readonly labelEn: string;
}

export interface RatingScreenView extends DisplayFields {
  readonly role: 'rating';
  readonly levels: readonly (Labelled & { readonly value: number })[];
  readonly reasons: readonly (Labelled & { readonly id: string })[];
  readonly reasonsAtOrBelow: number;
  readonly thanksS: number;
  readonly idleS: number;
  readonly askDossierCode: boolean;
  readonly commentMax: number;
  readonly toRate: { readonly ticketId: string; readonly display: string } | null;
}

export type DisplayOrRatingView = DisplayScreenView | RatingScreenView;

// Type aliases, not interfaces: the client's command-table bound needs an index-signature-compatible type.
export type RatingScreenCommands = {
  rate(arg: {
    level: number;
    reasons?: string[];
    ticketId?: string | null;
    dossierCode?: string | null;
    comment?: string | null;
  }): Promise<Result<{ readonly ticketId: string | null; readonly mode: 'online' | 'offline' }>>;
  dismiss(arg: { ticketId: string }): Promise<Result<null>>;
};
