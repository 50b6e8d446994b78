import net from 'node:net';
import { BufferedTransport, TransportError } from './types.js';

export interface TcpTransportOptions {
  readonly host: string;
  /** Default 9100 (raw printing). */
  readonly port?: number | undefined;
  /** Default 3000 ms. */
  readonly connectTimeoutMs?: number | undefined;
}

/** A network printer on raw TCP (port 9100, "JetDirect"). */
export class TcpTransport extends BufferedTransport {
  readonly description: string;
  private constructor(private readonly socket: net.Socket) {
    super();
    this.description = `tcp://${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.on('data', (chunk) => {
      this.receive(chunk);
    });
    socket.on('error', (err) => {
      this.lost(
        new TransportError('disconnected', `Printer connection failed: ${err.message}`, { cause: err }),
      );
    });
    socket.on('close', () => {
      this.lost(new TransportError('disconnected', 'The printer closed the connection'));
    });
  }

  static open(options: TcpTransportOptions): Promise<TcpTransport> {
    const port = options.port ?? 9100;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: options.host, port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('open-failed', `No connection to ${options.host}:${port}`));
      }, options.connectTimeoutMs ?? 3000);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new TcpTransport(socket));
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(
          new TransportError('open-failed', `Cannot connect to ${options.host}:${port}: ${err.message}`, {
            cause: err,
          }),
        );
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (err) => {
        if (err)
          reject(
            new TransportError('disconnected', `Write to printer failed: ${err.message}`, { cause: err }),
          );
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    this.lost(new TransportError('closed', 'Transport closed'));
    return new Promise((resolve) => {
      if (this.socket.destroyed) {
        resolve();
        return;
      }
      this.socket.once('close', () => {
        resolve();
      });
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 200).unref();
    });
  }
}
