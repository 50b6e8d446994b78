/**
 * Printer states and what the kiosk screen says about them, from ESC/POS real-time status (DLE EOT n):
 *  - n=1 printer status: bit 3 offline;
 *  - n=2 offline cause: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error;
 *  - n=4 paper sensor: bits 2-3 paper near end, bits 5-6 paper end.
 * Every reply byte has bits 1 and 4 set and bits 0 and 7 clear; a byte that does not is not a status.
 */
export type PrinterState =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'no-answer' | 'disconnected';

/** States in which a ticket must not be printed. `paper-near-end` is a warning only. */
export type PrinterFailure = Exclude<PrinterState, 'ready' | 'paper-near-end'>;

export function blocksPrinting(state: PrinterState): state is PrinterFailure {
  return state !== 'ready' && state !== 'paper-near-end';
}

export interface StatusMessage {
  readonly vi: string;
  readonly en: string;
}

export const STATUS_MESSAGES: Record<PrinterState, StatusMessage> = {
  ready: { vi: 'Máy in sẵn sàng.', en: 'The printer is ready.' },
  'paper-near-end': {
    vi: 'Giấy in sắp hết. Vui lòng báo cán bộ thay giấy.',
    en: 'The printer is running out of paper. Please tell a staff member.',
  },
  'paper-out': {
    vi: 'Máy in đã hết giấy. Vui lòng báo cán bộ hỗ trợ.',
    en: 'The printer is out of paper. Please ask a staff member for help.',
  },
  'cover-open': {
    vi: 'Nắp máy in đang mở. Vui lòng báo cán bộ hỗ trợ.',
    en: 'The printer cover is open. Please ask a staff member for help.',
  },
  offline: {
    vi: 'Máy in đang báo lỗi và tạm ngừng in. Vui lòng báo cán bộ hỗ trợ.',
    en: 'The printer reports an error and has stopped. Please ask a staff member for help.',
  },
  'no-answer': {
    vi: 'Máy in không phản hồi. Vui lòng báo cán bộ kiểm tra nguồn và cáp.',
    en: 'The printer does not answer. Please ask a staff member to check its power and cable.',
  },
  disconnected: {
    vi: 'Mất kết nối với máy in. Vui lòng báo cán bộ hỗ trợ.',
    en: 'The connection to the printer was lost. Please ask a staff member for help.',
  },
};

export interface PrinterStatus {
  readonly state: PrinterState;
  /** Raw reply bytes by DLE EOT n, for logs. */
  readonly raw: Readonly<Partial<Record<1 | 2 | 4, number>>>;
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/**
 * The state from the three replies, most serious first: a printer with paper out also reports itself
 * offline, and paper out is what the person at the kiosk can act on.
 */
export function interpretStatus(raw: { printer: number; offlineCause: number; paper: number }): PrinterState {
  if ((raw.paper & 0x60) !== 0 || (raw.offlineCause & 0x20) !== 0) return 'paper-out';
  if ((raw.offlineCause & 0x04) !== 0) return 'cover-open';
  if ((raw.offlineCause & 0x40) !== 0 || (raw.printer & 0x08) !== 0) return 'offline';
  if ((raw.paper & 0x0c) !== 0) return 'paper-near-end';
  return 'ready';
}

export const DLE_EOT = (n: 1 | 2 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);
