import { PID, VID, CONFIG, keypadContract, type Connect } from './contract.js';
import { startReplayedKeypad, umockdevAvailable } from '@motcua/testing/umockdev-keypad';

/**
 * The keypad contract against the REAL node-hid driver reading a keypad replayed by Debian's umockdev
 * (hand-written sysfs tree, HIDIOCGRDESCSIZE ioctl, report script). umockdev-run cannot unplug a device
 * during a run, so unplug/replug is covered by the fake bus only (fake.test.ts).
 */
const umockdevConnect: Connect = async (reports, input) => {
  const replay = await startReplayedKeypad({
    device: { vendorId: VID, productId: PID },
    config: input ?? CONFIG,
    reports,
  });
  return {
    actions: replay.actions,
    status: () => replay.statuses.at(-1) ?? 'none',
    waitFor: replay.waitFor,
    cleanup: () => replay.close(),
  };
};

keypadContract(
  'node-hid under umockdev',
  umockdevConnect,
  umockdevAvailable() ? null : 'umockdev-run not installed (Debian package umockdev; .ci/run installs it)',
  true,
);
