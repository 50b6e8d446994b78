/**
 * What the kiosk screen receives and may call, as the browser sees it. The runtime's own types
 * (`runtime/kiosk.ts`) pull in Node-side modules, so they are mirrored here; `browser-mode.ts` checks at
 * compile time that the runtime's view and commands are assignable to these, so the two cannot drift apart.
 */
import type { Result } from '@motcua/shared/device/api';

export type PrinterStateName =
  | 'ready'
  | 'paper-near-end'
  | 'paper-out'
  | 'cover-open'
  | 'offline'
  | 'no-answer'
  | 'disconnected'
  | 'unknown';

export interface AreaView {
  readonly id: string;
  readonly departmentId: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly counters: readonly number[];
  /** "HH:MM" issuing stops, when soon. */
  readonly closingSoonAt: string | null;
  readonly open: boolean;
  readonly closedReason: 'centre-closed' | 'outside-hours' | 'issuing-stopped' | 'quota-reached' | null;
  readonly closesAt: string | null;
  readonly opensAt: string | null;
  readonly waiting: number;
  readonly estimatedWaitMinutes: number | null;
}

export interface TicketView {
  readonly ticketId: string;
  readonly display: string;
  readonly areaId: string;
  readonly peopleAhead: number;
  readonly estimatedWaitMinutes: number | null;
  readonly priority: string | null;
}

export interface Named {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
}

export interface KioskScreenView {
  readonly role: 'kiosk';
  readonly hubOnline: boolean;
  readonly idleResetS: number;
  readonly departments: readonly Named[];
  readonly areas: readonly AreaView[];
  readonly priorities: readonly Named[];
  readonly printer: { readonly state: PrinterStateName };
}

// A type alias, not an interface: the client's command-table bound needs an index-signature-compatible type.
export type KioskScreenCommands = {
  take(arg: { area: string; priority?: string | null }): Promise<Result<TicketView>>;
};

/** Printer states in which no number may be issued (paper near end is for the supervisor only). */
export function printerStops(state: PrinterStateName): boolean {
  return state !== 'ready' && state !== 'paper-near-end' && state !== 'unknown';
}
