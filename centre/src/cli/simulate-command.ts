import { parseArgs } from 'node:util';
import { exampleConfigPaths, loadConfigFile } from '@motcua/shared';
import { DAY_PROFILES, isDayProfileName } from '@motcua/shared/sim/behaviour';
import { simulateDay } from '@motcua/shared/sim/day';
import type { CliIo } from './io.js';

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));

export async function simulateCommand(argv: string[], io: CliIo): Promise<number> {
  await Promise.resolve();
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string', default: '1' },
        config: { type: 'string' },
        citizens: { type: 'string' },
        'day-profile': { type: 'string', default: 'morning-peak' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    io.err(`motcua simulate: ${(e as Error).message}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    io.err('motcua simulate: --seed must be an integer');
    return 2;
  }
  const citizens = values.citizens === undefined ? undefined : Number(values.citizens);
  if (citizens !== undefined && !(Number.isInteger(citizens) && citizens >= 0 && citizens <= 100_000)) {
    io.err('motcua simulate: --citizens must be a whole number from 0 to 100000');
    return 2;
  }
  const profile = values['day-profile'];
  if (!isDayProfileName(profile)) {
    io.err(`motcua simulate: --day-profile must be one of ${Object.keys(DAY_PROFILES).join(', ')}`);
    return 2;
  }
  const config = loadConfigFile(values.config ?? exampleConfigPaths.provincial);
  const r = simulateDay(config, seed, { profile, ...(citizens === undefined ? {} : { citizens }) });
  const ok = Object.values(r.invariants).every(Boolean);
  if (values.json) io.out(JSON.stringify(r, null, 2));
  else {
    const c = r.statistics.centre;
    const w = r.waitEstimate;
    io.out(
      `simulated ${r.day} at ${r.centre} (seed ${seed}, ${r.profile}): ${r.arrivals} arrivals, ${r.tickets} tickets, ${r.events} events`,
    );
    io.out(`served ${c.served}, no-show ${c.noShow}, waiting at close ${c.waiting}`);
    io.out(
      `wait mean ${c.waitMeanMin} min (p90 ${c.waitP90Min}); service mean ${c.serviceMeanMin} min (p90 ${c.serviceP90Min})`,
    );
    io.out(
      `wait estimate on tickets: wait_estimate_mae_min ${fmt(r.wait_estimate_mae_min)}, baseline_mae_min ${fmt(r.baseline_mae_min)} (${w.improvementPct === null ? 'n/a' : `${w.improvementPct} %`} better; bias ${fmt(w.biasMin)}; ${w.measured} tickets measured, ${w.noEstimate} without an estimate, ${w.neverCalled} never called)`,
    );
    for (const [k, v] of Object.entries(r.invariants)) io.out(`  ${v ? 'ok  ' : 'FAIL'} ${k}`);
  }
  return ok ? 0 : 1;
}
