/**
 * From merged aggregates to the report table the dashboard and the exports show: labels from the current
 * configuration, minutes rounded to 2 decimals, the satisfaction rate, reasons by their labels. Pure.
 *
 * Satisfied: the two highest levels of the configured scale ("Rất hài lòng" and "Hài lòng" on each of the
 * 3-, 4- and 5-level scales in use), or the highest one on a 2-level scale. Neutral answers ("Bình thường",
 * "Chấp nhận được") are not counted as satisfied. The rate is satisfied ÷ ratings, a fraction (0..1).
 */
import type { CentreConfig } from '@motcua/shared/config/schema';
import { emptyAgg, meanMin, mergeAgg, p90Min, UNKNOWN_KEY, type Agg, type GroupKind } from './aggregate.js';
import type { ReportQuery, ReportRow, ReportTable } from './types.js';

export const TOTAL_KEY = 'total';

/** The level values counted as satisfied (see the module comment). */
export function satisfiedLevels(config: CentreConfig): ReadonlySet<number> {
  const values = [...new Set(config.rating.levels.map((l) => l.value))].sort((a, b) => b - a);
  return new Set(values.slice(0, Math.min(2, Math.max(1, values.length - 1))));
}

const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** "2026-11-23" → "23/11/2026", the way dates are written on tickets and in Vietnamese documents. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** Reason ids in the configured order, then any others seen (reasons removed from the config since). */
export function reasonLabels(config: CentreConfig): Map<string, string> {
  return new Map(config.rating.reasons.map((r) => [r.id, r.label]));
}

export function rowOf(key: string, label: string, a: Agg, config: CentreConfig): ReportRow {
  const satisfied = satisfiedLevels(config);
  let ratings = 0;
  let happy = 0;
  for (const [level, n] of Object.entries(a.levels)) {
    ratings += n;
    if (satisfied.has(Number(level))) happy += n;
  }
  const labels = reasonLabels(config);
  const reasons: Record<string, number> = {};
  for (const [id, n] of Object.entries(a.reasons)) {
    const l = labels.get(id) ?? id;
    reasons[l] = (reasons[l] ?? 0) + n;
  }
  return {
    key,
    label,
    issued: a.issued,
    served: a.served,
    noShow: a.noShow,
    waitMeanMin: round2(meanMin(a.wait)),
    waitP90Min: round2(p90Min(a.wait)),
    serviceMeanMin: round2(meanMin(a.service)),
    serviceP90Min: round2(p90Min(a.service)),
    ratings,
    satisfiedRate: ratings === 0 ? null : round4(happy / ratings),
    reasons,
  };
}

const UNKNOWN_LABEL: Record<GroupKind, string> = {
  day: 'Không rõ ngày',
  area: 'Không rõ lĩnh vực',
  counter: 'Không rõ quầy',
  officer: 'Không rõ cán bộ',
};

/** The configured groups of a kind, in the configuration's order, with their labels. */
function configured(config: CentreConfig, kind: GroupKind): [string, string][] {
  switch (kind) {
    case 'day':
      return [];
    case 'area':
      return config.areas.map((a) => [a.id, a.name]);
    case 'counter':
      return config.counters.map((c) => [c.id, c.name ?? `Quầy ${c.number}`]);
    case 'officer':
      return config.officers.map((o) => [o.id, o.name]);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The table: for days, one row per day with figures, in date order; otherwise one row per configured group
 * (zeros included, so a quiet counter shows as such), then groups no longer configured (labelled by id),
 * then the unknown group if any. The total is the merge of the rows.
 */
export function buildTable(
  query: ReportQuery,
  groups: ReadonlyMap<string, Agg>,
  config: CentreConfig,
): ReportTable {
  const rows: ReportRow[] = [];
  const total = emptyAgg();
  const emit = (key: string, label: string, a: Agg | undefined): void => {
    if (a) mergeAgg(total, a);
    rows.push(rowOf(key, label, a ?? emptyAgg(), config));
  };
  if (query.groupBy === 'day') {
    for (const key of [...groups.keys()].sort()) emit(key, dayLabel(key), groups.get(key));
  } else {
    const known = configured(config, query.groupBy);
    const seen = new Set(known.map(([k]) => k));
    for (const [k, l] of known) emit(k, l, groups.get(k));
    const rest = [...groups.keys()].filter((k) => !seen.has(k) && k !== UNKNOWN_KEY).sort();
    for (const k of rest) emit(k, k, groups.get(k));
    const unknown = groups.get(UNKNOWN_KEY);
    if (unknown) emit(UNKNOWN_KEY, UNKNOWN_LABEL[query.groupBy], unknown);
  }
  return { query, rows, total: rowOf(TOTAL_KEY, 'Tổng cộng', total, config) };
}
