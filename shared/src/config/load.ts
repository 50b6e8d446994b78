import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { issuesToProblems, type FieldProblem } from './issues.js';
import { CONFIG_SCHEMA_VERSION, configSchema, type CentreConfig } from './schema.js';

export type ConfigProblem = FieldProblem;

/** Problems shown by `format` (and the error message) before "… and N more". */
export const SHOWN_PROBLEMS = 50;

export class ConfigError extends Error {
  readonly reason = 'invalid-config';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * One line per problem, at most `max` of them, then a count of the rest: a broken 5 MB file has tens of thousands
 * of problems, and the first ones are what the person fixing it reads.
 */
export function formatProblems(problems: readonly ConfigProblem[], max = SHOWN_PROBLEMS): string[] {
  const lines = problems.slice(0, max).map((p) => `${p.field}: ${p.message}`);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more problems`);
  return lines;
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
  const input = migrate(raw);
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const problems = issuesToProblems(result.error.issues, input);
    // Every error of the file in one pass: the references between sections are checked too, as far as the
    // file's shape allows, so bad references are not hidden until the bad ids are fixed.
    const bad = new Set(problems.map((p) => p.field));
    const refs = bestEffortCrossCheck(input).filter((p) => !bad.has(p.field));
    throw new ConfigError([...problems, ...refs]);
  }
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/**
 * crossCheck on input the schema refused: each section that parses on its own is used as parsed, the others are
 * left empty, so the checks that can run do. Problems only; never throws.
 */
function bestEffortCrossCheck(input: unknown): ConfigProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const shape = configSchema.shape;
  const sections = Object.keys(shape) as (keyof typeof shape)[];
  const partial: Record<string, unknown> = {};
  // Ids of list items left out for their own errors: a reference to one of them is not a second error.
  const dropped = new Set<string>();
  for (const k of sections) {
    const v = shape[k].safeParse((input as Record<string, unknown>)[k]);
    if (v.success) partial[k] = v.data;
    else {
      // Keep the well-formed items of a list, so one bad counter does not hide the others' references.
      const list = (input as Record<string, unknown>)[k];
      const schema = shape[k] as unknown as { element?: z.ZodType; unwrap?: () => { element?: z.ZodType } };
      const item = schema.element ?? schema.unwrap?.().element;
      partial[k] =
        Array.isArray(list) && item !== undefined
          ? list.flatMap((x) => {
              const r = item.safeParse(x);
              if (!r.success && typeof (x as { id?: unknown } | null)?.id === 'string')
                dropped.add((x as { id: string }).id);
              return r.success ? [r.data] : [];
            })
          : shape[k].safeParse(undefined).data;
    }
  }
  try {
    return crossCheck(partial as CentreConfig).filter((p) => {
      const named = /"([^"]+)"/.exec(p.message)?.[1];
      return named === undefined || !dropped.has(named);
    });
  } catch {
    return [];
  }
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
