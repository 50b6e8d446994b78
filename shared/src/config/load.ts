import { readFileSync } from 'node:fs';
import { issuesToProblems, type FieldProblem } from './issues.js';
import { CONFIG_SCHEMA_VERSION, configSchema, type CentreConfig } from './schema.js';

export type ConfigProblem = FieldProblem;

export class ConfigError extends Error {
  readonly reason = 'invalid-config';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Older documents are upgraded here, one version at a time. A document from a newer version than this
 * software knows is refused rather than half-understood.
 */
function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > CONFIG_SCHEMA_VERSION) {
    throw new ConfigError([
      {
        field: 'schemaVersion',
        message: `is ${version}, newer than this software understands (${CONFIG_SCHEMA_VERSION}); update the software`,
      },
    ]);
  }
  return raw;
}

function crossCheck(c: CentreConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const dup = (list: readonly { id: string }[], name: string): void => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) problems.push({ field: `${name}[${i}].id`, message: `duplicate id "${x.id}"` });
      seen.add(x.id);
    });
  };
  dup(c.departments, 'departments');
  dup(c.areas, 'areas');
  dup(c.counters, 'counters');
  dup(c.officers, 'officers');
  dup(c.kiosks, 'kiosks');
  dup(c.priorityCategories, 'priorityCategories');
  const depts = new Set(c.departments.map((d) => d.id));
  const areas = new Set(c.areas.map((a) => a.id));
  c.areas.forEach((a, i) => {
    if (!depts.has(a.departmentId))
      problems.push({ field: `areas[${i}].departmentId`, message: `unknown department "${a.departmentId}"` });
    const size = a.numberRange.to - a.numberRange.from + 1;
    if (a.dailyQuota > size)
      problems.push({
        field: `areas[${i}].dailyQuota`,
        message: `is ${a.dailyQuota} but numberRange holds only ${size} numbers`,
      });
  });
  const numbers = new Map<number, number>();
  c.counters.forEach((k, i) => {
    k.areas.forEach((a, j) => {
      if (!areas.has(a))
        problems.push({ field: `counters[${i}].areas[${j}]`, message: `unknown area "${a}"` });
    });
    if (new Set(k.areas).size !== k.areas.length)
      problems.push({ field: `counters[${i}].areas`, message: 'lists an area twice' });
    const other = numbers.get(k.number);
    if (other !== undefined)
      problems.push({
        field: `counters[${i}].number`,
        message: `${k.number} is also counters[${other}].number`,
      });
    numbers.set(k.number, i);
  });
  c.kiosks.forEach((k, i) => {
    k.areas?.forEach((a, j) => {
      if (!areas.has(a)) problems.push({ field: `kiosks[${i}].areas[${j}]`, message: `unknown area "${a}"` });
    });
  });
  dup(c.devices, 'devices');
  const kioskIds = new Set(c.kiosks.map((k) => k.id));
  const counterIds = new Set(c.counters.map((k) => k.id));
  c.devices.forEach((d, i) => {
    if (d.id === 'hub')
      problems.push({ field: `devices[${i}].id`, message: '"hub" is reserved for the site hub' });
    if (d.role === 'kiosk' && !kioskIds.has(d.id))
      problems.push({ field: `devices[${i}].id`, message: `kiosk device "${d.id}" is not in kiosks` });
    if ((d.role === 'counter' || d.role === 'ratingpad') && d.counterId === undefined)
      problems.push({ field: `devices[${i}].counterId`, message: `is required for a ${d.role}` });
    if (d.counterId !== undefined && !counterIds.has(d.counterId))
      problems.push({ field: `devices[${i}].counterId`, message: `unknown counter "${d.counterId}"` });
  });
  const served = new Set(c.counters.flatMap((k) => k.areas));
  c.areas.forEach((a, i) => {
    if (!served.has(a.id))
      problems.push({ field: `areas[${i}]`, message: `area "${a.id}" is served by no counter` });
  });
  const values = c.rating.levels.map((l) => l.value);
  if (new Set(values).size !== values.length)
    problems.push({ field: 'rating.levels', message: 'two levels share a value' });
  return problems;
}

export function parseConfig(raw: unknown): CentreConfig {
  const result = configSchema.safeParse(migrate(raw));
  if (!result.success) {
    throw new ConfigError(issuesToProblems(result.error.issues));
  }
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

export function loadConfigFile(path: string): CentreConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([{ field: '(file)', message: `cannot read ${path}: ${(e as Error).message}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError([
      { field: '(file)', message: `${path} is not valid JSON: ${(e as Error).message}` },
    ]);
  }
  return parseConfig(raw);
}
