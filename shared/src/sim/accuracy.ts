/**
 * How close the estimated waits printed on tickets came to the actual waits (issue to first call), against the
 * naive baseline (people ahead × mean service time ÷ open counters). Mean absolute error in minutes, over the
 * tickets that were called and for which both figures exist (no open counter: no estimate is printed, so
 * there is nothing to measure; those are counted apart).
 */
export interface WaitRecord {
  readonly ticketId: string;
  readonly areaId: string;
  readonly priority: boolean;
  readonly issuedAt: number;
  readonly peopleAhead: number;
  /** As printed: rounded minutes, or null (no counter open for the area). */
  readonly estimateMin: number | null;
  readonly baselineMin: number | null;
  /** Issue to first call in minutes; null when never called (voided, or waiting at close). */
  actualMin: number | null;
}

export interface AccuracyFigures {
  readonly measured: number;
  readonly maeMin: number | null;
  readonly baselineMaeMin: number | null;
  /** Mean signed error of the estimate (estimate − actual): positive when it over-promises the wait. */
  readonly biasMin: number | null;
  readonly actualMeanMin: number | null;
}

export interface WaitAccuracy extends AccuracyFigures {
  readonly tickets: number;
  /** Issued while no counter serving the area was open: the ticket said "unknown". */
  readonly noEstimate: number;
  /** Never called (voided, or still waiting at the end of the day). */
  readonly neverCalled: number;
  /** 1 − MAE ÷ baseline MAE, in percent. */
  readonly improvementPct: number | null;
  readonly byArea: Record<string, AccuracyFigures>;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function figures(rs: readonly WaitRecord[]): AccuracyFigures {
  let est = 0;
  let base = 0;
  let bias = 0;
  let actual = 0;
  for (const r of rs) {
    est += Math.abs(r.estimateMin! - r.actualMin!);
    base += Math.abs(r.baselineMin! - r.actualMin!);
    bias += r.estimateMin! - r.actualMin!;
    actual += r.actualMin!;
  }
  const n = rs.length;
  const mean = (x: number): number | null => (n === 0 ? null : round2(x / n));
  return {
    measured: n,
    maeMin: mean(est),
    baselineMaeMin: mean(base),
    biasMin: mean(bias),
    actualMeanMin: mean(actual),
  };
}

export function waitAccuracy(records: readonly WaitRecord[]): WaitAccuracy {
  const called = records.filter((r) => r.actualMin !== null);
  const measured = called.filter((r) => r.estimateMin !== null && r.baselineMin !== null);
  const all = figures(measured);
  const areas = [...new Set(records.map((r) => r.areaId))].sort();
  const byArea: Record<string, AccuracyFigures> = {};
  for (const a of areas) byArea[a] = figures(measured.filter((r) => r.areaId === a));
  return {
    tickets: records.length,
    noEstimate: called.filter((r) => r.estimateMin === null || r.baselineMin === null).length,
    neverCalled: records.length - called.length,
    ...all,
    improvementPct:
      all.maeMin === null || all.baselineMaeMin === null || all.baselineMaeMin === 0
        ? null
        : round2((1 - all.maeMin / all.baselineMaeMin) * 100),
    byArea,
  };
}
