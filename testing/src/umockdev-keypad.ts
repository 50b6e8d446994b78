import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeypadAction } from '@motcua/counter-display/keypad/types';
import type { KeypadConfigInput } from '@motcua/counter-display/keypad/keymap';

/**
 * A USB keypad replayed by Debian's umockdev for the REAL node-hid driver: a hand-written sysfs tree
 * (USB device → interface → HID device → hidraw0), an ioctl file answering HIDIOCGRDESCSIZE (hidapi's
 * "is this hidraw" check), and a script of input reports read from /dev/hidraw0. The driver runs in a
 * child process under `umockdev-run` (umockdev works by LD_PRELOAD), reporting actions as JSON lines.
 *
 * Limits: the set of devices is fixed for the whole run (the CLI cannot unplug a device; that needs
 * the testbed library API), and the replay joins reports that are read in one go.
 */
export function umockdevAvailable(): boolean {
  return spawnSync('umockdev-run', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Report descriptor: vendor page, 8-byte input and output reports (what cheap keypads declare). */
const REPORT_DESCRIPTOR = '06a0ff0901a1010901150026ff007508950881020901150026ff00750895089102c0';

function description(vendorId: number, productId: number): string {
  const v = vendorId.toString(16).padStart(4, '0');
  const p = productId.toString(16).padStart(4, '0');
  const V = v.toUpperCase();
  const P = p.toUpperCase();
  const usb = '/devices/pci0000:00/0000:00:14.0/usb1/1-1';
  const hid = `${usb}/1-1:1.0/0003:${V}:${P}.0001`;
  return `P: ${hid}/hidraw/hidraw0
N: hidraw0
E: DEVNAME=/dev/hidraw0
E: MAJOR=243
E: MINOR=0
E: SUBSYSTEM=hidraw
A: dev=243:0

P: ${hid}
E: DRIVER=hid-generic
E: HID_ID=0003:0000${V}:0000${P}
E: HID_NAME=Motcua Test Keypad
E: HID_UNIQ=KP0001
E: SUBSYSTEM=hid
H: report_descriptor=${REPORT_DESCRIPTOR.toUpperCase()}

P: ${usb}/1-1:1.0
E: DEVTYPE=usb_interface
E: SUBSYSTEM=usb
A: bInterfaceNumber=00
A: bInterfaceClass=03

P: ${usb}
E: DEVTYPE=usb_device
E: SUBSYSTEM=usb
A: idVendor=${v}
A: idProduct=${p}
A: manufacturer=Motcua
A: product=Test Keypad
A: serial=KP0001
A: bcdDevice=0100
`;
}

/** umockdev script data: bytes below 32 as '^' + (b + 64), '^' itself as "^`", the rest verbatim. */
export function scriptData(bytes: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of bytes) {
    if (b < 32) out.push(0x5e, b + 64);
    else if (b === 0x5e) out.push(0x5e, 0x60);
    else out.push(b);
  }
  return Buffer.from(out);
}

export interface ReplayedKeypad {
  readonly actions: KeypadAction[];
  readonly statuses: string[];
  readonly waitFor: (check: () => boolean, what: string, timeoutMs?: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function startReplayedKeypad(o: {
  /** The replayed USB device's ids. */
  device: { vendorId: number; productId: number };
  /** The driver's configuration (which device it looks for, key map). */
  config: KeypadConfigInput;
  reports: readonly Uint8Array[];
}): Promise<ReplayedKeypad> {
  const { vendorId, productId } = o.device;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-umockdev-'));
  writeFileSync(join(dir, 'keypad.umockdev'), description(vendorId, productId));
  const size = REPORT_DESCRIPTOR.length / 2;
  const sizeLe = [size & 0xff, (size >>> 8) & 0xff, 0, 0].map((b) => b.toString(16).padStart(2, '0'));
  writeFileSync(join(dir, 'keypad.ioctl'), `@DEV /dev/hidraw0\nHIDIOCGRDESCSIZE 0 ${sizeLe.join('')}\n`);
  const lines = o.reports.map((r) => Buffer.concat([Buffer.from('r 30 '), scriptData(r), Buffer.from('\n')]));
  writeFileSync(join(dir, 'keypad.script'), Buffer.concat(lines));

  const child: ChildProcess = spawn(
    'umockdev-run',
    [
      '-d',
      join(dir, 'keypad.umockdev'),
      '-i',
      `/dev/hidraw0=${join(dir, 'keypad.ioctl')}`,
      '-s',
      `/dev/hidraw0=${join(dir, 'keypad.script')}`,
      '--',
      process.execPath,
      '--import',
      'tsx',
      join(dirname(fileURLToPath(import.meta.url)), 'umockdev-keypad-child.ts'),
      JSON.stringify(o.config),
    ],
    // Own process group: umockdev-run starts node as its child, and both must go on cleanup.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const actions: KeypadAction[] = [];
  const statuses: string[] = [];
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let rest = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    rest += s;
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      const m = JSON.parse(line) as { action?: KeypadAction; status?: string };
      if (m.action !== undefined) actions.push(m.action);
      if (m.status !== undefined) statuses.push(m.status);
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const waitFor = async (check: () => boolean, what: string, timeoutMs = 8000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (exited) throw new Error(`umockdev-run exited while waiting for ${what}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const close = async (): Promise<void> => {
    child.stdin?.end();
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 3000);
    await exit;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The driver's first status line: node-hid enumerated (and opened, if the ids match).
    // Generous: starting node with tsx takes seconds on a loaded 2-core machine.
    await waitFor(() => statuses.length > 0, 'the keypad driver to start', 20_000);
  } catch (e) {
    await close();
    throw e;
  }
  return { actions, statuses, waitFor, close };
}
