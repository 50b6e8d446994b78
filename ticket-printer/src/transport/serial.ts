import { SerialPort } from 'serialport';
import { BufferedTransport, TransportError } from './types.js';

export interface SerialTransportOptions {
  readonly path: string;
  /** Default 9600, the factory setting of most thermal printers. */
  readonly baudRate?: number | undefined;
}

/** A printer on a serial port (RS-232 or USB-serial), through the `serialport` package. */
export class SerialTransport extends BufferedTransport {
  readonly description: string;
  private constructor(private readonly port: SerialPort) {
    super();
    this.description = `serial:${port.path}@${port.baudRate}`;
    port.on('data', (chunk: Buffer) => {
      this.receive(chunk);
    });
    port.on('error', (err: Error) => {
      this.lost(new TransportError('disconnected', `Serial port error: ${err.message}`, { cause: err }));
    });
    port.on('close', () => {
      this.lost(new TransportError('disconnected', 'The serial port was closed'));
    });
  }

  static open(options: SerialTransportOptions): Promise<SerialTransport> {
    const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false });
    return new Promise((resolve, reject) => {
      port.open((err) => {
        if (err)
          reject(
            new TransportError('open-failed', `Cannot open ${options.path}: ${err.message}`, { cause: err }),
          );
        else resolve(new SerialTransport(port));
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (err) => {
        if (err) {
          reject(new TransportError('disconnected', `Serial write failed: ${err.message}`, { cause: err }));
          return;
        }
        // drain: resolved only once the OS has taken every byte.
        this.port.drain((e) => {
          if (e)
            reject(new TransportError('disconnected', `Serial drain failed: ${e.message}`, { cause: e }));
          else resolve();
        });
      });
    });
  }

  close(): Promise<void> {
    this.lost(new TransportError('closed', 'Transport closed'));
    return new Promise((resolve) => {
      if (!this.port.isOpen) {
        resolve();
        return;
      }
      this.port.close(() => {
        resolve();
      });
    });
  }
}
