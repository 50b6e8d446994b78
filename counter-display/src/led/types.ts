/**
 * One interface for every counter number display (RS-485 Modbus modules today; other protocols later),
 * and the link a protocol provides underneath the shared behaviour of `LedDriver`.
 *
 * A display is a peripheral of the counter: whatever it does (unplugged, silent, answering garbage), the
 * counter keeps calling. So `show` never throws: it returns a result with a reason code and a message in
 * Vietnamese and English, and the driver keeps trying to bring the display back in the background.
 */

export type LedFailure =
  /** The serial port (USB-RS485 adapter) is not there or cannot be opened. */
  | 'port-missing'
  /** The port is there but the display did not answer in time (unplugged from the bus, no power). */
  | 'no-answer'
  /** Something answered, but not the expected echo (Modbus exception, CRC error, wrong value). */
  | 'bad-answer'
  /** The number does not fit the display's digits; nothing was sent, the display keeps what it shows. */
  | 'out-of-range'
  /** The driver was closed. */
  | 'closed';

export type LedResult =
  | { readonly ok: true; readonly shown: number | null }
  | {
      readonly ok: false;
      readonly reason: LedFailure;
      readonly message: string;
      readonly messageEn: string;
      /** Whether the driver keeps re-sending the wanted number in the background. */
      readonly willRetry: boolean;
    };

export interface LedStatus {
  /** `unknown`: nothing sent yet. */
  readonly state: 'ok' | 'unknown' | Exclude<LedFailure, 'out-of-range'>;
  /** The number the counter wants shown (null = blank); undefined before the first `show`. */
  readonly wanted: number | null | undefined;
  /** What the display confirmed last; undefined when unknown. */
  readonly shown: number | null | undefined;
  readonly message: string;
  readonly messageEn: string;
  /** Clock time of the last state change. */
  readonly since: number;
}

export interface LedDisplay {
  readonly description: string;
  /** Shows a number (null = blank). Resolves with the outcome; never rejects. */
  show(number: number | null): Promise<LedResult>;
  status(): LedStatus;
  /** Subscribes to status changes (display lost, display back); returns the unsubscribe function. */
  onStatus(listener: (status: LedStatus) => void): () => void;
  close(): Promise<void>;
}

/** What a protocol implements: open the port, write one register value, report the port lost. */
export interface LedLink {
  readonly description: string;
  /** Rejects with LedLinkError('port-missing'). */
  open(): Promise<void>;
  isOpen(): boolean;
  /** Resolves once the display confirmed the value; rejects with LedLinkError. */
  writeValue(value: number): Promise<void>;
  /** Called once per opened port when it disappears (cable pulled, adapter gone). */
  onLost(listener: () => void): void;
  close(): Promise<void>;
}

export class LedLinkError extends Error {
  constructor(
    readonly reason: 'port-missing' | 'no-answer' | 'bad-answer',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LedLinkError';
  }
}

export const LED_MESSAGES: Record<LedFailure | 'ok' | 'unknown', { vi: string; en: string }> = {
  ok: { vi: 'Bảng số hoạt động bình thường', en: 'The number display is working' },
  unknown: { vi: 'Chưa gửi số nào tới bảng số', en: 'Nothing sent to the number display yet' },
  'port-missing': {
    vi: 'Không tìm thấy cổng nối bảng số (kiểm tra cáp USB-RS485)',
    en: 'The number display port is missing (check the USB-RS485 cable)',
  },
  'no-answer': {
    vi: 'Bảng số không trả lời (kiểm tra nguồn và dây RS-485)',
    en: 'The number display does not answer (check its power and RS-485 wires)',
  },
  'bad-answer': {
    vi: 'Bảng số trả lời không đúng (kiểm tra địa chỉ và tốc độ truyền)',
    en: 'The number display answered wrongly (check its address and baud rate)',
  },
  'out-of-range': {
    vi: 'Số quá dài so với số chữ số của bảng',
    en: 'The number has more digits than the display',
  },
  closed: { vi: 'Đã ngắt kết nối bảng số', en: 'The number display driver is closed' },
};
