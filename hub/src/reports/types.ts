export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy: 'day' | 'area' | 'counter' | 'officer';
}
export interface ReportRow {
  readonly key: string;
  readonly label: string;
  readonly issued: number;
  readonly served: number;
  readonly noShow: number;
  readonly waitMeanMin: number | null;
  readonly waitP90Min: number | null;
  readonly serviceMeanMin: number | null;
  readonly serviceP90Min: number | null;
  readonly ratings: number;
  readonly satisfiedRate: number | null;
  readonly reasons: Readonly<Record<string, number>>;
}
export interface ReportTable {
  readonly query: ReportQuery;
  readonly rows: readonly ReportRow[];
  readonly total: ReportRow;
}
export interface ReportSource {
  report(q: ReportQuery): ReportTable;
  csv(q: ReportQuery): Buffer;
  xlsx(q: ReportQuery): Promise<Buffer>;
  days(): { readonly first: string | null; readonly last: string | null };
}
