/** The look-up terminal's words, Vietnamese first (NFC), English second; the compiler checks both have every key. */
import { defineMessages } from '../../../../shared/ui/i18n.js';

export type LookupKey =
  | 'title'
  | 'tabSearch'
  | 'tabDossier'
  | 'tabQueue'
  | 'searchLabel'
  | 'searchHint'
  | 'noResults'
  | 'loadingCatalogue'
  | 'noCatalogue'
  | 'back'
  | 'procedureCode'
  | 'where'
  | 'counters'
  | 'noCounters'
  | 'notServedHere'
  | 'time'
  | 'fees'
  | 'documents'
  | 'copies'
  | 'showOnly'
  | 'takeNumber'
  | 'taken'
  | 'takeFailed'
  | 'dossierLabel'
  | 'dossierHint'
  | 'lookUp'
  | 'status'
  | 'received'
  | 'due'
  | 'overdue'
  | 'procedure'
  | 'scanUnknown'
  | 'tryAgain'
  | 'queueTitle'
  | 'waiting'
  | 'wait'
  | 'waitUnknown'
  | 'openCounters'
  | 'notIssuing';

export const lookupMessages = defineMessages<LookupKey>()({
  vi: {
    title: 'Tra cứu thủ tục hành chính',
    tabSearch: 'Tìm thủ tục',
    tabDossier: 'Tra cứu hồ sơ',
    tabQueue: 'Tình hình chờ',
    searchLabel: 'Tên thủ tục',
    searchHint: 'Gõ tên thủ tục, không cần dấu. Ví dụ: khai sinh, so do, bang lai.',
    noResults: 'Không tìm thấy thủ tục phù hợp. Xin thử từ khác hoặc hỏi cán bộ hướng dẫn.',
    loadingCatalogue: 'Đang tải danh mục thủ tục…',
    noCatalogue: 'Máy chưa có danh mục thủ tục. Xin vui lòng hỏi cán bộ hướng dẫn.',
    back: 'Quay lại',
    procedureCode: 'Mã thủ tục: {code}',
    where: 'Nơi nộp hồ sơ',
    counters: 'Quầy số {list}',
    noCounters: 'Chưa có quầy phục vụ; hỏi cán bộ hướng dẫn',
    notServedHere: 'Trung tâm không tiếp nhận thủ tục này; hỏi cán bộ hướng dẫn',
    time: 'Thời hạn giải quyết',
    fees: 'Phí, lệ phí',
    documents: 'Thành phần hồ sơ',
    copies: '{n} bản',
    showOnly: 'Xuất trình',
    takeNumber: 'Lấy số',
    taken: 'Đã in số thứ tự. Xin mời nhận phiếu.',
    takeFailed: 'Chưa lấy được số. Xin vui lòng thử lại hoặc hỏi cán bộ hướng dẫn.',
    dossierLabel: 'Mã hồ sơ',
    dossierHint: 'Đưa mã QR trên giấy tiếp nhận vào máy quét, hoặc gõ mã hồ sơ.',
    lookUp: 'Tra cứu',
    status: 'Tình trạng',
    received: 'Ngày tiếp nhận',
    due: 'Ngày hẹn trả kết quả',
    overdue: 'Hồ sơ đã quá hạn giải quyết.',
    procedure: 'Thủ tục',
    scanUnknown: 'Mã vừa quét không phải mã hồ sơ.',
    tryAgain: 'Chưa tra cứu được. Xin vui lòng thử lại sau giây lát.',
    queueTitle: 'Số người đang chờ theo lĩnh vực',
    waiting: '{n} người đang chờ',
    wait: 'Chờ khoảng {n} phút',
    waitUnknown: 'Chưa có quầy mở',
    openCounters: '{n} quầy đang mở',
    notIssuing: 'Hiện đã ngừng cấp số.',
  },
  en: {
    title: 'Procedure look-up',
    tabSearch: 'Find a procedure',
    tabDossier: 'Dossier status',
    tabQueue: 'Waiting now',
    searchLabel: 'Procedure name',
    searchHint: 'Type the procedure name; no tone marks needed. For example: khai sinh, so do, bang lai.',
    noResults: 'No matching procedure. Try other words or ask the help desk.',
    loadingCatalogue: 'Loading the procedure list…',
    noCatalogue: 'This terminal has no procedure list yet. Please ask the help desk.',
    back: 'Back',
    procedureCode: 'Procedure code: {code}',
    where: 'Where to file',
    counters: 'Counter {list}',
    noCounters: 'No counter serves it now; ask the help desk',
    notServedHere: 'This centre does not receive this procedure; ask the help desk',
    time: 'Processing time',
    fees: 'Fees and charges',
    documents: 'Documents to bring',
    copies: '{n} copies',
    showOnly: 'Show only',
    takeNumber: 'Take a number',
    taken: 'Your number is printed. Please take the ticket.',
    takeFailed: 'No number yet. Please try again or ask the help desk.',
    dossierLabel: 'Dossier code',
    dossierHint: 'Hold the QR code of your receipt under the scanner, or type the dossier code.',
    lookUp: 'Look up',
    status: 'Status',
    received: 'Received on',
    due: 'Result due on',
    overdue: 'This dossier is past its due date.',
    procedure: 'Procedure',
    scanUnknown: 'The code just scanned is not a dossier code.',
    tryAgain: 'Could not look it up. Please try again in a moment.',
    queueTitle: 'People waiting by area',
    waiting: '{n} waiting',
    wait: 'About {n} min wait',
    waitUnknown: 'No counter open',
    openCounters: '{n} counters open',
    notIssuing: 'Numbers are not being issued now.',
  },
});

/** yyyy-MM-dd → dd/MM/yyyy, the way Vietnamese receipts print dates. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}
