/** The reports API's query string, validated: real dates YYYY-MM-DD, from ≤ to, at most 400 days. */
import { z } from 'zod';
import type { ReportQuery } from '../reports/types.js';

export const MAX_REPORT_DAYS = 400;

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date');

const query = z
  .object({ from: date, to: date, groupBy: z.enum(['day', 'area', 'counter', 'officer']) })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'must not be after "to"', path: ['from'] })
  .refine((q) => daysBetween(q.from, q.to) < MAX_REPORT_DAYS, {
    message: `the range must be at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type QueryResult =
  | { readonly ok: true; readonly query: ReportQuery }
  | { readonly ok: false; readonly problems: readonly { field: string; message: string }[] };

export function parseReportQuery(params: URLSearchParams): QueryResult {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) raw[k] = v;
  const r = query.safeParse(raw);
  if (r.success) return { ok: true, query: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      field: i.path.length === 0 ? '(query)' : i.path.map(String).join('.'),
      message: i.code === 'invalid_type' ? 'is required' : i.message,
    })),
  };
}

/** A download's file name: bao-cao_<from>_<to>_<groupBy>.<ext> (ASCII, nothing to escape). */
export function reportFileName(q: ReportQuery, ext: 'csv' | 'xlsx'): string {
  return `bao-cao_${q.from}_${q.to}_${q.groupBy}.${ext}`;
}
