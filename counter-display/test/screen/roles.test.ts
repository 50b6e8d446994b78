/**
 * One bundle, four page sets: each device's runtime says its role in its view, and the screen shows that
 * role's pages (a board never shows an officer's buttons, a panel never shows the board).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCounterRig, type CounterScreenRig, type DeviceSpec } from './harness.js';

let rig: CounterScreenRig;
beforeAll(async () => {
  rig = await startCounterRig();
}, 120_000);
afterAll(async () => {
  await rig.close();
});

const cases: readonly [DeviceSpec, string][] = [
  [{ role: 'counter', counterId: 'c1' }, 'counter'],
  [{ role: 'display', counterId: 'c1' }, 'display'],
  [{ role: 'rating', counterId: 'c2' }, 'rating'],
  [{ role: 'board' }, 'board'],
];

describe('the counter-display app shows the page set of its device role', () => {
  it.each(cases)('%o → %s', async (spec, role) => {
    const device = await rig.start(spec);
    const page = await rig.open(device);
    await eventually(async () => {
      expect(await page.getAttribute('main', 'data-role')).toBe(role);
    });
    await page.close();
    await device.stop();
  });
});
