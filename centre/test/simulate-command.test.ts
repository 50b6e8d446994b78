/** `motcua simulate`, called as the CLI calls it: options, the text report, the JSON report, bad input. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../src/cli/simulate-command.js';

const district = fileURLToPath(new URL('../../shared/config-examples/district.json', import.meta.url));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await simulateCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('motcua simulate', () => {
  it('--json: statistics, invariants, both MAE figures and the per-area breakdown', async () => {
    const r = await run('--config', district, '--seed', '4', '--citizens', '150', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown> & {
      waitEstimate: { byArea: Record<string, { maeMin: number | null }>; measured: number };
      invariants: Record<string, boolean>;
    };
    expect(typeof j.wait_estimate_mae_min).toBe('number');
    expect(typeof j.baseline_mae_min).toBe('number');
    expect(j.waitEstimate.measured).toBeGreaterThan(50);
    expect(Object.keys(j.waitEstimate.byArea).sort()).toEqual(['datdai', 'hotich', 'kinhdoanh', 'xaydung']);
    expect(Object.values(j.invariants).every(Boolean)).toBe(true);
    expect(j.profile).toBe('morning-peak');
  });

  it('text report names both figures; --day-profile flat is accepted', async () => {
    const r = await run('--config', district, '--seed', '4', '--citizens', '100', '--day-profile', 'flat');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/wait_estimate_mae_min \d+\.\d\d, baseline_mae_min \d+\.\d\d/);
    expect(r.out).toMatch(/flat/);
    expect(r.out).toMatch(/ok {3}convergence/);
  });

  it('bad options: exit code 2 and a reason', async () => {
    for (const argv of [['--seed', 'x'], ['--citizens', '-3'], ['--day-profile', 'rush'], ['--unknown']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^motcua simulate: /);
    }
  });
});
