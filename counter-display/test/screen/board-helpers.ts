/**
 * Test support for the hall board's tests: a ticket source (the hub numbers it, as an online ticket), counters
 * driven through the counter runtime in browser mode (the harness's `rig.start`), and in-page measurements.
 */
import type { Page } from 'playwright-core';
import { silentLogger } from '@motcua/shared';
import { openDevice, type DeviceCore } from '@motcua/shared/device/runtime';
import { until } from '@motcua/testing/test-centre';
import type { CounterCommands, CounterDevice } from '../../src/runtime/counter.js';
import type { CounterScreenRig } from './harness.js';

export interface Issuer {
  issue(areaId: string): Promise<string>;
  readonly core: DeviceCore;
}

/** A printer-less ticket source on the rig's broker (needsPrint false: the hub numbers it). */
export async function startIssuer(rig: CounterScreenRig, deviceId = 'kiosk-1'): Promise<Issuer> {
  const core = openDevice({
    role: 'kiosk',
    deviceId,
    dataDir: rig.centre.dir,
    brokerUrl: rig.centre.broker.url,
    config: rig.config,
    logger: silentLogger,
    sync: { keepaliveS: 1, backoff: { initialMs: 50, maxMs: 300 } },
  });
  await until(() => core.sync.connected, 10_000, 'issuer connected');
  return {
    core,
    async issue(areaId) {
      const r = await core.sync.request('issue', { areaId, priority: null, needsPrint: false });
      if (r.kind !== 'done' || r.ticketId === null) throw new Error(`no ticket in ${areaId}`);
      return r.ticketId;
    },
  };
}

/** A counter runtime in browser mode (no page), logged in and open. */
export async function openCounter(
  rig: CounterScreenRig,
  counterId: string,
  officerId: string,
  extra: Record<string, unknown> = {},
): Promise<CounterCommands> {
  const d = await rig.start({ role: 'counter', counterId }, { extra });
  const counter = d.device as unknown as CounterDevice;
  await until(() => counter.status().connected, 10_000, `${counterId} connected`);
  const cmd = counter.commands;
  const login = await cmd.login({ officerId });
  if (!login.ok) throw new Error(`login at ${counterId}: ${login.message}`);
  const open = await cmd.open();
  if (!open.ok) throw new Error(`open at ${counterId}: ${open.message}`);
  return cmd;
}

/** The numbers the board shows on its counter tiles, by counter number (plain JS in the page: no DOM types here). */
export function tileNumbers(page: Page): Promise<Record<string, string>> {
  return page.evaluate<Record<string, string>>(`Object.fromEntries(
    Array.from(document.querySelectorAll('.b-tile')).map((t) => [
      t.getAttribute('data-counter') || '',
      (t.querySelector('.b-tile__num') || { textContent: '' }).textContent,
    ]),
  )`);
}
