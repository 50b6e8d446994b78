/**
 * The counter-display app's screen: one bundle for every device at and around the counter. The runtime's view
 * says its role (`role` field), and the page set for that role is shown:
 * - `counter`: the officer's calling panel (`panel/`);
 * - `display` / `rating`: the citizen-facing counter display with its rating pad (`display/`);
 * - `board`: the hall board (`board/`).
 * Each page set owns its folder: its mirrored view/command types, messages and pages.
 */
import { render, type JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  LangProvider,
  apiUrl,
  type AnyCommands,
  connectScreen,
  useView,
  wsTransport,
} from '@motcua/shared/ui';
import type { AnyScreenClient } from './client.js';
import { PanelApp } from './panel/panel-app.js';
import { DisplayApp } from './display/display-app.js';
import { BoardApp } from './board/board-app.js';
import './counter.css';

const PAGE_SETS: Readonly<Record<string, (props: { client: AnyScreenClient }) => JSX.Element>> = {
  counter: PanelApp,
  display: DisplayApp,
  rating: DisplayApp,
  board: BoardApp,
};

function Screen(props: { client: AnyScreenClient }) {
  const view = useView(props.client) as { readonly role?: unknown } | undefined;
  const role = typeof view?.role === 'string' ? view.role : undefined;
  const Pages = role === undefined ? undefined : PAGE_SETS[role];
  // Until the first view arrives the screen stays blank; the connection banner of each page set covers the wait.
  if (Pages === undefined) return <main class="c-wait" aria-busy="true" />;
  return <Pages client={props.client} />;
}

function App() {
  const client = useMemo(() => connectScreen<unknown, AnyCommands>(wsTransport(apiUrl(location.href))), []);
  return (
    <LangProvider>
      <Screen client={client} />
    </LangProvider>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
