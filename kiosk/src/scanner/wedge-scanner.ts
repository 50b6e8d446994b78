import { ScannerBase, type ScannerBaseOptions } from './base.js';
import { WedgeDetector, type WedgeOptions, type WedgeOutcome } from '@motcua/shared/ui/wedge';

/**
 * A keyboard-wedge scanner as a Scanner: the screen hands it every key event and swallows the keys of
 * bursts (`pending`/`scan`) so that scanned codes do not land in a text field. Pure: runs in the browser.
 */
export class WedgeScanner extends ScannerBase {
  readonly description = 'keyboard-wedge';
  private readonly detector: WedgeDetector;

  constructor(o: ScannerBaseOptions & WedgeOptions) {
    super(o, 'ready');
    this.detector = new WedgeDetector(o);
  }

  key(key: string, timestamp: number): WedgeOutcome {
    if (this.status().state === 'closed') return { kind: 'typing' };
    const outcome = this.detector.feed(key, timestamp);
    if (outcome.kind === 'scan') this.emit(outcome.text);
    return outcome;
  }

  close(): Promise<void> {
    this.detector.reset();
    this.setState('closed');
    return Promise.resolve();
  }
}
