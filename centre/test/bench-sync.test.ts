/** `motcua bench sync` as a user runs it: a real process and a real Mosquitto. Figures are printed, not judged. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));

describe('motcua bench sync', () => {
  it('prints every figure as JSON (small numbers)', () => {
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'bench',
        'sync',
        '--json',
        '--counters',
        '3',
        '--issues',
        '20',
        '--calls',
        '10',
        '--rtt-samples',
        '50',
        '--ingest-events',
        '300',
        '--catchup-events',
        '300',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of [
      'mqtt_rtt_p50_ms',
      'disk_commit_p50_ms',
      'disk_commit_p99_ms',
      'call_p50_ms',
      'call_p99_ms',
      'issue_p50_ms',
      'issue_p99_ms',
      'catchup_10k_s',
      'hub_ingest_events_per_s',
    ])
      expect(typeof out[k], k).toBe('number');
    expect(out.calls).toBe(10);
    expect(out.ingest_events).toBe(300);
    expect(out.catchup_events).toBeGreaterThanOrEqual(300);
  }, 90_000);

  it('says clearly when Mosquitto is missing and exits non-zero', async () => {
    const { benchSync, BenchSetupError } = await import('../src/bench/sync.js');
    await expect(benchSync({ mosquitto: '/nonexistent/mosquitto' })).rejects.toBeInstanceOf(BenchSetupError);
  });
});
