/**
 * The kiosk device's screen. One bundle for the kiosk and the look-up terminal: the runtime's view says its
 * role, and the page set for that role is shown. The number-issuing pages live in `issue/`, the look-up pages
 * in `lookup/` (loaded on demand, so a kiosk's first screen does not wait for the search code).
 */
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  LangProvider,
  apiUrl,
  connectScreen,
  useView,
  wsTransport,
  type ScreenClient,
} from '@motcua/shared/ui';
import type { Result } from '@motcua/shared/device/api';
import type { LookupCommands, LookupView } from '../runtime/lookup-api.js';
import type { KioskScreenCommands, KioskScreenView } from './api.js';
import { IssueApp, type KioskClient } from './issue/issue-app.js';
import type { LookupClient } from './lookup/app.js';
import './kiosk.css';

/** One connection for whichever role the runtime has: its view is one of the two, its commands the role's. */
type AnyView = KioskScreenView | LookupView;
type AnyCommands = KioskScreenCommands & LookupCommands;
type AnyClient = ScreenClient<AnyView, AnyCommands>;

type LookupModule = typeof import('./lookup/app.js');

/** The look-up pages; `take` is passed on only when the view says the device prints numbers. */
function LookupPages(props: { client: AnyClient; takesNumbers: boolean }) {
  const [mod, setMod] = useState<LookupModule | null>(null);
  useEffect(() => {
    void import('./lookup/app.js').then(setMod);
  }, []);
  if (mod === null) return <div class="mc-app" aria-busy="true" />;
  const { LookupApp } = mod;
  const client = props.client as unknown as LookupClient;
  const take = (area: string): Promise<Result<unknown>> => props.client.call('take', { area });
  return props.takesNumbers ? <LookupApp client={client} takeNumber={take} /> : <LookupApp client={client} />;
}

const PAGE_SETS: Record<
  AnyView['role'],
  (props: { client: AnyClient; view: AnyView | undefined }) => JSX.Element
> = {
  kiosk: (p) => <IssueApp client={p.client as unknown as KioskClient} />,
  lookup: (p) => (
    <LookupPages client={p.client} takesNumbers={p.view?.role === 'lookup' && p.view.takesNumbers} />
  ),
};

function Screen(props: { client: AnyClient }) {
  const view = useView(props.client);
  // Until the first view arrives (or for a role this bundle does not know), the kiosk pages show, as before.
  const role = view !== undefined && Object.hasOwn(PAGE_SETS, view.role) ? view.role : 'kiosk';
  const Pages = PAGE_SETS[role];
  return <Pages client={props.client} view={view} />;
}

function App() {
  const client = useMemo(() => connectScreen<AnyView, AnyCommands>(wsTransport(apiUrl(location.href))), []);
  return (
    <LangProvider>
      <Screen client={client} />
    </LangProvider>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
