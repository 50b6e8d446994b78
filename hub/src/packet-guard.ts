/**
 * A size limit for MQTT packets on a raw connection, applied before anything is buffered: Aedes's parser keeps a
 * packet's bytes until the whole packet has come, so a client announcing 250 MB would make the hub hold 250 MB.
 * The guard follows the framing (fixed header byte, remaining length as a variable byte integer, body) as the
 * bytes are read and destroys the connection as soon as a packet declares more than the limit, the same as
 * Mosquitto's `max_packet_size`.
 */
import type { Socket } from 'node:net';

/** Follows MQTT framing over chunks; `feed` returns false once a packet is declared larger than `max`. */
export class PacketFramer {
  private state: 'header' | 'length' | 'body' = 'header';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private left = 0;

  /** Packets seen (counted at each fixed header). */
  packets = 0;

  constructor(private readonly max: number) {}

  feed(buf: Buffer): boolean {
    let i = 0;
    while (i < buf.length) {
      if (this.state === 'header') {
        i++;
        this.packets++;
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
      } else if (this.state === 'length') {
        const b = buf[i++]!;
        this.length += (b & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if ((b & 0x80) === 0) {
          // The fixed header itself counts too: 1 byte plus the length bytes.
          if (this.length + 1 + this.lengthBytes > this.max) return false;
          this.left = this.length;
          this.state = this.left > 0 ? 'body' : 'header';
        } else if (this.lengthBytes >= 4) return false; // malformed: at most four length bytes
      } else {
        const take = Math.min(this.left, buf.length - i);
        i += take;
        this.left -= take;
        if (this.left === 0) this.state = 'header';
      }
    }
    return true;
  }
}

/**
 * Installs the guard on a socket before it is handed to the broker (Aedes reads with `read()` on 'readable').
 * `onRefused` is called once when a connection is cut.
 */
export interface GuardOptions {
  /** Largest packet, bytes. */
  readonly maxPacket: number;
  /**
   * Packets per second and burst for one connection; a connection past twice its burst is cut before the broker
   * parses what it sent (Aedes parses a whole read at once: 20,000 small packets stalled the hub's process).
   */
  readonly rate: { readonly perSecond: number; readonly burst: number };
  /** Connections never rate-limited (the hub's own, known once it has logged in). */
  readonly exempt: (socket: Socket) => boolean;
}

export function guardPacketSize(socket: Socket, o: GuardOptions, onRefused: (why: string) => void): void {
  const framer = new PacketFramer(o.maxPacket);
  const read = socket.read.bind(socket);
  let cut = false;
  let tokens = o.rate.burst;
  let at = performance.now();
  const refuse = (why: string): null => {
    cut = true;
    onRefused(why);
    socket.destroy();
    return null;
  };
  socket.read = (size?: number): unknown => {
    if (cut) return null;
    const chunk = read(size) as unknown;
    if (!(chunk instanceof Buffer)) return chunk;
    const before = framer.packets;
    if (!framer.feed(chunk)) return refuse(`packet above ${o.maxPacket} bytes`);
    const now = performance.now();
    tokens =
      Math.min(o.rate.burst, tokens + ((now - at) / 1000) * o.rate.perSecond) - (framer.packets - before);
    at = now;
    if (tokens < -o.rate.burst && !o.exempt(socket))
      return refuse(`more than ${o.rate.perSecond} packets a second`);
    return chunk;
  };
}
