import { ScannerBase, type ScannerBaseOptions } from './base.js';

/** An in-memory scanner for the demo and tests: `scan(text)` is a code read; it can be unplugged. */
export class FakeScanner extends ScannerBase {
  readonly description = 'fake-scanner';
  constructor(o: ScannerBaseOptions) {
    super(o, 'ready');
  }

  /** Reads a code; ignored while unplugged or closed, as with a real scanner. */
  scan(text: string): void {
    if (this.status().state === 'ready') this.emit(text);
  }

  unplug(): void {
    if (this.status().state === 'ready') this.setState('missing');
  }

  replug(): void {
    if (this.status().state === 'missing') this.setState('ready');
  }

  close(): Promise<void> {
    this.setState('closed');
    return Promise.resolve();
  }
}
