/**
 * Dossier status look-up behind one interface: the default adapter reads the status table synced from the
 * hub inside the catalogue; a provincial one-stop system's HTTP API can be another adapter later. Only
 * status and dates cross this boundary, never personal data. Pure.
 */
import type { Catalogue } from './schema.js';
import {
  CLOCK_STOPPED_STATUSES,
  DOSSIER_STATUS_LABELS,
  parseDossierCode,
  type DossierStatus,
} from './dossier-status.js';

export type DossierLookup =
  | {
      kind: 'found';
      code: string;
      procedureId: string;
      status: DossierStatus;
      statusLabel: { vi: string; en: string };
      receivedDate: string;
      dueDate: string;
      /** Reported overdue, or past its due date on `today` while the clock runs (see CLOCK_STOPPED_STATUSES). */
      overdue: boolean;
    }
  | { kind: 'unknown'; code: string; message: string; messageEn: string }
  | { kind: 'malformed'; message: string; messageEn: string };

export interface DossierStatusAdapter {
  /** Never throws for bad input: a malformed or unknown code is a result the screen shows. */
  lookup(input: string): Promise<DossierLookup>;
}

export interface TableAdapterOptions {
  /** Today's date (yyyy-MM-dd) in the centre's time zone; injected so tests and screens agree. */
  today(): string;
}

/** The default adapter: the dossier table that reaches the device with the catalogue. */
export function tableDossierAdapter(
  catalogue: Pick<Catalogue, 'dossiers'>,
  opts: TableAdapterOptions,
): DossierStatusAdapter {
  const byCode = new Map(catalogue.dossiers.map((d) => [d.code, d]));
  return {
    lookup(input) {
      const parsed = parseDossierCode(input);
      if (!parsed.ok)
        return Promise.resolve({ kind: 'malformed', message: parsed.message, messageEn: parsed.messageEn });
      const d = byCode.get(parsed.code);
      if (d === undefined)
        return Promise.resolve({
          kind: 'unknown',
          code: parsed.code,
          message: `Không tìm thấy hồ sơ ${parsed.code}. Hồ sơ mới tiếp nhận có thể chưa được cập nhật; vui lòng hỏi quầy tiếp nhận.`,
          messageEn: `No dossier ${parsed.code} found. A dossier received today may not be listed yet; please ask at the counter.`,
        });
      const overdue =
        d.status === 'overdue' || (!CLOCK_STOPPED_STATUSES.has(d.status) && d.dueDate < opts.today());
      return Promise.resolve({
        kind: 'found',
        code: d.code,
        procedureId: d.procedureId,
        status: d.status,
        statusLabel: DOSSIER_STATUS_LABELS[d.status],
        receivedDate: d.receivedDate,
        dueDate: d.dueDate,
        overdue,
      });
    },
  };
}
