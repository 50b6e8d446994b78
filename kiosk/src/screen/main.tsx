/**
 * The kiosk device's screen. One bundle for the kiosk and the look-up terminal: the runtime's first view says
 * its role, and the page set for that role is shown. The number-issuing pages live in `issue/`.
 */
import { render, type JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { LangProvider, apiUrl, connectScreen, useView, wsTransport } from '@motcua/shared/ui';
import type { KioskScreenCommands, KioskScreenView } from './api.js';
import { IssueApp, type KioskClient } from './issue/issue-app.js';
import './kiosk.css';

/**
 * EXTENSION POINT (look-up terminal): add `lookup: LookupApp` here, with the look-up pages in `lookup/` and a
 * `role: 'lookup'` field on the look-up runtime's view. Until a view says otherwise, the kiosk pages show.
 */
const PAGE_SETS: Partial<Record<string, (props: { client: KioskClient }) => JSX.Element>> = {
  kiosk: IssueApp,
};

function Screen(props: { client: KioskClient }) {
  const view = useView(props.client) as { readonly role?: unknown } | undefined;
  const role = typeof view?.role === 'string' ? view.role : 'kiosk';
  const Pages = PAGE_SETS[role] ?? IssueApp;
  return <Pages client={props.client} />;
}

function App() {
  const client = useMemo(
    () => connectScreen<KioskScreenView, KioskScreenCommands>(wsTransport(apiUrl(location.href))),
    [],
  );
  return (
    <LangProvider>
      <Screen client={client} />
    </LangProvider>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
