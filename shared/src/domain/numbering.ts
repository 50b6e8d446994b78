/**
 * Who may use which number. Online, the hub numbers tickets upwards from the start of each area's range.
 * Kiosks lease blocks from the top of the range for issuing while cut off from the hub, so the two never meet;
 * a kiosk that has used up its blocks while offline falls back to its own marked series above every range
 * (90000 + 200 × kiosk index + 1…199, shown as K<index+1>-<nnn>), which no other device uses: the config refuses
 * ranges that reach 90000 and more than 50 kiosks (config/schema.ts). Every lease names its business day.
 */
import {
  KIOSK_SERIES_BASE,
  KIOSK_SERIES_SIZE,
  MAX_KIOSKS,
  type AreaConfig,
  type CentreConfig,
} from '../config/schema.js';
import type { QueueState } from './state.js';

export interface LeaseBlock {
  readonly area: string;
  readonly first: number;
  readonly last: number;
}

/** True for a number of some kiosk's offline series (never a hub or leased number). */
export function isKioskSeriesNumber(n: number): boolean {
  return n > KIOSK_SERIES_BASE && (n - KIOSK_SERIES_BASE) % KIOSK_SERIES_SIZE !== 0;
}

/** The first and last number of the kiosk's offline series, or null for a kiosk the config does not list. */
export function kioskSeriesRange(
  config: CentreConfig,
  kioskId: string,
): { first: number; last: number } | null {
  const index = config.kiosks.findIndex((k) => k.id === kioskId);
  if (index < 0 || index >= MAX_KIOSKS) return null;
  const base = KIOSK_SERIES_BASE + index * KIOSK_SERIES_SIZE;
  return { first: base + 1, last: base + KIOSK_SERIES_SIZE - 1 };
}

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
  const range = kioskSeriesRange(config, kioskId);
  if (range === null) return null;
  const used = s.numbers.get(areaId);
  for (let n = range.first; n <= range.last; n++) if (!used?.has(n)) return n;
  return null;
}

/**
 * How a number is shown: the area's prefix and the number, or for a kiosk-series number the kiosk's mark and
 * its place in the series (AK12-005: area prefix A, kiosk 12, fifth). The dash tells it apart from any hub
 * number (those never have one), and the mark from the place, whatever the prefix; `parseDisplayNumber` reads
 * it back.
 */
export function displayNumber(area: AreaConfig, number: number): string {
  if (isKioskSeriesNumber(number)) {
    const k = Math.floor((number - KIOSK_SERIES_BASE) / KIOSK_SERIES_SIZE) + 1;
    return `${area.prefix}K${k}-${String((number - KIOSK_SERIES_BASE) % KIOSK_SERIES_SIZE).padStart(3, '0')}`;
  }
  return `${area.prefix}${number}`;
}

/** The number a shown number stands for in the area, or null when it is not one `displayNumber` could show. */
export function parseDisplayNumber(area: AreaConfig, shown: string): number | null {
  if (!shown.startsWith(area.prefix)) return null;
  const rest = shown.slice(area.prefix.length);
  const series = /^K([1-9]\d*)-(\d{3})$/.exec(rest);
  if (series) {
    const k = Number(series[1]);
    const place = Number(series[2]);
    if (k > MAX_KIOSKS || place < 1 || place >= KIOSK_SERIES_SIZE) return null;
    return KIOSK_SERIES_BASE + (k - 1) * KIOSK_SERIES_SIZE + place;
  }
  if (!/^[1-9]\d*$/.test(rest)) return null;
  const n = Number(rest);
  return n < KIOSK_SERIES_BASE ? n : null;
}
