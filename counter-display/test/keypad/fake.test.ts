import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger } from '@motcua/shared';
import { FakeHidBus, type FakeHidDevice } from '@motcua/testing/fake-hid';
import { HidKeypad } from '../../src/keypad/hid.js';
import type { KeypadAction } from '../../src/keypad/types.js';
import { F1, K5, PID, UP, VID, config, keypadContract, keys, until, type Connect } from './contract.js';

/** The keypad contract over a fake HID bus at the level of reports, and unplug/replug. */
const fakeConnect: Connect = async (reports, input) => {
  const bus = new FakeHidBus();
  const device = bus.plug({ vendorId: VID, productId: PID, product: 'Keypad' });
  const keypad = await HidKeypad.start({
    config: config(input),
    backend: bus,
    logger: memoryLogger().logger,
    clock: new ManualClock(0),
  });
  const actions: KeypadAction[] = [];
  keypad.onAction((a) => actions.push(a));
  for (const r of reports) device.send(r);
  return { actions, status: () => keypad.status().state, waitFor: until, cleanup: () => keypad.close() };
};

keypadContract('fake HID bus', fakeConnect, null);

describe('keypad unplug and replug (fake HID bus; umockdev-run cannot unplug during a run)', () => {
  let keypad: HidKeypad | undefined;
  afterEach(async () => {
    await keypad?.close();
    keypad = undefined;
  });
  const start = async (bus: FakeHidBus) => {
    keypad = await HidKeypad.start({
      config: config(),
      backend: bus,
      logger: memoryLogger().logger,
      clock: new ManualClock(0),
    });
    const actions: KeypadAction[] = [];
    const statuses: string[] = [];
    keypad.onAction((a) => actions.push(a));
    keypad.onStatus((s) => statuses.push(s.state));
    return { keypad, actions, statuses };
  };

  it('a keypad that is unplugged and returns is picked up again', async () => {
    const bus = new FakeHidBus();
    let device: FakeHidDevice = bus.plug({ vendorId: VID, productId: PID });
    const { keypad: k, actions, statuses } = await start(bus);
    expect(k.status().state).toBe('connected');
    device.send(keys(F1));
    device.send(UP);
    await until(() => actions.length === 1, 'next');
    bus.unplug(device);
    await until(() => k.status().state === 'missing', 'missing');
    expect(k.status().message).toBe('Không thấy bàn phím gọi số (kiểm tra cáp USB)');
    device = bus.plug({ vendorId: VID, productId: PID });
    await until(() => k.status().state === 'connected', 'connected again');
    expect(k.status().device).toBe(device.path);
    device.send(keys(0x3d));
    await until(() => actions.length === 2, 'finish after replug');
    expect(actions).toEqual([{ type: 'next' }, { type: 'finish' }]);
    expect(statuses).toEqual(['missing', 'connected']);
  });

  it('a key held when the keypad was pulled acts again after replug', async () => {
    const bus = new FakeHidBus();
    let device = bus.plug({ vendorId: VID, productId: PID });
    const { keypad: k, actions } = await start(bus);
    device.send(keys(F1));
    await until(() => actions.length === 1, 'next');
    bus.unplug(device);
    await until(() => k.status().state === 'missing', 'missing');
    device = bus.plug({ vendorId: VID, productId: PID });
    await until(() => k.status().state === 'connected', 'connected');
    device.send(keys(F1));
    await until(() => actions.length === 2, 'next again');
  });

  it('starts without a keypad, reports missing, and picks it up when plugged in', async () => {
    const bus = new FakeHidBus();
    const { keypad: k, actions } = await start(bus);
    expect(k.status().state).toBe('missing');
    await until(() => bus.enumerations >= 3, 'polling');
    const device = bus.plug({ vendorId: VID, productId: PID });
    await until(() => k.status().state === 'connected', 'connected');
    device.send(keys(K5));
    await until(() => actions.length === 1, 'a digit');
    expect(actions).toEqual([{ type: 'digit', digit: 5 }]);
  });

  it('stops polling and closes the device on close', async () => {
    const bus = new FakeHidBus();
    const device = bus.plug({ vendorId: VID, productId: PID });
    const { keypad: k } = await start(bus);
    expect(device.openCount).toBe(1);
    await k.close();
    expect(device.openCount).toBe(0);
    expect(k.status().state).toBe('closed');
    const n = bus.enumerations;
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.enumerations).toBe(n);
  });
});
