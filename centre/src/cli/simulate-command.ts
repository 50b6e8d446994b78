import { parseArgs } from 'node:util';
import { exampleConfigPaths, loadConfigFile } from '@motcua/shared';
import { simulateDay } from '@motcua/shared/sim/day';
import type { CliIo } from './io.js';

export async function simulateCommand(argv: string[], io: CliIo): Promise<number> {
  await Promise.resolve();
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      config: { type: 'string' },
      citizens: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    io.err('motcua simulate: --seed must be an integer');
    return 2;
  }
  const config = loadConfigFile(values.config ?? exampleConfigPaths.provincial);
  const r = simulateDay(config, seed, values.citizens === undefined ? undefined : Number(values.citizens));
  const ok = Object.values(r.invariants).every(Boolean);
  if (values.json) io.out(JSON.stringify(r, null, 2));
  else {
    const c = r.statistics.centre;
    io.out(`simulated ${r.day} at ${r.centre} (seed ${seed}): ${r.tickets} tickets, ${r.events} events`);
    io.out(`served ${c.served}, no-show ${c.noShow}, waiting at close ${c.waiting}`);
    io.out(
      `wait mean ${c.waitMeanMin} min (p90 ${c.waitP90Min}); service mean ${c.serviceMeanMin} min (p90 ${c.serviceP90Min})`,
    );
    for (const [k, v] of Object.entries(r.invariants)) io.out(`  ${v ? 'ok  ' : 'FAIL'} ${k}`);
  }
  return ok ? 0 : 1;
}
