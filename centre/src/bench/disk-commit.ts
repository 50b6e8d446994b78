/**
 * The disk's share of a call: durable SQLite commits in a folder, timed one at a time with a pause between them
 * (as calls come), on a database opened exactly as the hub's (WAL, synchronous=FULL: `openDatabase`).
 *
 * `bench sync` prints it beside the MQTT round trip. A call waits for one such commit on the hub, so the call's
 * ratio to the round trip depends on this machine's fsync as much as on the code: on this VM a commit went from
 * ~0.27 ms (2026-11-21) to ~0.5–0.9 ms while the round trip went from ~0.16 to ~0.23 ms.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@motcua/shared/store/db';

export interface DiskCommitFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
}

/**
 * `samples` commits of one ~1 KB row each, 1 ms apart, in a scratch database under `dir` that is removed
 * afterwards. The first 10 commits (the WAL growing to its working size) are not counted.
 */
export async function measureDiskCommit(dir: string, samples = 200): Promise<DiskCommitFigures> {
  const path = join(dir, 'disk-probe.db');
  const db = openDatabase(path);
  try {
    const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const body = 'x'.repeat(1024);
    const times: number[] = [];
    for (let i = 0; i < samples + 10; i++) {
      const t0 = performance.now();
      put.run(`probe-${i % 20}`, body);
      if (i >= 10) times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 1));
    }
    return { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
  } finally {
    db.close();
    for (const side of ['', '-wal', '-shm']) rmSync(path + side, { force: true });
  }
}
