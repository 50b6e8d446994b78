import { classifyScan, type TicketQrConfig } from './classify.js';
import { SCANNER_MESSAGES, type Scan, type Scanner, type ScannerStatus } from './types.js';

export interface ScannerBaseOptions {
  readonly clock: { now(): number };
  /** What ticket QR codes carry (the centre config's `ticket.qr`); default the bare ticket id. */
  readonly qr?: TicketQrConfig;
}

/** Listeners, status and classification shared by every scanner. Pure: the screen's wedge uses it. */
export abstract class ScannerBase implements Scanner {
  abstract readonly description: string;
  private readonly scanListeners = new Set<(s: Scan) => void>();
  private readonly statusListeners = new Set<(s: ScannerStatus) => void>();
  private state: ScannerStatus['state'];
  private since: number;

  constructor(
    protected readonly base: ScannerBaseOptions,
    initial: ScannerStatus['state'],
  ) {
    this.state = initial;
    this.since = base.clock.now();
  }

  onScan(listener: (scan: Scan) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onStatus(listener: (status: ScannerStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  status(): ScannerStatus {
    const m = SCANNER_MESSAGES[this.state];
    return { state: this.state, message: m.vi, messageEn: m.en, since: this.since };
  }

  abstract close(): Promise<void>;

  protected emit(raw: string): Scan {
    const scan: Scan = {
      ...classifyScan(raw, this.base.qr),
      raw,
      source: this.description,
      at: this.base.clock.now(),
    };
    for (const l of this.scanListeners) l(scan);
    return scan;
  }

  protected setState(state: ScannerStatus['state']): void {
    if (state === this.state) return;
    this.state = state;
    this.since = this.base.clock.now();
    const s = this.status();
    for (const l of this.statusListeners) l(s);
  }
}
