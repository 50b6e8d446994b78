/**
 * The supervisor hears the kiosk's printer over the bus: the kiosk publishes its printer state (retained, on
 * dev/{id}/health) when it changes, and the hub keeps the latest per device. Real Mosquitto and hub.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { startTestCentre, until, type TestCentreRun } from '@motcua/testing/test-centre';
import { FAKE_STATUS, FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKiosk, type KioskDevice } from '../src/runtime/kiosk.js';

let centre: TestCentreRun | null = null;
let kiosk: KioskDevice | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
  await centre?.close();
  centre = null;
});

describe('kiosk printer health on the bus', () => {
  it('out of paper, then paper near end, then ready: the hub hears each, before anyone takes a number', async () => {
    const config = testCentreConfig();
    centre = await startTestCentre({ config });
    const c = centre;
    const paper = new FakePrinter({ status: FAKE_STATUS.paperOut });
    kiosk = startKiosk({
      kioskId: 'kiosk-1',
      dataDir: c.dir,
      brokerUrl: c.broker.url,
      config,
      logger: silentLogger,
      sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 500 } },
      printer: {
        openTransport: () => Promise.resolve(new FakeTransport(paper)),
        statusTimeoutMs: 200,
        watchMs: 100,
      },
    });
    const printer = () => c.hub!.coordinator.healthOf('kiosk-1')?.printer;
    await until(() => printer() === 'paper-out', 10_000, 'paper-out at the hub');
    paper.status = FAKE_STATUS.paperNearEnd;
    await until(() => printer() === 'paper-near-end', 10_000, 'paper-near-end at the hub');
    // Near end does not stop issuing: the next ticket prints, and its status check reports ready again.
    paper.status = FAKE_STATUS.ready;
    expect(await kiosk.commands.take({ area: 'a' })).toMatchObject({ ok: true });
    await until(() => printer() === 'ready', 10_000, 'ready at the hub');
    expect(c.hub!.coordinator.healthOf('kiosk-1')).toMatchObject({ deviceId: 'kiosk-1' });
  });
});
