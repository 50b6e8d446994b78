import type { Lang } from '@motcua/shared/ui/i18n';
import type { AreaView, Named, PrinterStateName } from '../api.js';
import type { KioskKey } from '../messages.js';

/** A configured name in the screen's language (English falls back to the Vietnamese name). */
export function nameIn(lang: Lang, n: Named): string {
  return lang === 'en' && n.nameEn !== null ? n.nameEn : n.name;
}

/** Why an area cannot issue, said before the citizen taps; undefined when it can. */
export function closedNote(a: AreaView): { key: KioskKey; time?: string } | undefined {
  if (a.open) return undefined;
  switch (a.closedReason) {
    case 'quota-reached':
      return { key: 'closedQuota' };
    case 'centre-closed':
      return { key: 'closedCentre' };
    case 'issuing-stopped':
      return { key: 'closedIssuingStopped' };
    case 'outside-hours':
    case null:
      return a.opensAt === null ? { key: 'closedOutsideHours' } : { key: 'closedOpensAt', time: a.opensAt };
  }
}

export function printerKey(state: PrinterStateName): KioskKey {
  switch (state) {
    case 'paper-out':
      return 'printerPaperOut';
    case 'cover-open':
      return 'printerCoverOpen';
    case 'no-answer':
      return 'printerNoAnswer';
    case 'disconnected':
      return 'printerDisconnected';
    case 'offline':
    case 'ready':
    case 'paper-near-end':
    case 'unknown':
      return 'printerError';
  }
}
