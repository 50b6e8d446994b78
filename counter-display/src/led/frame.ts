/**
 * Modbus RTU framing, just what the number displays need: the CRC and the "write single register"
 * (function 6) request. Pure bytes, no I/O: the golden-bytes tests and the fake display peer share it.
 */

/** CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); sent low byte first. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Appends the CRC (low byte first) to a frame body. */
export function withCrc(body: Uint8Array): Uint8Array {
  const crc = crc16(body);
  return Uint8Array.from([...body, crc & 0xff, crc >>> 8]);
}

export function hasValidCrc(frame: Uint8Array): boolean {
  if (frame.length < 4) return false;
  const crc = crc16(frame.subarray(0, frame.length - 2));
  return frame[frame.length - 2] === (crc & 0xff) && frame[frame.length - 1] === crc >>> 8;
}

/** FC 6 request: unit, 0x06, register (big-endian), value (big-endian), CRC. The reply echoes it. */
export function writeRegisterFrame(unitId: number, register: number, value: number): Uint8Array {
  return withCrc(Uint8Array.from([unitId, 0x06, register >>> 8, register & 0xff, value >>> 8, value & 0xff]));
}

/** Exception reply: unit, function | 0x80, exception code, CRC. */
export function exceptionFrame(unitId: number, functionCode: number, code: number): Uint8Array {
  return withCrc(Uint8Array.from([unitId, functionCode | 0x80, code]));
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
