/**
 * The look-up terminal's screen API: view and command types only, pure (no Node, no zod at run time), so the
 * screen bundle and its browser tsconfig can import them without pulling in the runtime.
 */
import type { Result } from '../../../shared/src/device/api.js';
import type { Catalogue } from '../../../shared/src/catalogue/schema.js';
import type { PrebuiltIndex } from '../../../shared/src/catalogue/search.js';
import type { DossierLookup } from '../../../shared/src/catalogue/dossier.js';
import type { ProcedurePlace } from '../../../shared/src/catalogue/config-check.js';

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
  /** The kiosk app's one bundle shows the look-up pages for this role (`kiosk` shows the number-issuing ones). */
  readonly role: 'lookup';
  /**
   * Whether the device can also print a number (a `take` command for an area): the procedure page then shows
   * "Lấy số". False for a look-up terminal on its own.
   */
  readonly takesNumbers: boolean;
  readonly day: string;
  readonly hubOnline: boolean;
  /** Whether tickets can be taken at the kiosks now. */
  readonly issuing: boolean;
  readonly areas: readonly LookupAreaView[];
  /** The catalogue revision the terminal holds (the screen fetches it when this changes); null: none yet. */
  readonly catalogueRevision: number | null;
}

/** What the screen needs to search and show procedures, once per revision. */
export interface LookupCatalogue {
  readonly catalogue: Catalogue;
  readonly index: PrebuiltIndex;
  /** Where each procedure's area is served at this centre (counters from the config), by area id. */
  readonly places: Readonly<Record<string, ProcedurePlace>>;
}

export type LookupReason = 'no-catalogue' | 'lookup-failed';

// A type alias, not an interface: DeviceApi's Commands bound needs an index-signature-compatible type.
export type LookupCommands = {
  catalogue(arg: Record<string, never>): Promise<Result<LookupCatalogue, LookupReason>>;
  /** Found, unknown and malformed are all answers the screen shows (with their messages). */
  dossier(arg: { readonly code: string }): Promise<Result<DossierLookup, LookupReason>>;
};
