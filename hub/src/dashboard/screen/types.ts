/**
 * The dashboard API's shapes as the screen sees them, mirrored from the server's modules (which pull in Node);
 * server.ts checks at compile time that what it sends is assignable to these.
 */
export type Role = 'supervisor' | 'admin';
export interface Me {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
}

export interface Alert {
  readonly key: string;
  readonly kind: 'printer' | 'offline' | 'conflict' | 'refused';
  readonly severity: 'warning' | 'critical';
  readonly device: string | null;
  readonly code: string;
  readonly detail: string;
  readonly count: number;
  readonly since: number;
  readonly ack: { readonly by: string; readonly at: number } | null;
}

export interface LiveArea {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly waiting: number;
  readonly issued: number;
  readonly served: number;
  readonly estimatedWaitMin: number | null;
  readonly waitMeanMin: number | null;
  readonly waitP90Min: number | null;
}

export interface LiveCounter {
  readonly id: string;
  readonly number: number;
  readonly name: string | null;
  readonly status: string;
  readonly pauseReason: string | null;
  readonly officer: string | null;
  readonly current: string | null;
  readonly currentStatus: string | null;
  readonly served: number;
}

export interface LiveDevice {
  readonly id: string;
  readonly role: string;
  readonly online: boolean | null;
  readonly lastSeenAt: number | null;
  readonly printer: string | null;
}

export interface LiveView {
  readonly day: string;
  readonly centre: string;
  readonly revision: number;
  readonly areas: readonly LiveArea[];
  readonly counters: readonly LiveCounter[];
  readonly devices: readonly LiveDevice[];
  readonly alerts: readonly Alert[];
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface AuditEntry {
  readonly revision: number;
  readonly at: number;
  readonly by: { readonly username: string; readonly name: string };
  readonly changes: readonly string[];
}

export type GroupBy = 'day' | 'area' | 'counter' | 'officer';
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
  readonly query: { readonly from: string; readonly to: string; readonly groupBy: GroupBy };
  readonly rows: readonly ReportRow[];
  readonly total: ReportRow;
}
