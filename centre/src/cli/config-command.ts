import { ConfigError, formatProblems, loadConfigFile } from '@motcua/shared';
import type { CliIo } from './io.js';

export async function configCommand(argv: string[], io: CliIo): Promise<number> {
  await Promise.resolve();
  const [sub, file] = argv;
  if (sub !== 'validate' || file === undefined) {
    io.err('usage: motcua config validate <file>');
    return 2;
  }
  try {
    const c = loadConfigFile(file);
    io.out(
      `${file}: valid (schema ${c.schemaVersion}, revision ${c.revision}) — ${c.centre.name}: ` +
        `${c.departments.length} departments, ${c.areas.length} areas, ${c.counters.length} counters, ` +
        `${c.kiosks.length} kiosks, ${c.priorityCategories.length} priority categories`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`${file}: invalid configuration`);
    for (const line of formatProblems(e.problems)) io.err(`  ${line}`);
    return 1;
  }
}
