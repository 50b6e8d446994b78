/** The centre `motcua bench sync` simulates (shared by the bench and its child process of simulated devices). */
import { AROUND_THE_CLOCK, parseConfig, silentLogger, systemClock, type CentreConfig } from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import type { DeviceRole } from '@motcua/shared/sync/topics';

export const BENCH_AREAS: readonly string[] = ['a', 'b', 'c', 'd'];

/** A centre with `counters` counters serving four areas, plus a large area for the bulk upload; open all day. */
export function benchSyncConfig(counters: number, kiosks: number): CentreConfig {
  return parseConfig({
    schemaVersion: 1,
    centre: { id: 'bench', name: 'Trung tâm đo hiệu năng', timeZone: 'Asia/Ho_Chi_Minh' },
    departments: [{ id: 'd1', name: 'Sở Tư pháp' }],
    areas: [
      ...BENCH_AREAS.map((id, i) => ({
        id,
        departmentId: 'd1',
        name: `Lĩnh vực ${id.toUpperCase()}`,
        numberRange: { from: (i + 1) * 10_000, to: (i + 1) * 10_000 + 9_999 },
        dailyQuota: 9_999,
      })),
      {
        id: 'bulk',
        departmentId: 'd1',
        name: 'Hồ sơ trực tuyến',
        numberRange: { from: 1, to: 89_999 },
        dailyQuota: 89_999,
      },
    ],
    counters: Array.from({ length: counters }, (_, i) => ({
      id: `c${i + 1}`,
      number: i + 1,
      // the last counter also serves the bulk area (a config must not leave an area unserved)
      areas: i === counters - 1 ? [...BENCH_AREAS, 'bulk'] : BENCH_AREAS,
    })),
    kiosks: Array.from({ length: kiosks }, (_, i) => ({ id: `kiosk-${i + 1}` })),
    // One officer without a PIN: `bench counter` logs in on the panel page by picking the name.
    officers: [{ id: 'o1', name: 'Nguyễn Thị Hương' }],
    hours: AROUND_THE_CLOCK,
  });
}

export type BenchDevice = DeviceCore & { readonly id: string };

/**
 * A simulated device started through the device runtime: its own SQLite file in `dir` and its own MQTT
 * connection (not started: the bench times the connect).
 */
export function benchDevice(
  config: CentreConfig,
  url: string,
  dir: string,
  id: string,
  role: DeviceRole,
): BenchDevice {
  const core = openDevice({
    role,
    deviceId: id,
    dataDir: dir,
    brokerUrl: url,
    config,
    clock: systemClock,
    logger: silentLogger,
    sync: { requestTimeoutMs: 10_000 },
    start: false,
  });
  return Object.assign(core, { id });
}
