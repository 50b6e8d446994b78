import type { ScanResult } from './classify.js';

/**
 * One interface for every scanner at the kiosk: serial (and USB-serial) scanners in the runtime,
 * keyboard-wedge scanners seen as key events, and the fake. Pure types: the screen imports them too.
 */
export type Scan = ScanResult & {
  /** The text as received, before trimming. */
  readonly raw: string;
  readonly source: string;
  readonly at: number;
};

export interface ScannerStatus {
  readonly state: 'ready' | 'missing' | 'closed';
  readonly message: string;
  readonly messageEn: string;
  readonly since: number;
}

export interface Scanner {
  readonly description: string;
  onScan(listener: (scan: Scan) => void): () => void;
  onStatus(listener: (status: ScannerStatus) => void): () => void;
  status(): ScannerStatus;
  close(): Promise<void>;
}

export const SCANNER_MESSAGES: Record<ScannerStatus['state'], { vi: string; en: string }> = {
  ready: { vi: 'Máy quét sẵn sàng', en: 'The scanner is ready' },
  missing: {
    vi: 'Không thấy máy quét (kiểm tra cáp nối)',
    en: 'The scanner is not connected (check its cable)',
  },
  closed: { vi: 'Đã ngắt máy quét', en: 'The scanner is closed' },
};
