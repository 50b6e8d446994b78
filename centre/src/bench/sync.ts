/**
 * `motcua bench sync`: figures for the sync path on this machine, against a real Mosquitto on loopback that the
 * bench starts itself (on a free port) and stops at the end. Not a test: it prints.
 *
 * Two processes simulate the centre. This one runs the hub (coordinator + its SQLite) and `displays` hall
 * displays; a child process (sync-farm.ts) runs `counters` counter panels and `kiosks` kiosks. Every
 * device has its own SQLite file and its own MQTT connection (DeviceSync) and stores every broadcast. In a
 * centre each device is its own machine: kept in the hub's process, forty counters storing each broadcast would
 * sit on the event loop between the hub and the displays, and the call figure would measure that queue.
 *
 * - mqtt_rtt_p50_ms: raw QoS 1 publish → delivery on the publisher's own subscription (loopback baseline);
 * - disk_commit_p50_ms / disk_commit_p99_ms: one small durable SQLite commit in the hub's folder, opened as the
 *   hub's (disk-commit.ts): the other baseline. A call waits for one commit of the hub's, so its ratio to the
 *   round trip moves with this machine's fsync;
 * - issue_p50_ms / issue_p99_ms: a kiosk's `issue` request → the hub's answer at the kiosk;
 * - call_p50_ms / call_p99_ms: a counter's `call next` request sent → the called event stored by every display;
 * - hub_ingest_events_per_s: a device with `ingestEvents` events in its outbox connects; events stored by the
 *   hub per second, from the device's start until the hub has acknowledged all of them;
 * - catchup_10k_s: a display that lacks `catchupEvents` events (and everything else) starts; seconds from
 *   start() (connect included) until its version vector equals the hub's (DeviceSync's catch-up pages).
 *
 * Phases run one after the other; during the ingest and catch-up phases the simulated counters, kiosks and
 * displays are stopped, so those figures are about the hub and the one device involved.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { silentLogger, systemClock, type EventDraft } from '@motcua/shared';
import { setNoDelay } from '@motcua/shared/sync/device-sync';
import type { DeviceRole } from '@motcua/shared/sync/topics';
import { MOSQUITTO_BIN, defaultTestConf, startMosquitto } from '../mosquitto.js';
import { measureDiskCommit } from './disk-commit.js';
import { startFarm, type Farm } from './farm.js';
import { benchDevice, benchSyncConfig, type BenchDevice } from './sync-config.js';
import { startHub } from '@motcua/hub/hub';

export { BENCH_AREAS, benchSyncConfig } from './sync-config.js';

export interface SyncBenchOptions {
  readonly counters?: number;
  readonly kiosks?: number;
  readonly displays?: number;
  /** Issue requests (split over the kiosks); also the tickets the calls take. */
  readonly issues?: number;
  /** Call-next presses (round robin over the counters); at most `issues`. */
  readonly calls?: number;
  readonly rttSamples?: number;
  /** Events in the uploading device's outbox for the ingest figure. */
  readonly ingestEvents?: number;
  /** Events the catching-up device lacks (at least; the hub also has the issue/call events). */
  readonly catchupEvents?: number;
  /** Default /usr/sbin/mosquitto. */
  readonly mosquitto?: string;
}

export interface SyncBench {
  mqtt_rtt_p50_ms: number;
  mqtt_rtt_p99_ms: number;
  disk_commit_p50_ms: number;
  disk_commit_p99_ms: number;
  call_p50_ms: number;
  call_p99_ms: number;
  calls: number;
  issue_p50_ms: number;
  issue_p99_ms: number;
  issues: number;
  catchup_10k_s: number;
  catchup_events: number;
  hub_ingest_events_per_s: number;
  ingest_events: number;
  counters: number;
  kiosks: number;
  displays: number;
  node: string;
}

export class BenchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSetupError';
  }
}

function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Waits for `cond`, checking every millisecond. Not on every turn of the event loop: that spins a core, and on a
 * 2-core machine the spin competes with the broker and the devices being measured. Times are taken where things
 * happen (the displays' listeners), not here.
 */
async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

type Device = BenchDevice;

export async function benchSync(opts: SyncBenchOptions = {}): Promise<SyncBench> {
  const nCounters = opts.counters ?? 40;
  const nKiosks = opts.kiosks ?? 2;
  const nDisplays = opts.displays ?? 4;
  const issues = opts.issues ?? 400;
  const calls = Math.min(opts.calls ?? 400, issues);
  const rttSamples = opts.rttSamples ?? 1000;
  const ingestEvents = opts.ingestEvents ?? 10_000;
  const catchupEvents = opts.catchupEvents ?? 10_000;
  const binary = opts.mosquitto ?? MOSQUITTO_BIN;
  if (!existsSync(binary))
    throw new BenchSetupError(`Mosquitto is missing: ${binary} not found (apt-get install mosquitto)`);

  const config = benchSyncConfig(nCounters, nKiosks);
  const centreId = config.centre.id;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));
  // The simulated counters and kiosks share one process and this machine's one disk; in a centre each has its
  // own. Their stores go to tmpfs when there is one, so their writes do not queue in front of the hub's fsync.
  const simDir = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'motcua-bench-sync-')) : dir;
  // As build/mosquitto/mosquitto.conf (production): without set_tcp_nodelay, Nagle's algorithm meets the
  // clients' delayed ACKs and a message can wait ~40 ms in the broker.
  const testConf = defaultTestConf();
  const broker = await startMosquitto({
    binary,
    conf: (ctx) => `${testConf(ctx)}set_tcp_nodelay true\n`,
  });
  const devices: Device[] = [];
  let hub: Awaited<ReturnType<typeof startHub>> | null = null;
  let farm: Farm | null = null;

  const device = (id: string, role: DeviceRole): Device => {
    const d = benchDevice(config, broker.url, simDir, id, role);
    devices.push(d);
    return d;
  };
  const stopDevice = async (d: Device): Promise<void> => {
    devices.splice(devices.indexOf(d), 1);
    await d.stop();
  };

  try {
    hub = await startHub({
      config,
      dataDir: join(dir, 'hub'),
      brokerUrl: broker.url,
      clock: systemClock,
      logger: silentLogger,
    });
    const hubStore = hub.store;

    // --- raw MQTT round trip --------------------------------------------------------------------------
    const raw = await mqtt.connectAsync(broker.url, { protocolVersion: 4, clean: true });
    setNoDelay(raw);
    const rttTopic = `bench/rtt/${process.pid}`;
    await raw.subscribeAsync(rttTopic, { qos: 1 });
    const rtts: number[] = [];
    {
      let resolveOne: (() => void) | null = null;
      raw.on('message', () => resolveOne?.());
      const payload = Buffer.alloc(200, 0x61);
      for (let i = 0; i < rttSamples; i++) {
        const t0 = performance.now();
        const got = new Promise<void>((r) => (resolveOne = r));
        raw.publish(rttTopic, payload, { qos: 1 });
        await got;
        rtts.push(performance.now() - t0);
      }
    }
    await raw.endAsync();

    // --- a durable commit on the hub's disk, nothing else running ------------------------------------
    const disk = await measureDiskCommit(dir);

    // --- the centre: counters and kiosks in the child process, displays here -------------------------
    farm = startFarm();
    const displays = Array.from({ length: nDisplays }, (_, i) => device(`board-${i + 1}`, 'display'));
    /** ticket id of a call -> [displays that stored the call, time (hrtime, ns) the last one did] */
    const seen = new Map<string, { n: number; at: bigint }>();
    for (const d of displays)
      d.sync.onEvents((evs) => {
        const at = process.hrtime.bigint();
        for (const e of evs) {
          if (e.type !== 'ticket.called') continue;
          const s = seen.get(e.data.ticketId);
          if (s) {
            s.n++;
            s.at = at;
          } else seen.set(e.data.ticketId, { n: 1, at });
        }
      });
    for (const d of displays) d.start();
    await farm.ask({ op: 'init', url: broker.url, counters: nCounters, kiosks: nKiosks, dir: simDir });
    await until(() => displays.every((d) => d.sync.connected), 30_000, 'all displays connected');
    // let the after-connect steps (presence, catch-up) settle
    await new Promise((r) => setTimeout(r, 500));
    await farm.ask({ op: 'open' });

    // --- issue -----------------------------------------------------------------------------------------
    const issueMs: number[] = [];
    for (let i = 0; i < issues; i++) {
      const r = await farm.ask({ op: 'issue', i });
      if (r.op !== 'issued') throw new Error(`bench: unexpected answer ${r.op}`);
      issueMs.push(r.ms);
    }
    await until(
      () => displays.every((d) => d.store.state.tickets.size >= issues),
      30_000,
      'displays have the tickets',
    );

    // --- call next → every display ----------------------------------------------------------------------
    const callMs: number[] = [];
    for (let i = 0; i < calls; i++) {
      const r = await farm.ask({ op: 'call', i });
      if (r.op !== 'called') throw new Error(`bench: unexpected answer ${r.op}`);
      await until(() => (seen.get(r.ticketId)?.n ?? 0) >= nDisplays, 10_000, `displays got ${r.ticketId}`);
      callMs.push(Number(seen.get(r.ticketId)!.at - BigInt(r.t0)) / 1e6);
    }

    await farm.stop();
    for (const d of [...devices]) await stopDevice(d);

    // --- hub ingest: a device with a full outbox connects ----------------------------------------------
    const loader = device('uploader', 'counter');
    const drafts: EventDraft[] = [];
    const day = loader.store.day;
    for (let n = 1; n <= ingestEvents; n++)
      drafts.push({
        type: 'ticket.issued',
        data: {
          ticketId: `${centreId}:${day}:bulk:${n}`,
          areaId: 'bulk',
          number: n,
          priority: null,
          kioskId: 'uploader',
          needsPrint: false,
          series: 'local',
        },
      });
    const committed = loader.store.commit(() => ({ ok: true, drafts, ticketId: null }));
    if (!committed.ok) throw new Error(`bench: bulk commit failed: ${committed.message}`);
    const before = hubStore.contiguousSeq('uploader');
    const tIngest = performance.now();
    loader.start();
    await until(
      () => hubStore.contiguousSeq('uploader') >= ingestEvents && loader.store.pendingOutbox(1).length === 0,
      120_000,
      'the hub to acknowledge the upload',
    );
    const ingestS = (performance.now() - tIngest) / 1000;
    const stored = hubStore.contiguousSeq('uploader') - before;
    await stopDevice(loader);

    // --- catch-up: a display that missed everything -----------------------------------------------------
    const late = device('board-late', 'display');
    const target = hubStore.versionVector();
    const lacking = Object.values(target).reduce((a, b) => a + b, 0);
    const tCatch = performance.now();
    late.start();
    const current = (): boolean =>
      Object.entries(target).every(([dev, seq]) => late.store.contiguousSeq(dev) >= seq);
    await until(current, 120_000, 'the late display to catch up');
    const catchupS = (performance.now() - tCatch) / 1000;
    await stopDevice(late);
    if (lacking < catchupEvents) throw new Error(`bench: only ${lacking} events to catch up`);

    return {
      mqtt_rtt_p50_ms: r3(percentile(rtts, 0.5)),
      mqtt_rtt_p99_ms: r3(percentile(rtts, 0.99)),
      disk_commit_p50_ms: r3(disk.p50Ms),
      disk_commit_p99_ms: r3(disk.p99Ms),
      call_p50_ms: r3(percentile(callMs, 0.5)),
      call_p99_ms: r3(percentile(callMs, 0.99)),
      calls,
      issue_p50_ms: r3(percentile(issueMs, 0.5)),
      issue_p99_ms: r3(percentile(issueMs, 0.99)),
      issues,
      catchup_10k_s: r3(catchupS),
      catchup_events: lacking,
      hub_ingest_events_per_s: Math.round(stored / ingestS),
      ingest_events: stored,
      counters: nCounters,
      kiosks: nKiosks,
      displays: nDisplays,
      node: process.version,
    };
  } finally {
    await farm?.stop().catch(() => undefined);
    for (const d of devices.splice(0)) await d.stop();
    await hub?.stop().catch(() => undefined);
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(simDir, { recursive: true, force: true });
  }
}
