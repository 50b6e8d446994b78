/**
 * The dashboard's live view: queues and waiting times per area, each counter, the devices' health, and the
 * alerts, computed from the hub's own state (the same objects the coordinator keeps), plus the alert book that
 * remembers acknowledgements.
 */
import {
  computeStatistics,
  displayNumber,
  estimatedWaitMinutes,
  type CentreConfig,
  type QueueState,
} from '@motcua/shared';
import type { HealthMessage } from '@motcua/shared/sync/topics';

/** What the dashboard reads from the running hub (injected: tests may hand in their own). */
export interface HubAccess {
  state(): QueueState;
  config(): CentreConfig;
  presence(deviceId: string): { readonly online: boolean; readonly epoch: number } | undefined;
  health(deviceId: string): HealthMessage | undefined;
  /** Devices the hub has heard from (presence or health), beyond those named in the config. */
  knownDevices(): readonly string[];
  /** Refused messages by `${device}:${reason}`. */
  rejections(): Readonly<Record<string, number>>;
  /**
   * Applies a new configuration at the hub (synchronously, before its first await) and publishes it as the
   * retained config devices follow (kept for reconnects).
   */
  publishConfig(config: CentreConfig): Promise<void>;
  /**
   * Why a valid new configuration cannot be applied now, field-named (see hub/src/live-config.ts); empty or
   * absent when it can.
   */
  vetConfig?(current: CentreConfig, next: CentreConfig): readonly { field: string; message: string }[];
}

export type AlertKind = 'printer' | 'offline' | 'conflict' | 'refused';

export interface Alert {
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: 'warning' | 'critical';
  readonly device: string | null;
  /** printer: the printer state; conflict: the rejection reason; refused: the refusal reason. */
  readonly code: string;
  readonly detail: string;
  readonly count: number;
  readonly since: number;
  readonly ack: { readonly by: string; readonly at: number } | null;
}

export interface LiveArea {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly waiting: number;
  readonly issued: number;
  readonly served: number;
  /** For a ticket taken now; null when no counter serving the area is open. */
  readonly estimatedWaitMin: number | null;
  readonly waitMeanMin: number | null;
  readonly waitP90Min: number | null;
}

export interface LiveCounter {
  readonly id: string;
  readonly number: number;
  readonly name: string | null;
  readonly status: string;
  readonly pauseReason: string | null;
  readonly officer: string | null;
  readonly current: string | null;
  readonly currentStatus: string | null;
  readonly served: number;
}

export interface LiveDevice {
  readonly id: string;
  readonly role: string;
  /** null: never heard from since the hub started. */
  readonly online: boolean | null;
  readonly lastSeenAt: number | null;
  readonly printer: string | null;
}

export interface LiveView {
  readonly day: string;
  readonly centre: string;
  readonly revision: number;
  readonly areas: readonly LiveArea[];
  readonly counters: readonly LiveCounter[];
  readonly devices: readonly LiveDevice[];
  readonly alerts: readonly Alert[];
}

const PRINTER_CRITICAL = new Set(['paper-out', 'cover-open', 'offline', 'no-answer', 'disconnected']);

type Raw = Omit<Alert, 'ack' | 'since'>;

/**
 * Remembers when each alert started and who acknowledged it. An acknowledgement holds while the condition
 * lasts; once it clears, the acknowledgement is forgotten, so the same alert happening again comes back. A
 * refusal count that grows after its acknowledgement is a new occurrence too.
 */
export class AlertBook {
  private readonly since = new Map<string, number>();
  private readonly acks = new Map<string, { by: string; at: number; count: number }>();

  update(raw: readonly Raw[], now: number): Alert[] {
    const active = new Set(raw.map((a) => a.key));
    for (const k of [...this.since.keys()]) if (!active.has(k)) this.since.delete(k);
    for (const k of [...this.acks.keys()]) if (!active.has(k)) this.acks.delete(k);
    return raw.map((a) => {
      if (!this.since.has(a.key)) this.since.set(a.key, now);
      const ack = this.acks.get(a.key);
      const stillAcked = ack !== undefined && a.count <= ack.count;
      if (ack !== undefined && !stillAcked) this.acks.delete(a.key);
      return { ...a, since: this.since.get(a.key)!, ack: stillAcked ? { by: ack.by, at: ack.at } : null };
    });
  }

  /** False when no such alert is active (already cleared, or a made-up key). */
  acknowledge(alerts: readonly Alert[], key: string, by: string, now: number): boolean {
    const a = alerts.find((x) => x.key === key);
    if (a === undefined) return false;
    this.acks.set(key, { by, at: now, count: a.count });
    return true;
  }
}

function deviceRoles(config: CentreConfig, known: readonly string[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const k of config.kiosks) roles.set(k.id, 'kiosk');
  for (const d of config.devices) roles.set(d.id, d.role);
  for (const id of known) if (!roles.has(id) && id !== 'hub') roles.set(id, 'device');
  return roles;
}

/** Tracks when each device was last seen online (the hub's presence says only online or not). */
export class LastSeen {
  private readonly at = new Map<string, number>();
  note(id: string, online: boolean, now: number): number | null {
    if (online) this.at.set(id, now);
    return this.at.get(id) ?? null;
  }
}

export function rawAlerts(hub: HubAccess, devices: readonly LiveDevice[]): Raw[] {
  const out: Raw[] = [];
  for (const d of devices) {
    if (d.printer !== null && d.printer !== 'ready' && d.printer !== 'unknown')
      out.push({
        key: `printer:${d.id}:${d.printer}`,
        kind: 'printer',
        severity: PRINTER_CRITICAL.has(d.printer) ? 'critical' : 'warning',
        device: d.id,
        code: d.printer,
        detail: '',
        count: 1,
      });
    if (d.online === false)
      out.push({
        key: `offline:${d.id}`,
        kind: 'offline',
        severity: 'critical',
        device: d.id,
        code: 'offline',
        detail: '',
        count: 1,
      });
  }
  for (const r of hub.state().rejected.slice(-50))
    out.push({
      key: `conflict:${r.eventId}`,
      kind: 'conflict',
      severity: 'warning',
      device: null,
      code: r.reason,
      detail: `${r.type}: ${r.detail}`.slice(0, 300),
      count: 1,
    });
  for (const [k, n] of Object.entries(hub.rejections())) {
    const i = k.indexOf(':');
    const device = i < 0 ? k : k.slice(0, i);
    const reason = i < 0 ? '' : k.slice(i + 1);
    out.push({
      key: `refused:${k}`,
      kind: 'refused',
      severity: 'critical',
      device,
      code: reason,
      detail: '',
      count: n,
    });
  }
  return out;
}

export function liveView(hub: HubAccess, book: AlertBook, lastSeen: LastSeen, now: number): LiveView {
  const s = hub.state();
  const config = hub.config();
  const stats = computeStatistics(s, config);
  const officerName = new Map(config.officers.map((o) => [o.id, o.name]));
  const areaOf = new Map(config.areas.map((a) => [a.id, a]));
  const areas = config.areas.map((a): LiveArea => {
    const f = stats.areas[a.id];
    const waiting = s.waitingByArea.get(a.id)?.size ?? 0;
    return {
      id: a.id,
      name: a.name,
      nameEn: a.nameEn ?? null,
      waiting,
      issued: f?.issued ?? 0,
      served: f?.served ?? 0,
      estimatedWaitMin: estimatedWaitMinutes(s, config, a.id, waiting, now),
      waitMeanMin: f?.waitMeanMin ?? null,
      waitP90Min: f?.waitP90Min ?? null,
    };
  });
  const counters = config.counters.map((c): LiveCounter => {
    const st = s.counters.get(c.id);
    const cur = st?.current == null ? undefined : s.tickets.get(st.current);
    const area = cur === undefined ? undefined : areaOf.get(cur.areaId);
    const officer = st?.officerId ?? null;
    return {
      id: c.id,
      number: c.number,
      name: c.name ?? null,
      status: st?.status ?? 'closed',
      pauseReason: st?.pauseReason ?? null,
      officer: officer === null ? null : (officerName.get(officer) ?? officer),
      current:
        cur === undefined ? null : area === undefined ? String(cur.number) : displayNumber(area, cur.number),
      currentStatus: cur?.status ?? null,
      served: stats.counters[c.id]?.served ?? 0,
    };
  });
  const roles = deviceRoles(config, hub.knownDevices());
  const devices = [...roles.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, role]): LiveDevice => {
      const p = hub.presence(id);
      return {
        id,
        role,
        online: p?.online ?? null,
        lastSeenAt: lastSeen.note(id, p?.online === true, now),
        printer: hub.health(id)?.printer ?? null,
      };
    });
  return {
    day: s.day,
    centre: config.centre.name,
    revision: config.revision,
    areas,
    counters,
    devices,
    alerts: book.update(rawAlerts(hub, devices), now),
  };
}
