/**
 * Compact, hand-written form of the sample catalogue's procedures, expanded by make-sample-catalogue.ts.
 * Documents are written "name | note", with an optional "2× " prefix for copies (default 1; "0× " means
 * shown, not handed in).
 */
import type { ProcedureFee, ProcedureLevel } from '../../src/catalogue/schema.js';

export interface SampleProcedure {
  /** Official name. */
  n: string;
  /** Working days. */
  d: number;
  /** Processing text when "{d} ngày làm việc" is not the whole story. */
  t?: string;
  lv?: ProcedureLevel;
  f?: ProcedureFee[];
  docs: string[];
  /** Citizen short names. */
  s?: string[];
}

export interface SampleArea {
  areaId: string;
  departmentId: string;
  /** Default level of the area's procedures. */
  level: ProcedureLevel;
  procedures: SampleProcedure[];
}

export const vnd = (label: string, amountVnd: number): ProcedureFee => ({ label, amountVnd });
export const feeText = (label: string, text: string): ProcedureFee => ({ label, text });

export const ID_DOC = '0× Thẻ căn cước hoặc hộ chiếu còn giá trị | xuất trình bản chính để đối chiếu';
export const PROXY = 'Văn bản ủy quyền (nếu nộp thay) | có chứng thực theo quy định';
export const SAME_DAY =
  'Trong ngày làm việc; hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo';
export const form = (what: string): string => `${what} (theo mẫu)`;
