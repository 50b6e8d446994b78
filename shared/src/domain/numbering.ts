/**
 * Who may use which number. Online, the hub numbers tickets upwards from the start of each area's range.
 * Kiosks lease blocks from the top of the range for issuing while cut off from the hub, so the two never meet;
 * a kiosk that has used up its blocks while offline falls back to its own marked series above every range
 * (90000 + 1000 × kiosk index), which no other device uses. Every lease names its business day.
 */
import type { AreaConfig, CentreConfig } from '../config/schema.js';
import type { QueueState } from './state.js';

export interface LeaseBlock {
  readonly area: string;
  readonly first: number;
  readonly last: number;
}

export const KIOSK_SERIES_BASE = 90_000;
export const KIOSK_SERIES_SIZE = 1_000;

function lowestLeased(areaId: string, leases: readonly LeaseBlock[]): number {
  let low = Infinity;
  for (const l of leases) if (l.area === areaId && l.first < low) low = l.first;
  return low;
}

/** The hub's next number for the area, below every leased block; null when the range is used up. */
export function nextHubNumber(s: QueueState, area: AreaConfig, leases: readonly LeaseBlock[]): number | null {
  const ceiling = Math.min(lowestLeased(area.id, leases), area.numberRange.to + 1);
  let max = area.numberRange.from - 1;
  for (const n of s.numbers.get(area.id)?.keys() ?? []) if (n < ceiling && n > max) max = n;
  return max + 1 < ceiling ? max + 1 : null;
}

/** The next block to lease for an area: just below the lowest leased so far, above what the hub has issued. */
export function nextLeaseBlock(
  s: QueueState,
  area: AreaConfig,
  leases: readonly LeaseBlock[],
  size: number,
): LeaseBlock | null {
  const last = Math.min(lowestLeased(area.id, leases) - 1, area.numberRange.to);
  const first = last - size + 1;
  const hubNext = nextHubNumber(s, area, leases);
  if (hubNext === null || first < hubNext + size) return null; // keep room for the hub to go on numbering
  return { area: area.id, first, last };
}

/** The next unused number of a kiosk's own blocks for the area, or null. */
export function nextLeasedNumber(
  s: QueueState,
  areaId: string,
  blocks: readonly LeaseBlock[],
): number | null {
  const used = s.numbers.get(areaId);
  for (const b of [...blocks].filter((x) => x.area === areaId).sort((x, y) => x.first - y.first)) {
    for (let n = b.first; n <= b.last; n++) if (!used?.has(n)) return n;
  }
  return null;
}

/** The kiosk's marked series, used only when its leased blocks are spent while offline. */
export function nextKioskSeriesNumber(
  s: QueueState,
  config: CentreConfig,
  kioskId: string,
  areaId: string,
): number | null {
  const index = config.kiosks.findIndex((k) => k.id === kioskId);
  if (index < 0 || index >= 9) return null;
  const base = KIOSK_SERIES_BASE + index * KIOSK_SERIES_SIZE;
  const used = s.numbers.get(areaId);
  for (let n = base + 1; n < base + KIOSK_SERIES_SIZE; n++) if (!used?.has(n)) return n;
  return null;
}

/** How a number is shown: the area's prefix, and a kiosk-series mark (K1-005) so officers know its origin. */
export function displayNumber(area: AreaConfig, number: number): string {
  if (number > KIOSK_SERIES_BASE) {
    const k = Math.floor((number - KIOSK_SERIES_BASE) / KIOSK_SERIES_SIZE) + 1;
    return `${area.prefix}K${k}-${String((number - KIOSK_SERIES_BASE) % KIOSK_SERIES_SIZE).padStart(3, '0')}`;
  }
  return `${area.prefix}${number}`;
}
