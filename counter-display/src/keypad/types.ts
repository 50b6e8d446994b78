/**
 * Caller keypads that send HID data reports (vendor or keyboard-format reports read through hidraw).
 * Keypads in keyboard mode are owned by the OS and reach the screen as ordinary key events; they need
 * no driver here (the screen maps those keys itself).
 */

export const KEYPAD_COMMANDS = [
  'next',
  'recall',
  'no-show',
  'finish',
  'start',
  'transfer',
  'hold',
  'clear',
  'enter',
] as const;
export type KeypadCommand = (typeof KEYPAD_COMMANDS)[number];

export type KeypadAction =
  | { readonly type: KeypadCommand }
  | { readonly type: 'digit'; readonly digit: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 };

export interface KeypadStatus {
  /** `missing`: no device with the configured vendor/product id is plugged in (polling for it). */
  readonly state: 'connected' | 'missing' | 'closed';
  readonly device: string | null;
  readonly message: string;
  readonly messageEn: string;
  readonly since: number;
}

export interface Keypad {
  /** Subscribes to key actions; returns the unsubscribe function. */
  onAction(listener: (action: KeypadAction) => void): () => void;
  onStatus(listener: (status: KeypadStatus) => void): () => void;
  status(): KeypadStatus;
  close(): Promise<void>;
}

/** What the driver needs from a HID library; node-hid in production, a fake bus in tests. */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly product?: string | undefined;
  readonly serialNumber?: string | undefined;
}

export interface HidHandle {
  onData(listener: (report: Uint8Array) => void): void;
  /** Read errors: on Linux an unplugged device fails its pending read. */
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidBackend {
  devices(): Promise<readonly HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

export const KEYPAD_MESSAGES: Record<KeypadStatus['state'], { vi: string; en: string }> = {
  connected: { vi: 'Bàn phím gọi số đã kết nối', en: 'The caller keypad is connected' },
  missing: {
    vi: 'Không thấy bàn phím gọi số (kiểm tra cáp USB)',
    en: 'The caller keypad is not plugged in (check its USB cable)',
  },
  closed: { vi: 'Đã ngắt bàn phím gọi số', en: 'The caller keypad driver is closed' },
};
