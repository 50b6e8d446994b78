/**
 * The report's columns with their Vietnamese headings, shared by the CSV and XLSX exports (and available to
 * the dashboard), and the CSV text itself. Pure.
 */
import type { CentreConfig } from '@motcua/shared/config/schema';
import type { ReportQuery, ReportRow, ReportTable } from './types.js';

export type ColumnKind = 'text' | 'count' | 'minutes' | 'percent';

export interface ReportColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** The cell: text, a number, or null for "no sample". Percent columns give 0..100. */
  value(r: ReportRow): string | number | null;
}

export const GROUP_HEADERS: Readonly<Record<ReportQuery['groupBy'], string>> = {
  day: 'Ngày',
  area: 'Khu vực',
  counter: 'Quầy',
  officer: 'Cán bộ',
};

/** The reason labels to give a column each: the configured ones in order, then others seen in the table. */
function reasonColumns(table: ReportTable, config: CentreConfig): string[] {
  const labels = config.rating.reasons.map((r) => r.label);
  const known = new Set(labels);
  const extra = Object.keys(table.total.reasons)
    .filter((l) => !known.has(l))
    .sort();
  return [...labels, ...extra];
}

export function reportColumns(table: ReportTable, config: CentreConfig): ReportColumn[] {
  const g = table.query.groupBy;
  // Tickets are issued to areas; a counter's or an officer's first figure is the tickets that ended there.
  const issued = g === 'counter' || g === 'officer' ? 'Đã tiếp nhận' : 'Đã cấp';
  const cols: ReportColumn[] = [
    { header: 'Mã', kind: 'text', value: (r) => r.key },
    { header: GROUP_HEADERS[g], kind: 'text', value: (r) => r.label },
    { header: issued, kind: 'count', value: (r) => r.issued },
    { header: 'Đã phục vụ', kind: 'count', value: (r) => r.served },
    { header: 'Vắng mặt', kind: 'count', value: (r) => r.noShow },
    { header: 'Chờ TB (phút)', kind: 'minutes', value: (r) => r.waitMeanMin },
    { header: 'Chờ P90 (phút)', kind: 'minutes', value: (r) => r.waitP90Min },
    { header: 'Phục vụ TB (phút)', kind: 'minutes', value: (r) => r.serviceMeanMin },
    { header: 'Phục vụ P90 (phút)', kind: 'minutes', value: (r) => r.serviceP90Min },
    { header: 'Lượt đánh giá', kind: 'count', value: (r) => r.ratings },
    {
      header: 'Tỷ lệ hài lòng (%)',
      kind: 'percent',
      value: (r) => (r.satisfiedRate === null ? null : Math.round(r.satisfiedRate * 10_000) / 100),
    },
  ];
  for (const label of reasonColumns(table, config))
    cols.push({ header: `Lý do: ${label}`, kind: 'count', value: (r) => r.reasons[label] ?? 0 });
  return cols;
}

/** All rows of the table, the total last. */
export function tableRows(table: ReportTable): readonly ReportRow[] {
  return [...table.rows, table.total];
}

/**
 * A text cell as CSV: RFC 4180 quoting, and a leading apostrophe before a text that a spreadsheet program
 * would run as a formula (=, +, -, @): names come from the configuration, and an export must never execute.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return numberText(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with '.' decimals and never an exponent. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000);
}

/** The CSV text: a byte-order mark (spreadsheet programs then read UTF-8), CRLF line ends, header first. */
export function csvText(table: ReportTable, config: CentreConfig): string {
  const cols = reportColumns(table, config);
  const lines = [cols.map((c) => csvField(c.header)).join(',')];
  for (const r of tableRows(table)) lines.push(cols.map((c) => csvField(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
