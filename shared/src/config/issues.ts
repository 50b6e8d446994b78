/**
 * Turns zod issues into "field: message" problems that name the field the way an administrator reads it.
 * Pure (no Node imports): the catalogue validator reuses it in the browser screens.
 */
import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the field, e.g. "counters[3].areas[0]". */
  readonly field: string;
  readonly message: string;
}

export function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The input value at an issue's path (zod does not report it unless asked). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`.trim();
}

/** One issue in an administrator's words; with the raw input, a wrong type names the type it got. */
export function describeIssue(issue: z.core.$ZodIssue, raw?: unknown): string {
  if (issue.code === 'invalid_type') {
    const got = raw === undefined ? issue.input : valueAt(raw, issue.path);
    return got === undefined
      ? `is required (${issue.expected})`
      : `must be ${issue.expected}, not ${typeName(got)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `must have at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `must have at most ${String(issue.maximum)} items`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], raw?: unknown): FieldProblem[] {
  return issues.map((i) => ({ field: pathToField(i.path), message: describeIssue(i, raw) }));
}
