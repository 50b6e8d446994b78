import ModbusRTU from 'modbus-serial';
import type { Clock, Logger } from '@motcua/shared';
import { LedDriver } from './driver.js';
import { LedLinkError, type LedLink } from './types.js';

export interface ModbusLedOptions {
  /** Serial device of the USB-RS485 adapter, e.g. /dev/ttyUSB0 (ptys are never listed: pass paths). */
  readonly path: string;
  /** Default 9600 (8N1), the factory setting of the common modules. */
  readonly baudRate?: number;
  /** Modbus unit (slave) address, default 1. */
  readonly unitId?: number;
  /** Holding register that holds the number shown, default 0. */
  readonly register?: number;
  /** How long to wait for the echo, default 300 ms (an 8-byte frame at 9600 baud takes ~8 ms). */
  readonly answerTimeoutMs?: number;
}

/**
 * Modbus RTU (function 6, write single register) through `modbus-serial`, which owns the framing,
 * CRC checks and timeouts. The display echoes the request; anything else is a bad answer.
 */
export class ModbusLedLink implements LedLink {
  readonly description: string;
  private client: ModbusRTU | undefined;
  private lostListener: (() => void) | undefined;
  private readonly register: number;

  constructor(private readonly o: ModbusLedOptions) {
    this.register = o.register ?? 0;
    this.description = `modbus:${o.path}@${o.baudRate ?? 9600}#${o.unitId ?? 1}`;
  }

  async open(): Promise<void> {
    const client = new ModbusRTU();
    client.setID(this.o.unitId ?? 1);
    client.setTimeout(this.o.answerTimeoutMs ?? 300);
    // Without a listener an 'error' event would crash the process; the 'close' that follows reports it.
    client.on('error', () => undefined);
    try {
      await client.connectRTUBuffered(this.o.path, {
        baudRate: this.o.baudRate ?? 9600,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
      });
    } catch (e) {
      throw new LedLinkError('port-missing', `Cannot open ${this.o.path}: ${errorText(e)}`, { cause: e });
    }
    client.on('close', () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.lostListener?.();
    });
    this.client = client;
  }

  isOpen(): boolean {
    return this.client?.isOpen === true;
  }

  async writeValue(value: number): Promise<void> {
    const client = this.client;
    if (client === undefined) throw new LedLinkError('port-missing', 'Port not open');
    let reply: { address: number; value: number };
    try {
      reply = await client.writeRegister(this.register, value);
    } catch (e) {
      // A port that vanished mid-request shows up as a timeout; the port state says which it was.
      if (!client.isOpen) throw new LedLinkError('port-missing', errorText(e), { cause: e });
      const errno = (e as { errno?: unknown }).errno;
      if (errno === 'ETIMEDOUT') throw new LedLinkError('no-answer', errorText(e), { cause: e });
      throw new LedLinkError('bad-answer', errorText(e), { cause: e });
    }
    if (reply.address !== this.register || reply.value !== value)
      throw new LedLinkError(
        'bad-answer',
        `Echo ${reply.address}=${reply.value} instead of ${this.register}=${value}`,
      );
  }

  onLost(listener: () => void): void {
    this.lostListener = listener;
  }

  close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isOpen !== true) return Promise.resolve();
    return new Promise((resolve) => {
      client.close(() => {
        resolve();
      });
    });
  }
}

/** modbus-serial rejects with plain objects that are not Error instances but carry a message. */
function errorText(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
}

/** The counter's display on RS-485: a Modbus link behind the shared driver behaviour. */
export function createModbusLedDisplay(
  options: ModbusLedOptions & {
    logger: Logger;
    clock: Clock;
    digits?: number;
    blankValue?: number;
    retryInitialMs?: number;
    retryMaxMs?: number;
  },
): LedDriver {
  const { logger, clock, digits, blankValue, retryInitialMs, retryMaxMs, ...link } = options;
  return new LedDriver({
    link: new ModbusLedLink(link),
    logger,
    clock,
    ...(digits === undefined ? {} : { digits }),
    ...(blankValue === undefined ? {} : { blankValue }),
    ...(retryInitialMs === undefined ? {} : { retryInitialMs }),
    ...(retryMaxMs === undefined ? {} : { retryMaxMs }),
  });
}
