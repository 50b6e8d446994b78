/**
 * The queue ticket as the printer sees it: everything already resolved to display strings except the
 * issue time, which is formatted here in the centre's own time zone (a kiosk whose OS clock is UTC must
 * still print the local hour).
 */
export interface TicketData {
  readonly ticketId: string;
  readonly centreName: string;
  readonly centreAddress?: string | undefined;
  readonly centreHotline?: string | undefined;
  readonly areaName: string;
  /** Prefix + number as called, e.g. "A1025" or "1025". */
  readonly displayNumber: string;
  /** Present only for a priority ticket, e.g. "ƯU TIÊN: Người cao tuổi". */
  readonly priorityLabel?: string | undefined;
  /** Counter labels to watch, in preference order, e.g. ["Quầy 3", "Quầy 5"]. */
  readonly counters: readonly string[];
  readonly peopleAhead: number;
  /** Null when no counter serving the area is open: the ticket says the wait is not known yet. */
  readonly estimatedWaitMinutes: number | null;
  readonly issuedAt: Date;
  /** IANA zone of the centre, e.g. "Asia/Ho_Chi_Minh". */
  readonly timeZone: string;
  /** What the QR code encodes: the ticket id or a look-up link. */
  readonly qrPayload: string;
  readonly footerLines: readonly string[];
  /** Labels printed on each copy when two copies are printed (citizen's, counter's). */
  readonly copyLabels?: readonly [string, string] | undefined;
}

export const DEFAULT_COPY_LABELS: readonly [string, string] = [
  'Liên 1: Công dân giữ',
  'Liên 2: Lưu tại quầy',
];

/** Formatters by time zone: building one costs ~0.5 ms (measured on the kiosk), a ticket needs one per zone. */
const issuedAtFormats = new Map<string, Intl.DateTimeFormat>();

/** dd/MM/yyyy HH:mm in the given IANA time zone, 24-hour clock. */
export function formatIssuedAt(at: Date, timeZone: string): string {
  let format = issuedAtFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // Zones come from configurations; the bound only guards against a caller passing arbitrary strings.
    if (issuedAtFormats.size < 64) issuedAtFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/**
 * "khoảng 15 phút", "khoảng 1 giờ 5 phút"; 0 reads as "ngay bây giờ" (served next); null (no counter open for
 * the area) reads as "chưa xác định" (not known yet), never as "now".
 */
export function formatWait(minutes: number | null): string {
  if (minutes === null) return 'Dự kiến chờ: chưa xác định';
  const m = Math.max(0, Math.round(minutes));
  if (m === 0) return 'Dự kiến chờ: ngay bây giờ';
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const text = h === 0 ? `${m} phút` : rest === 0 ? `${h} giờ` : `${h} giờ ${rest} phút`;
  return `Dự kiến chờ: khoảng ${text}`;
}
