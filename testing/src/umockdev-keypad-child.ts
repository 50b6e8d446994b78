/**
 * Runs inside `umockdev-run`: the real node-hid keypad driver against the emulated hidraw device.
 * argv[2] is the keypad config (JSON). Writes one JSON line per action and status change; closes the
 * keypad and exits when stdin ends (node-hid must close its device before the process can exit).
 */
import { ManualClock, silentLogger } from '@motcua/shared';
import { HidKeypad, nodeHidBackend } from '@motcua/counter-display/keypad/hid';
import { parseKeypadConfig } from '@motcua/counter-display/keypad/keymap';

const parsed = parseKeypadConfig(JSON.parse(process.argv[2] ?? '{}'));
if (!parsed.ok) {
  process.stdout.write(`${JSON.stringify({ problems: parsed.problems })}\n`);
  process.exit(2);
}
const out = (o: unknown): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};
const keypad = await HidKeypad.start({
  config: parsed.config,
  backend: nodeHidBackend(),
  logger: silentLogger,
  clock: new ManualClock(0),
});
keypad.onAction((action) => {
  out({ action });
});
keypad.onStatus((s) => {
  out({ status: s.state, device: s.device });
});
out({ status: keypad.status().state, device: keypad.status().device, ready: true });
process.stdin.resume();
process.stdin.on('end', () => {
  void keypad.close().then(() => process.exit(0));
});
