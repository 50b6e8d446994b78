import type { HidBackend, HidDeviceInfo, HidHandle } from '@motcua/counter-display/keypad/types';

/**
 * A fake USB HID bus at the level of reports: devices can be plugged and unplugged, and a plugged
 * device sends input reports to whoever opened it. Unplugging fails the open handle's read with an
 * error, as hidraw does on Linux. Implements the backend the keypad driver takes instead of node-hid.
 */
export class FakeHidDevice {
  readonly path: string;
  private handles = new Set<FakeHandle>();
  constructor(
    readonly info: Omit<HidDeviceInfo, 'path'>,
    path: string,
  ) {
    this.path = path;
  }

  get openCount(): number {
    return this.handles.size;
  }

  /** Sends an input report to every open handle. */
  send(report: Uint8Array | readonly number[]): void {
    const bytes = Uint8Array.from(report);
    for (const h of this.handles) h.deliver(bytes);
  }

  /** @internal */
  attach(h: FakeHandle): void {
    this.handles.add(h);
  }
  /** @internal */
  detach(h: FakeHandle): void {
    this.handles.delete(h);
  }
  /** @internal */
  fail(): void {
    for (const h of this.handles) h.fail(new Error('could not read from HID device'));
    this.handles.clear();
  }
}

class FakeHandle implements HidHandle {
  private data: ((r: Uint8Array) => void) | undefined;
  private error: ((e: Error) => void) | undefined;
  constructor(private readonly device: FakeHidDevice) {}
  onData(listener: (report: Uint8Array) => void): void {
    this.data = listener;
  }
  onError(listener: (error: Error) => void): void {
    this.error = listener;
  }
  deliver(r: Uint8Array): void {
    // Asynchronous like a real read completing on the event loop.
    setImmediate(() => this.data?.(r));
  }
  fail(e: Error): void {
    setImmediate(() => this.error?.(e));
  }
  close(): Promise<void> {
    this.device.detach(this);
    return Promise.resolve();
  }
}

export class FakeHidBus implements HidBackend {
  private readonly plugged = new Map<string, FakeHidDevice>();
  private next = 0;
  enumerations = 0;

  /** Plugs a device in; each plug gets a new hidraw path, as the kernel does. */
  plug(info: Omit<HidDeviceInfo, 'path'>): FakeHidDevice {
    const device = new FakeHidDevice(info, `/dev/hidraw${this.next++}`);
    this.plugged.set(device.path, device);
    return device;
  }

  unplug(device: FakeHidDevice): void {
    this.plugged.delete(device.path);
    device.fail();
  }

  devices(): Promise<readonly HidDeviceInfo[]> {
    this.enumerations++;
    return Promise.resolve([...this.plugged.values()].map((d) => ({ ...d.info, path: d.path })));
  }

  open(path: string): Promise<HidHandle> {
    const device = this.plugged.get(path);
    if (device === undefined) return Promise.reject(new Error(`cannot open device with path ${path}`));
    const h = new FakeHandle(device);
    device.attach(h);
    return Promise.resolve(h);
  }
}
