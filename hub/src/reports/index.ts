/** The supervisor's reports: see source.ts (the hub's entry), types.ts (the dashboard's interface). */
export type { ReportQuery, ReportRow, ReportSource, ReportTable } from './types.js';
export {
  createReportSource,
  parseReportQuery,
  ReportQueryError,
  type ReportQueryErrorReason,
  type ReportSourceHandle,
  type ReportSourceOptions,
} from './source.js';
export { GROUP_HEADERS, reportColumns, type ReportColumn } from './columns.js';
export { satisfiedLevels } from './table.js';
