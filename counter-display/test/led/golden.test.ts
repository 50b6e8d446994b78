import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, silentLogger } from '@motcua/shared';
import { FakeModbusDisplay, startFakeModbusLine, type FakeModbusLine } from '@motcua/testing/modbus-display';
import { crc16, hex, writeRegisterFrame } from '../../src/led/frame.js';
import { createModbusLedDisplay } from '../../src/led/modbus.js';
import type { LedDriver } from '../../src/led/driver.js';

/**
 * The exact bytes a display receives. The expected frames were written by hand from the Modbus spec
 * (FC 6: unit, 06, register hi/lo, value hi/lo, CRC-16 low byte first) and cross-checked against the
 * spec's own example and modbus-serial's CRC; they are not computed by the code under test.
 */
describe('Modbus RTU framing', () => {
  it("matches the Modbus spec's FC 6 example (unit 1, register 1, value 3 → CRC 98 0B)", () => {
    expect(hex(writeRegisterFrame(1, 1, 3))).toBe('01 06 00 01 00 03 98 0b');
  });

  it('CRC of an empty frame is the initial value', () => {
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });
});

describe('Modbus LED display: golden bytes through a socat pty', () => {
  let line: FakeModbusLine | undefined;
  let display: LedDriver | undefined;
  afterEach(async () => {
    await display?.close();
    await line?.close();
    display = undefined;
    line = undefined;
  });

  it.each([
    [1, 7, '01 06 00 00 00 07 c8 08'],
    [1, 1025, '01 06 00 00 04 01 4a ca'],
    [1, 9999, '01 06 00 00 27 0f d2 3e'],
    [1, null, '01 06 00 00 00 00 89 ca'],
    [2, 42, '02 06 00 00 00 2a 08 26'],
  ] as const)('unit %i, number %s → %s', async (unitId, number, frame) => {
    const peer = new FakeModbusDisplay(unitId);
    line = await startFakeModbusLine(peer);
    display = createModbusLedDisplay({
      path: line.path,
      unitId,
      logger: silentLogger,
      clock: new ManualClock(0),
    });
    expect(await display.show(number)).toEqual({ ok: true, shown: number });
    expect(peer.requests.map(hex)).toEqual([frame]);
  });
});
