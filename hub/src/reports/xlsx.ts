/**
 * The XLSX export: one sheet, Vietnamese headings, typed cells (counts and minutes are numbers, the
 * satisfaction rate a number shown as a percentage, "no sample" an empty cell), the heading row frozen.
 * Written with write-excel-file (its Node entry zips with fflate; nothing else is pulled in).
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import type { CentreConfig } from '@motcua/shared/config/schema';
import { reportColumns, tableRows, type ReportColumn } from './columns.js';
import { dayLabel, TOTAL_KEY } from './table.js';
import type { ReportRow, ReportTable } from './types.js';

const FORMAT: Record<Exclude<ReportColumn['kind'], 'text'>, string> = {
  count: '0',
  minutes: '0.00',
  percent: '0.0',
};

function cell(c: ReportColumn, r: ReportRow, bold: boolean): Cell {
  const v = c.value(r);
  if (v === null) return null;
  const style = bold ? { fontWeight: 'bold' as const } : {};
  if (c.kind === 'text') return { type: String, value: String(v), ...style };
  return { type: Number, value: Number(v), format: FORMAT[c.kind], ...style };
}

export async function xlsxOf(table: ReportTable, config: CentreConfig): Promise<Buffer> {
  const cols = reportColumns(table, config);
  const header: Row = cols.map((c) => ({
    type: String,
    value: c.header,
    fontWeight: 'bold' as const,
    wrap: true,
  }));
  const data: Row[] = [header];
  for (const r of tableRows(table)) data.push(cols.map((c) => cell(c, r, r.key === TOTAL_KEY)));
  const q = table.query;
  return writeXlsxFile(data, {
    // Sheet names may not hold '/' and are at most 31 characters.
    sheet: `${dayLabel(q.from)}-${dayLabel(q.to)}`.replace(/\//g, '.').slice(0, 31),
    stickyRowsCount: 1,
    columns: cols.map((c, i) => ({ width: i === 1 ? 36 : c.kind === 'text' ? 14 : 12 })),
  }).toBuffer();
}
