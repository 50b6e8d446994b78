/**
 * Dossier codes and statuses, shared by the catalogue schema and the status adapters. Pure.
 *
 * A receipt code reads like "000.00.19.H33-261201-0001": the receiving agency's code, the date received
 * (yyMMdd) and a sequence number, the shape provincial one-stop systems print on the receipt and its QR.
 */

const CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
/** The same shape inside a longer text (a QR payload that is a link to the provincial portal). */
const CODE_INSIDE = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/g;

function validDate(yy: string, mm: string, dd: string): boolean {
  const y = 2000 + Number(yy);
  const m = Number(mm);
  const d = Number(dd);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isDossierCode(s: string): boolean {
  const m = CODE.exec(s);
  return m !== null && validDate(m[2]!, m[3]!, m[4]!);
}

export type ParsedDossierCode =
  { ok: true; code: string } | { ok: false; message: string; messageEn: string };

/**
 * Accepts what a citizen types or a scanner reads: spaces, lower case, a link that contains the code.
 * Says precisely why anything else is refused, in Vietnamese first.
 */
export function parseDossierCode(input: string): ParsedDossierCode {
  const squeezed = input.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  if (squeezed === '')
    return { ok: false, message: 'Vui lòng nhập mã hồ sơ.', messageEn: 'Please enter a dossier code.' };
  const found = [...new Set(squeezed.match(CODE_INSIDE) ?? [])];
  if (found.length > 1)
    return {
      ok: false,
      message: 'Mã quét được chứa nhiều mã hồ sơ; vui lòng nhập một mã.',
      messageEn: 'The scanned text holds several dossier codes; enter one.',
    };
  const code = found[0] ?? squeezed;
  if (!CODE.test(code))
    return {
      ok: false,
      message: 'Mã hồ sơ không đúng định dạng. Ví dụ: 000.00.19.H33-261201-0001 (in trên giấy tiếp nhận).',
      messageEn: 'This is not a dossier code. Example: 000.00.19.H33-261201-0001 (printed on the receipt).',
    };
  if (!isDossierCode(code))
    return {
      ok: false,
      message: 'Ngày trong mã hồ sơ không hợp lệ; vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
      messageEn: 'The date inside the dossier code is not a real date; check the code on the receipt.',
    };
  return { ok: true, code };
}

export const DOSSIER_STATUSES = [
  'received',
  'processing',
  'needs-supplement',
  'ready',
  'returned',
  'overdue',
  'rejected',
  'withdrawn',
] as const;

export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, { vi: string; en: string }>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  'needs-supplement': { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for additional documents' },
  ready: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready for collection' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  rejected: { vi: 'Từ chối giải quyết', en: 'Refused' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
};

/**
 * Statuses in which a past due date does not make the dossier late: closed ones, and one waiting for the
 * citizen's additional documents (the time to supplement does not count towards the processing time).
 */
export const CLOCK_STOPPED_STATUSES: ReadonlySet<DossierStatus> = new Set([
  'needs-supplement',
  'ready',
  'returned',
  'rejected',
  'withdrawn',
]);
