import { startSerialLine } from './serial-line.js';

/**
 * A fake serial barcode scanner: the far end of a socat pseudo-terminal pair on which the test writes
 * what a scanner would send (codes followed by CR, LF or CR LF). The scanner driver opens the near end
 * with the real serialport binding. The adapter can be unplugged (socat killed) and plugged back in at
 * the same path. Needs Debian socat.
 */
export interface FakeSerialScanner {
  readonly path: string;
  /** Sends bytes as the scanner does (each call one write on the line). */
  send(data: string | Uint8Array): Promise<void>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export function startFakeSerialScanner(): Promise<FakeSerialScanner> {
  return startSerialLine({ name: 'scanner' });
}
