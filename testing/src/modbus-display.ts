import { startSerialLine } from './serial-line.js';
import { exceptionFrame, hasValidCrc, withCrc } from '@motcua/counter-display/led/frame';

/**
 * A fake RS-485 number display at the byte level: it reads Modbus RTU requests from the far end of a
 * socat pseudo-terminal pair and answers the way real modules do (echo for FC 6), or misbehaves on
 * demand. The driver under test opens the near end with the real serialport binding. Needs Debian socat.
 */
export type FakeModbusAnswer =
  /** Echo the request (what a working module does). */
  | 'echo'
  /** Modbus exception 02 (illegal data address). */
  | 'exception'
  /** A frame for our unit and function with a broken CRC (line noise, wrong baud rate). */
  | 'garbage'
  /** Say nothing (display unplugged from the bus or without power). */
  | 'silent';

export class FakeModbusDisplay {
  answer: FakeModbusAnswer = 'echo';
  /** Register values written and acknowledged, by register. */
  readonly registers = new Map<number, number>();
  /** Every complete request frame received, as sent on the wire. */
  readonly requests: Uint8Array[] = [];
  private pending: number[] = [];

  constructor(readonly unitId = 1) {}

  /** The value the display shows (register 0). */
  get shown(): number | undefined {
    return this.registers.get(0);
  }

  /** Feeds bytes from the line; returns the reply bytes (possibly empty). */
  accept(chunk: Uint8Array): Uint8Array {
    this.pending.push(...chunk);
    const replies: number[] = [];
    // FC 6 requests are always 8 bytes; resynchronise on a bad CRC by dropping one byte.
    while (this.pending.length >= 8) {
      const frame = Uint8Array.from(this.pending.slice(0, 8));
      if (!hasValidCrc(frame)) {
        this.pending.shift();
        continue;
      }
      this.pending = this.pending.slice(8);
      this.requests.push(frame);
      if (frame[0] !== this.unitId) continue; // another unit on the bus
      replies.push(...this.answerTo(frame));
    }
    return Uint8Array.from(replies);
  }

  private answerTo(frame: Uint8Array): Uint8Array {
    const fc = frame[1] ?? 0;
    switch (this.answer) {
      case 'silent':
        return new Uint8Array(0);
      case 'exception':
        return exceptionFrame(this.unitId, fc, 0x02);
      case 'garbage': {
        const broken = withCrc(frame.subarray(0, 6));
        broken[6] = (broken[6] ?? 0) ^ 0x5a;
        return broken;
      }
      case 'echo':
        if (fc !== 0x06) return exceptionFrame(this.unitId, fc, 0x01);
        this.registers.set(
          ((frame[2] ?? 0) << 8) | (frame[3] ?? 0),
          ((frame[4] ?? 0) << 8) | (frame[5] ?? 0),
        );
        return frame;
    }
  }
}

export interface FakeModbusLine {
  /** The path the driver opens (host side of the pty pair). */
  readonly path: string;
  /** Kills socat: the port disappears, as when the USB-RS485 adapter is pulled. */
  unplug(): Promise<void>;
  /** Starts a new pty pair at the same path, as when the adapter is plugged back in. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeModbusLine(display: FakeModbusDisplay): Promise<FakeModbusLine> {
  const line = await startSerialLine({ name: 'display', onData: (chunk) => display.accept(chunk) });
  return {
    path: line.path,
    unplug: () => line.unplug(),
    replug: () => line.replug(),
    close: () => line.close(),
  };
}
