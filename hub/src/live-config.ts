/**
 * Which configuration changes the hub may apply while it runs, mid-day, and which it must refuse at save time.
 *
 * The hub applies a saved configuration at once (coordinator, store, reports, dashboard all switch to it), so a
 * change is accepted only when switching to it cannot break the day in progress:
 *
 * - The centre's id (the MQTT topics), its time zone (today's business day), the broker block (listeners and
 *   limits taken at start) and the device list (the broker's accounts and ACL) only change with a restart.
 * - A number issued or leased today stays inside its area's range, so the ranges the schema keeps apart still
 *   tell which area each issued number belongs to; and no area's range (with its prefix) may cover a number
 *   another area has issued today with the same prefix: it would be issued, shown and called a second time.
 * - An area's prefix stays as it is while the area has tickets today: tickets are already printed with it.
 * - Kiosks keep their places in the kiosk list (new ones go at the end): a kiosk's offline series is chosen by
 *   its place (numbering.ts), and a moved kiosk would issue from a series another kiosk used today.
 * - Every event of today still applies under the new configuration (an area, counter, officer or priority
 *   removed while today's tickets or counters use it would make the day's own events invalid).
 */
import {
  QueueEngine,
  isKioskSeriesNumber,
  type CentreConfig,
  type LeaseBlock,
  type QueueEvent,
  type QueueState,
  type RejectReason,
} from '@motcua/shared';
import { isDeepStrictEqual } from 'node:util';

export interface ConfigProblem {
  readonly field: string;
  readonly message: string;
}

/** What the hub knows of today when a change is saved. */
export interface DayInProgress {
  readonly state: QueueState;
  readonly leases: readonly LeaseBlock[];
  readonly events: readonly QueueEvent[];
}

const RESTART_ONLY =
  'chỉ đổi được khi khởi động lại hub: sửa tệp cấu hình (tăng revision) rồi khởi động lại / changes only with a restart: edit the config file (raise its revision) and restart the hub';

/** Problems that make `next` unsafe to apply now, field-named; empty when the hub may switch to it. */
export function liveChangeProblems(
  current: CentreConfig,
  next: CentreConfig,
  today: DayInProgress,
): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (next.centre.id !== current.centre.id) out.push({ field: 'centre.id', message: RESTART_ONLY });
  if (next.centre.timeZone !== current.centre.timeZone)
    out.push({ field: 'centre.timeZone', message: RESTART_ONLY });
  if (!isDeepStrictEqual(next.broker, current.broker)) out.push({ field: 'broker', message: RESTART_ONLY });
  // The broker's accounts and ACL (embedded: provisioned at start; Mosquitto: files made from the config) are
  // the device list's: the hub alone following a new one would let a device ask what the broker refuses it.
  if (!isDeepStrictEqual(next.devices, current.devices))
    out.push({ field: 'devices', message: `${RESTART_ONLY}: broker accounts and ACL` });
  out.push(...numberingProblems(current, next, today));
  out.push(...kioskProblems(current, next));
  // The rules above name the usual causes; replaying the day catches whatever else would break it.
  if (out.length === 0) out.push(...replayProblems(next, today));
  return out;
}

/** The lowest and highest hub or leased number each area has used today (kiosk-series numbers aside). */
function usedToday(today: DayInProgress): Map<string, { low: number; high: number }> {
  const used = new Map<string, { low: number; high: number }>();
  const add = (area: string, n: number): void => {
    const u = used.get(area);
    if (u === undefined) used.set(area, { low: n, high: n });
    else used.set(area, { low: Math.min(u.low, n), high: Math.max(u.high, n) });
  };
  for (const [area, numbers] of today.state.numbers)
    for (const n of numbers.keys()) if (!isKioskSeriesNumber(n)) add(area, n);
  for (const l of today.leases) {
    add(l.area, l.first);
    add(l.area, l.last);
  }
  return used;
}

function numberingProblems(current: CentreConfig, next: CentreConfig, today: DayInProgress): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const used = usedToday(today);
  const before = new Map(current.areas.map((a) => [a.id, a]));
  next.areas.forEach((area, i) => {
    const u = used.get(area.id);
    const old = before.get(area.id);
    if (u !== undefined && old !== undefined) {
      const { from, to } = area.numberRange;
      const span = `${String(u.low)}–${String(u.high)}`;
      if (from > u.low)
        out.push({
          field: `areas[${String(i)}].numberRange.from`,
          message: `số ${span} đã cấp hoặc giao cho ki-ốt hôm nay; "from" không được lớn hơn ${String(u.low)} đến hết ngày / numbers ${span} are already issued or leased today`,
        });
      if (to < u.high)
        out.push({
          field: `areas[${String(i)}].numberRange.to`,
          message: `số ${span} đã cấp hoặc giao cho ki-ốt hôm nay; "to" không được nhỏ hơn ${String(u.high)} đến hết ngày / numbers ${span} are already issued or leased today`,
        });
      if (area.prefix !== old.prefix && (today.state.numbers.get(area.id)?.size ?? 0) > 0)
        out.push({
          field: `areas[${String(i)}].prefix`,
          message: `vé hôm nay đã in với tiền tố "${old.prefix}"; đổi từ ngày mai / today's tickets are printed with this prefix`,
        });
    }
    // Another area's numbers of today, shown with the same prefix, inside this area's new range.
    for (const otherId of used.keys()) {
      if (otherId === area.id) continue;
      const other = next.areas.find((a) => a.id === otherId) ?? before.get(otherId);
      if (other?.prefix !== area.prefix) continue;
      const clash = usedInside(today, otherId, area.numberRange);
      if (clash !== null)
        out.push({
          field: `areas[${String(i)}].numberRange`,
          message: `số ${area.prefix}${String(clash)} đã cấp hoặc giao hôm nay cho khu vực "${otherId}"; khoảng số này sẽ cấp lại nó / would issue ${area.prefix}${String(clash)} a second time today`,
        });
    }
  });
  return out;
}

/** The lowest number the area has issued or leased today inside `range`, or null. */
function usedInside(
  today: DayInProgress,
  areaId: string,
  range: { readonly from: number; readonly to: number },
): number | null {
  let low = Infinity;
  for (const n of today.state.numbers.get(areaId)?.keys() ?? [])
    if (n >= range.from && n <= range.to) low = Math.min(low, n);
  for (const l of today.leases)
    if (l.area === areaId && l.last >= range.from && l.first <= range.to)
      low = Math.min(low, Math.max(l.first, range.from));
  return low === Infinity ? null : low;
}

function kioskProblems(current: CentreConfig, next: CentreConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  current.kiosks.forEach((k, i) => {
    if (next.kiosks[i]?.id !== k.id)
      out.push({
        field: `kiosks[${String(i)}]`,
        message: `ki-ốt "${k.id}" phải giữ vị trí thứ ${String(i + 1)} (dải số ngoại tuyến theo vị trí); thêm ki-ốt mới ở cuối / a kiosk's offline series follows its place: add new kiosks at the end`,
      });
  });
  return out;
}

const FIELD_OF: Partial<Record<RejectReason, string>> = {
  'unknown-area': 'areas',
  'area-not-served': 'counters',
  'unknown-counter': 'counters',
  'counter-not-open': 'counters',
  'counter-busy': 'counters',
  'counter-mismatch': 'counters',
  'unknown-officer': 'officers',
  'unknown-priority': 'priorityCategories',
};

/** Today's events folded under `next`: each event it would now refuse (and did not before) is a problem. */
function replayProblems(next: CentreConfig, today: DayInProgress): ConfigProblem[] {
  const engine = new QueueEngine(next, today.state.day);
  engine.applyMany(today.events);
  const before = new Set(today.state.rejected.map((r) => r.eventId));
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  for (const r of engine.state.rejected) {
    if (before.has(r.eventId)) continue;
    const field = FIELD_OF[r.reason] ?? 'areas';
    const key = `${field}:${r.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      field,
      message: `hoạt động hôm nay còn dùng mục này (${r.detail}); đổi sau khi hết ngày / today's events still use it: ${r.detail}`,
    });
  }
  return out.slice(0, 20);
}
