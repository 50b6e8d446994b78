/**
 * The business day: the calendar date in the centre's time zone (Asia/Ho_Chi_Minh by default). Numbering
 * restarts each business day. Pure: the instant is passed in.
 */
export { isValidTimeZone, parseClock } from '../config/time-format.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** yyyy-MM-dd */
  readonly day: string;
  /** minutes since local midnight */
  readonly minuteOfDay: number;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
  readonly hh: string;
  readonly mm: string;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const hh = parts.hour ?? '00';
  const mm = parts.minute ?? '00';
  return {
    day: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    minuteOfDay: Number(hh) * 60 + Number(mm),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
    hh,
    mm,
  };
}

export function businessDay(ms: number, timeZone: string): string {
  return localTime(ms, timeZone).day;
}

/** "dd/MM/yyyy HH:mm" in the centre's zone, as printed on tickets and reports. */
export function formatLocalDateTime(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  const [y, mo, d] = t.day.split('-');
  return `${d ?? ''}/${mo ?? ''}/${y ?? ''} ${t.hh}:${t.mm}`;
}
