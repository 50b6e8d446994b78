/**
 * How a procedure's time and fees read on the look-up screen and on paper, Vietnamese first. Pure, so the
 * screen and any printed guide word them the same way.
 */
import type { Procedure, ProcedureFee } from './schema.js';

/** "50.000 đồng": Vietnamese groups thousands with dots (no locale data needed). */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

export function processingTime(p: Pick<Procedure, 'processingDays' | 'processingText'>): {
  vi: string;
  en: string;
} {
  const d = p.processingDays;
  const en = d === 0 ? 'Same working day' : `${d} working day${d === 1 ? '' : 's'}`;
  // Official guides write small counts with two digits: "03 ngày làm việc".
  const vi =
    p.processingText ?? (d === 0 ? 'Trong ngày làm việc' : `${String(d).padStart(2, '0')} ngày làm việc`);
  return { vi, en };
}

export interface FeeLine {
  label: string;
  value: string;
}

/** One line per fee; a procedure without fees says so instead of showing an empty list. */
export function feeLines(p: Pick<Procedure, 'fees'>): FeeLine[] {
  if (p.fees.length === 0) return [{ label: 'Phí, lệ phí', value: 'Không thu phí, lệ phí' }];
  return p.fees.map((f: ProcedureFee) => ({
    label: f.label,
    value: 'amountVnd' in f ? (f.amountVnd === 0 ? 'Miễn phí' : formatVnd(f.amountVnd)) : f.text,
  }));
}
