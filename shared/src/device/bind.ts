/**
 * Turns a device core, a view function and a role's commands into the DeviceApi a screen binds to. The view is
 * computed only while someone subscribes, once per change for all subscribers: a simulated centre with forty
 * counters and no screens pays nothing for it.
 */
import type { ConnectionState, DeviceApi, Result } from './api.js';
import type { DeviceCore } from './runtime.js';

export type ScreenRole = DeviceApi<unknown, Record<string, never>>['role'];

/** A command table: each takes at most one argument and returns a Result. */
export type CommandTable = Record<string, (arg: never) => Promise<Result<unknown>>>;

export function bindDevice<View, Commands extends CommandTable>(o: {
  readonly core: DeviceCore;
  readonly role: ScreenRole;
  readonly view: () => View;
  readonly commands: Commands;
  /** Runs before the core stops (timers of the role). */
  readonly beforeStop?: () => void | Promise<void>;
}): DeviceApi<View, Commands> {
  const subscribers = new Set<(v: View) => void>();
  let offChanges: (() => void) | null = null;
  const publish = (): void => {
    if (subscribers.size === 0) return;
    const v = o.view();
    for (const fn of [...subscribers]) fn(v);
  };
  let stopping: Promise<void> | null = null;
  return {
    role: o.role,
    subscribe(fn) {
      subscribers.add(fn);
      offChanges ??= o.core.changes(publish);
      fn(o.view());
      return () => {
        subscribers.delete(fn);
        if (subscribers.size === 0 && offChanges) {
          offChanges();
          offChanges = null;
        }
      };
    },
    connection(fn: (c: ConnectionState) => void) {
      return o.core.connection(fn);
    },
    commands: o.commands,
    stop() {
      stopping ??= (async () => {
        subscribers.clear();
        offChanges?.();
        offChanges = null;
        await o.beforeStop?.();
        await o.core.stop();
      })();
      return stopping;
    },
  };
}
