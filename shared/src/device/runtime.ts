/**
 * The role-independent core of every device: what a kiosk, a counter panel, a display, a rating pad, a board
 * and a look-up terminal all do the same way, so no place that runs a device wires it by hand.
 *
 * - Boots offline: the configuration is the one the hub last sent (kept in the device's SQLite), or the given
 *   one when nothing is stored (first boot, provisioning); with neither it refuses to start (`no-config`).
 * - Follows the hub's clock: a SyncedClock fed by every answer of the hub, its last (hub − wall) offset kept in
 *   SQLite and read before the store opens (the store takes its business day from the clock), so a device whose
 *   own clock is wrong never stamps events or picks a business day from it, also after a restart without the hub.
 * - Opens the EventStore and the DeviceSync, and tells role runtimes when the queue changed: after a local commit
 *   and after events from other devices, coalesced to one call per turn of the event loop.
 * - Reports the link to the hub (online / offline and since when).
 *
 * The store and the sync link are for role runtimes (and tests, benches); a screen sees only the DeviceApi a
 * role runtime builds on top of this.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type CentreConfig } from '../config.js';
import type { CommandResult } from '../domain/commands.js';
import type { QueueState } from '../domain/state.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import { SyncedClock } from '../runtime/synced-clock.js';
import { readMeta } from '../store/db.js';
import { EventStore, type IntentResult } from '../store/event-store.js';
import { DeviceSync, type Backoff } from '../sync/device-sync.js';
import type { DeviceRole } from '../sync/topics.js';
import type { ConnectionState } from './api.js';

export class DeviceBootError extends Error {
  constructor(
    readonly reason: 'no-config' | 'bad-options',
    message: string,
  ) {
    super(message);
    this.name = 'DeviceBootError';
  }
}

/** Sync tuning; every field defaults to DeviceSync's own default. */
export interface SyncTuning {
  readonly keepaliveS?: number;
  readonly backoff?: Backoff;
  readonly requestTimeoutMs?: number;
  readonly resendMs?: number;
  readonly gapCatchUpMs?: number;
  readonly random?: () => number;
  /** Look-up terminals: how long after a catalogue manifest missing parts are logged (default 30 s). */
  readonly cataloguePartsWaitMs?: number;
}

export interface OpenDeviceOptions {
  /** The device's role on the broker (ACL). */
  readonly role: DeviceRole;
  readonly deviceId: string;
  /** The SQLite file; or `dataDir`, which gets `<deviceId>.db`. */
  readonly dbPath?: string;
  readonly dataDir?: string;
  readonly brokerUrl: string;
  readonly username?: string;
  readonly password?: string;
  /** Used when no configuration is stored, or when it is a newer revision than the stored one. */
  readonly config?: CentreConfig;
  /**
   * Called when the hub sent a newer configuration than the one this runtime runs (it is stored; the next boot
   * uses it). Browser mode restarts the runtime in place (`serveRestartingDevice`).
   */
  readonly onNewConfig?: (revision: number) => void;
  /** The wall clock (default the system's); the device's own clock follows the hub on top of it. */
  readonly clock?: Clock;
  readonly logger: Logger;
  readonly sync?: SyncTuning;
  /** Take other devices' events straight from the broker too (boards, displays: see DeviceSync). */
  readonly hearDevices?: boolean;
  /** Follow the hub's clock (default true). Off only for simulations that drive time themselves. */
  readonly followHubClock?: boolean;
  /** Connect at once (default true); false leaves it to `start()` (a bench that times the connect). */
  readonly start?: boolean;
  /** Period of the store's WAL checkpoint (default 10 s; 0: none, the caller checkpoints). */
  readonly checkpointMs?: number;
  /** How often the link state is looked at for `connection` listeners (default 200 ms). */
  readonly connectionPollMs?: number;
}

export interface DeviceStatus {
  /** The business day the device is on (after a day change by its clock). */
  readonly day: string;
  /** The device's clock (following the hub's). */
  readonly now: number;
  readonly connected: boolean;
  /** True once the hub's time has been seen in this process. */
  readonly clockSynced: boolean;
  /** DeviceSync's view of (hub − device clock), from the last answer; null before any answer. */
  readonly hubOffsetMs: number | null;
  /** Own events not yet acknowledged by the hub. */
  readonly outboxPending: number;
  /** The revision of the configuration stored from the hub (what the next boot uses); null if none. */
  readonly storedConfigRevision: number | null;
}

export interface DeviceCore {
  readonly deviceId: string;
  readonly role: DeviceRole;
  readonly config: CentreConfig;
  readonly path: string;
  readonly store: EventStore;
  readonly sync: DeviceSync;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Runs one intent locally (one transaction), sends it to the hub, and tells the change listeners. */
  commit(decide: (s: QueueState) => CommandResult): IntentResult;
  /** Tells the change listeners (coalesced) that something they show may have changed. */
  changed(): void;
  /** Called after local commits and remote events, at most once per turn of the event loop. */
  changes(fn: () => void): () => void;
  connectionState(): ConnectionState;
  /** Called at once, then on every change of the link. */
  connection(fn: (c: ConnectionState) => void): () => void;
  status(): DeviceStatus;
  start(): void;
  isStopped(): boolean;
  stop(): Promise<void>;
}

/** The (hub − wall) offset kept in meta under this key. */
const OFFSET_KEY = 'hub-offset';

function resolveConfig(path: string, given: CentreConfig | undefined, log: Logger): CentreConfig {
  const raw = existsSync(path) ? readMeta(path, 'config') : null;
  let stored: CentreConfig | null = null;
  if (raw !== null) {
    try {
      stored = parseConfig((JSON.parse(raw) as { config: unknown }).config);
    } catch (e) {
      log.warn('stored configuration unreadable; ignored', { message: (e as Error).message });
    }
  }
  if (stored !== null && (given === undefined || given.revision <= stored.revision)) return stored;
  if (given !== undefined) return given;
  throw new DeviceBootError(
    'no-config',
    'no configuration stored on this device and none given: connect it to the hub once, or provision one',
  );
}

function storedRevision(raw: string | null): number | null {
  if (raw === null) return null;
  const r = (JSON.parse(raw) as { revision?: unknown }).revision;
  return typeof r === 'number' ? r : null;
}

function storedOffset(path: string): number {
  if (!existsSync(path)) return 0;
  const v = Number(readMeta(path, OFFSET_KEY) ?? '0');
  return Number.isFinite(v) ? v : 0;
}

export function openDevice(o: OpenDeviceOptions): DeviceCore {
  let path: string;
  if (o.dbPath !== undefined) path = o.dbPath;
  else if (o.dataDir !== undefined) {
    mkdirSync(o.dataDir, { recursive: true });
    path = join(o.dataDir, `${o.deviceId}.db`);
  } else throw new DeviceBootError('bad-options', 'openDevice needs dbPath or dataDir');
  const log = o.logger.child(`device:${o.deviceId}`);
  const config = resolveConfig(path, o.config, log);
  const wall = o.clock ?? systemClock;
  const follow = o.followHubClock ?? true;
  const synced = new SyncedClock(wall, follow ? storedOffset(path) : 0);
  const clock: Clock = follow ? synced : wall;
  const store = new EventStore({ path, deviceId: o.deviceId, config, clock, logger: o.logger });
  let savedOffset = Number(store.getMeta(OFFSET_KEY) ?? 'NaN');
  const t = o.sync ?? {};
  const sync = new DeviceSync({
    url: o.brokerUrl,
    centreId: config.centre.id,
    deviceId: o.deviceId,
    role: o.role,
    store,
    clock,
    logger: o.logger,
    ...(o.username === undefined ? {} : { username: o.username }),
    ...(o.password === undefined ? {} : { password: o.password }),
    ...(t.keepaliveS === undefined ? {} : { keepaliveS: t.keepaliveS }),
    ...(t.backoff === undefined ? {} : { backoff: t.backoff }),
    ...(t.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: t.requestTimeoutMs }),
    ...(t.resendMs === undefined ? {} : { resendMs: t.resendMs }),
    ...(t.gapCatchUpMs === undefined ? {} : { gapCatchUpMs: t.gapCatchUpMs }),
    ...(t.random === undefined ? {} : { random: t.random }),
    ...(t.cataloguePartsWaitMs === undefined ? {} : { cataloguePartsWaitMs: t.cataloguePartsWaitMs }),
    ...(o.hearDevices === true ? { hearDevices: true } : {}),
    onConfigStored: (revision: number) => {
      if (revision > config.revision) o.onNewConfig?.(revision);
    },
    ...(follow
      ? {
          onHubTime: (hubTime: number) => {
            const offset = synced.update(hubTime);
            // Persist only real changes: a write per answer would put an fsync on every request.
            if (!(Math.abs(offset - savedOffset) < 1_000)) {
              try {
                store.setMeta(OFFSET_KEY, String(offset));
                savedOffset = offset;
              } catch (e) {
                log.warn('hub clock offset not stored', { message: (e as Error).message });
              }
            }
          },
        }
      : {}),
  });

  let stopped = false;
  const changeListeners = new Set<() => void>();
  let changeScheduled = false;
  const changed = (): void => {
    if (changeScheduled || stopped || changeListeners.size === 0) return;
    changeScheduled = true;
    setImmediate(() => {
      changeScheduled = false;
      if (stopped) return;
      for (const fn of [...changeListeners]) {
        try {
          fn();
        } catch (e) {
          log.error('change listener failed', { message: (e as Error).message });
        }
      }
    });
  };
  const offEvents = sync.onEvents(() => changed());

  let conn: ConnectionState = { hub: 'offline', since: wall.now() };
  const connListeners = new Set<(c: ConnectionState) => void>();
  const lookAtLink = (): void => {
    const hub = sync.connected ? 'online' : 'offline';
    if (hub === conn.hub) return;
    conn = { hub, since: wall.now() };
    for (const fn of [...connListeners]) fn(conn);
    // What a screen shows can depend on the link (the kiosk's "offline" marks): recompute.
    changed();
  };
  // DeviceSync has no link events; looking every 200 ms is cheap and bounds how stale the indicator can be.
  // A board must also turn the page at midnight when nothing happens: the business day is looked at every
  // second. Both run only while someone listens (a simulated device with no screen pays nothing).
  let dayFailures = 0;
  const lookAtDay = (): void => {
    try {
      if (!stopped && store.rollDay()) changed();
    } catch (e) {
      // The store refused (disk full, closed under us): the next command reports it; say so once here.
      if (dayFailures++ === 0) log.error('business day check failed', { message: (e as Error).message });
    }
  };
  let timers: NodeJS.Timeout[] = [];
  const watchIfListened = (): void => {
    const wanted = !stopped && changeListeners.size + connListeners.size > 0;
    if (wanted && timers.length === 0) {
      lookAtLink();
      timers = [setInterval(lookAtLink, o.connectionPollMs ?? 200), setInterval(lookAtDay, 1_000)];
      for (const t of timers) t.unref();
    } else if (!wanted && timers.length > 0) {
      for (const t of timers) clearInterval(t);
      timers = [];
    }
  };
  const checkpointMs = o.checkpointMs ?? 10_000;
  const stopMaintenance = checkpointMs > 0 ? store.startMaintenance(checkpointMs) : () => undefined;

  let started = false;
  let stopping: Promise<void> | null = null;
  const core: DeviceCore = {
    deviceId: o.deviceId,
    role: o.role,
    config,
    path,
    store,
    sync,
    clock,
    logger: o.logger,
    commit(decide: (s: QueueState) => CommandResult) {
      const r = store.commit(decide);
      if (r.ok) {
        sync.flush();
        changed();
      }
      return r;
    },
    changed,
    changes(fn) {
      changeListeners.add(fn);
      watchIfListened();
      return () => {
        changeListeners.delete(fn);
        watchIfListened();
      };
    },
    connectionState: () => {
      lookAtLink();
      return conn;
    },
    connection(fn) {
      connListeners.add(fn);
      watchIfListened();
      fn(conn);
      return () => {
        connListeners.delete(fn);
        watchIfListened();
      };
    },
    status() {
      if (!stopped) store.rollDay();
      return {
        day: store.day,
        now: clock.now(),
        connected: sync.connected,
        clockSynced: synced.synced,
        hubOffsetMs: sync.hubClockOffsetMs,
        outboxPending: stopped ? 0 : store.pendingOutbox(1_000).length,
        storedConfigRevision: stopped ? null : storedRevision(store.getMeta('config')),
      };
    },
    start() {
      if (started || stopped) return;
      started = true;
      sync.start();
    },
    isStopped: () => stopped,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        offEvents();
        changeListeners.clear();
        connListeners.clear();
        watchIfListened();
        await sync.stop().catch((e: unknown) => log.warn('sync stop failed', { message: String(e) }));
        stopMaintenance();
        store.close();
      })();
      return stopping;
    },
  };
  if (o.start ?? true) core.start();
  return core;
}
