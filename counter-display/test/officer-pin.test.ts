/**
 * Officer PINs at the panel: the admin PIN's scrypt format, the lockout after repeated wrong PINs (per officer,
 * with the configured count and duration, on an injected clock), officers without a PIN, and the CLI command.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@motcua/shared';
import { verifyPin } from '@motcua/shared/electron/kiosk';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { createPinGate, hashOfficerPin, officerPinHashCommand } from '../src/runtime/officer-pin.js';

const COST = { log2N: 10, r: 8, p: 1 };

async function gate(over: { requirePin?: boolean } = {}) {
  const config = testCentreConfig({
    officers: [
      { id: 'o1', name: 'Nguyễn Văn An', pinHash: await hashOfficerPin('4321', COST) },
      { id: 'o2', name: 'Trần Thị Bình' },
    ],
    counterPanel: { pinMaxAttempts: 3, pinLockoutS: 60, ...over },
  });
  const clock = new ManualClock(1_000_000);
  return { pins: createPinGate(config, clock), clock };
}

describe('officer PIN gate', () => {
  it('the right PIN passes; a wrong one says how many tries are left', async () => {
    const { pins } = await gate();
    expect(pins.needsPin('o1')).toBe(true);
    expect(await pins.check('o1', '1111')).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: 2 });
    expect(pins.attemptsLeft('o1')).toBe(2);
    expect(await pins.check('o1', '4321')).toEqual({ ok: true });
    expect(pins.attemptsLeft('o1')).toBe(3); // a success starts the count again
    expect(await pins.check('o1', undefined)).toMatchObject({ reason: 'wrong-pin' });
    expect(await pins.check('o1', 'abcd')).toMatchObject({ reason: 'wrong-pin' });
  });

  it('locks after the configured wrong PINs, refuses even the right one, and opens after the lockout', async () => {
    const { pins, clock } = await gate();
    await pins.check('o1', '1');
    await pins.check('o1', '2');
    expect(await pins.check('o1', '3')).toMatchObject({ ok: false, reason: 'pin-locked', retryInS: 60 });
    clock.advance(30_000);
    expect(await pins.check('o1', '4321')).toMatchObject({ ok: false, reason: 'pin-locked', retryInS: 30 });
    expect(pins.lockedForS('o1')).toBe(30);
    expect(pins.lockedForS('o2')).toBe(0); // per officer
    clock.advance(30_000);
    expect(pins.lockedForS('o1')).toBe(0);
    expect(pins.attemptsLeft('o1')).toBe(3);
    expect(await pins.check('o1', '4321')).toEqual({ ok: true });
  });

  it('parallel guesses are counted one by one', async () => {
    const { pins } = await gate();
    const all = await Promise.all(['1', '2', '3', '4', '5'].map((p) => pins.check('o1', p)));
    expect(all.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'wrong-pin',
      'wrong-pin',
      'pin-locked',
      'pin-locked',
      'pin-locked',
    ]);
  });

  it('an officer without a PIN logs in by name, unless the centre requires PINs', async () => {
    expect(await (await gate()).pins.check('o2', undefined)).toEqual({ ok: true });
    const strict = await gate({ requirePin: true });
    expect(strict.pins.needsPin('o2')).toBe(true);
    expect(await strict.pins.check('o2', '1234')).toMatchObject({ ok: false, reason: 'pin-not-set' });
    expect(await strict.pins.check('o9', '1234')).toMatchObject({ ok: false, reason: 'unknown-officer' });
  });
});

describe('motcua officer-pin-hash', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
  };

  it('prints a hash the PIN verifies against, in the format the config accepts', async () => {
    const o = io();
    expect(await officerPinHashCommand([], o.io, () => Promise.resolve('246810\n'))).toBe(0);
    const hash = o.out.join('').trim();
    expect(hash).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(await verifyPin('246810', hash)).toBe(true);
    expect(await verifyPin('246811', hash)).toBe(false);
    // The centre config takes it.
    expect(() => testCentreConfig({ officers: [{ id: 'o1', name: 'A', pinHash: hash }] })).not.toThrow();
  });

  it('refuses a PIN on the command line and a PIN that is not 4-12 digits, with a reason', async () => {
    const a = io();
    expect(await officerPinHashCommand(['1234'], a.io, () => Promise.resolve(''))).toBe(2);
    expect(a.err.join('')).toMatch(/bad-args/);
    const b = io();
    expect(await officerPinHashCommand([], b.io, () => Promise.resolve('12a4'))).toBe(2);
    expect(b.err.join('')).toMatch(/bad-pin/);
    expect(() => testCentreConfig({ officers: [{ id: 'o1', name: 'A', pinHash: '1234' }] })).toThrow(
      /pinHash/,
    );
  });
});
