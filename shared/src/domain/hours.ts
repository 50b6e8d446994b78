/** Opening hours and the issuing cut-off. Pure: the instant is passed in. */
import type { CentreConfig } from '../config/schema.js';
import { weekdayKeys } from '../config/schema.js';
import { localTime, parseClock } from './business-day.js';

export type IssuingWindow =
  | { readonly open: true; readonly closesAtMinute: number }
  | {
      readonly open: false;
      readonly reason: 'centre-closed' | 'outside-hours' | 'issuing-stopped';
      /** Minute of the day the next session opens today, if any. */
      readonly nextOpenMinute: number | null;
    };

export function issuingWindow(config: CentreConfig, nowMs: number): IssuingWindow {
  const t = localTime(nowMs, config.centre.timeZone);
  if (config.hours.closedDates.includes(t.day))
    return { open: false, reason: 'centre-closed', nextOpenMinute: null };
  const sessions = config.hours[weekdayKeys[t.weekday]!];
  if (sessions.length === 0) return { open: false, reason: 'centre-closed', nextOpenMinute: null };
  const cutoff = config.hours.stopIssuingBeforeCloseMin;
  let next: number | null = null;
  for (const s of sessions) {
    const open = parseClock(s.open)!;
    const close = parseClock(s.close)!;
    if (t.minuteOfDay >= open && t.minuteOfDay < close - cutoff) return { open: true, closesAtMinute: close };
    if (t.minuteOfDay >= close - cutoff && t.minuteOfDay < close)
      return { open: false, reason: 'issuing-stopped', nextOpenMinute: nextAfter(sessions, t.minuteOfDay) };
    if (open > t.minuteOfDay && (next === null || open < next)) next = open;
  }
  return { open: false, reason: 'outside-hours', nextOpenMinute: next };
}

function nextAfter(sessions: readonly { open: string }[], minute: number): number | null {
  const later = sessions.map((s) => parseClock(s.open)!).filter((m) => m > minute);
  return later.length === 0 ? null : Math.min(...later);
}
