/** The embedded broker's packet size guard follows MQTT framing across chunk boundaries. */
import mqttPacket from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { PacketFramer } from '../src/packet-guard.js';

const publish = (bytes: number): Buffer =>
  mqttPacket.generate({
    cmd: 'publish',
    topic: 't',
    payload: Buffer.alloc(bytes, 0x61),
    qos: 0,
    retain: false,
    dup: false,
  });

describe('PacketFramer', () => {
  it('passes packets under the limit, fed whole or one byte at a time', () => {
    const stream = Buffer.concat([
      publish(10),
      publish(1000),
      mqttPacket.generate({ cmd: 'pingreq' }),
      publish(3),
    ]);
    expect(new PacketFramer(2000).feed(stream)).toBe(true);
    const f = new PacketFramer(2000);
    for (const b of stream) expect(f.feed(Buffer.from([b]))).toBe(true);
  });

  it('refuses a packet declared above the limit from its header alone, before its body comes', () => {
    const big = publish(5000);
    const f = new PacketFramer(2000);
    expect(f.feed(publish(10))).toBe(true);
    expect(f.feed(big.subarray(0, 4))).toBe(false);
  });

  it('refuses a remaining length of more than four bytes (malformed)', () => {
    expect(new PacketFramer(1e9).feed(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBe(false);
  });
});
