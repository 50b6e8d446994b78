export type Result<T, R extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: R; readonly message: string };

export interface ConnectionState {
  readonly hub: 'online' | 'offline'; // MQTT link to the hub
  readonly since: number; // ms epoch of the last change
}

/** What every role's runtime returns from startXxx(...). View = JSON-serialisable snapshot of what the screen shows. */
export interface DeviceApi<View, Commands extends Record<string, (arg: never) => Promise<Result<unknown>>>> {
  readonly role: 'kiosk' | 'lookup' | 'counter' | 'display' | 'rating' | 'board';
  /** Called at once with the current view, then after every change (local commit or remote event). */
  subscribe(fn: (view: View) => void): () => void;
  /** Called at once, then on every change. */
  connection(fn: (c: ConnectionState) => void): () => void;
  readonly commands: Commands;
  stop(): Promise<void>;
}
