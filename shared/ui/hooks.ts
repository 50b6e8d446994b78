import { useEffect, useState } from 'preact/hooks';
import type { AnyCommands, ScreenClient, ScreenConnection } from './api/client.js';

/** The runtime's latest view (undefined until the first one arrives). */
export function useView<View, C extends AnyCommands>(client: ScreenClient<View, C>): View | undefined {
  const [view, setView] = useState<View | undefined>(undefined);
  useEffect(() => client.view((v) => setView(() => v)), [client]);
  return view;
}

export function useConnection<View, C extends AnyCommands>(client: ScreenClient<View, C>): ScreenConnection {
  const [conn, setConn] = useState<ScreenConnection>({ link: 'connecting', hub: undefined });
  useEffect(() => client.connection(setConn), [client]);
  return conn;
}
