/**
 * The counter-display app's screen: one bundle for every device at and around the counter. The runtime's view
 * says its role (`role` field), and the page set for that role is shown:
 * - `counter`: the officer's calling panel (`panel/`);
 * - `display` / `rating`: the citizen-facing counter display with its rating pad (`display/`);
 * - `board`: the hall board (`board/`).
 * Each page set owns its folder: its mirrored view/command types, messages and pages.
 */
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  LangProvider,
  apiUrl,
  type AnyCommands,
  connectScreen,
  useView,
  wsTransport,
} from '@motcua/shared/ui';
import type { AnyScreenClient } from './client.js';
import './counter.css';

type PageSet = (props: { client: AnyScreenClient }) => JSX.Element;

/**
 * Each page set is its own chunk, loaded when the view names the role: a hall board downloads only the board's
 * code, a panel only the panel's (what `ui_js_kb_gz` measures per screen).
 */
const PAGE_SETS: Readonly<Record<string, () => Promise<PageSet>>> = {
  counter: () => import('./panel/panel-app.js').then((m) => m.PanelApp),
  display: () => import('./display/display-app.js').then((m) => m.DisplayApp),
  rating: () => import('./display/display-app.js').then((m) => m.DisplayApp),
  board: () => import('./board/board-app.js').then((m) => m.BoardApp),
};

function Screen(props: { client: AnyScreenClient }) {
  const view = useView(props.client) as { readonly role?: unknown } | undefined;
  const role = typeof view?.role === 'string' ? view.role : undefined;
  const [loaded, setLoaded] = useState<{ readonly role: string; readonly Pages: PageSet } | null>(null);
  useEffect(() => {
    const load = role === undefined ? undefined : PAGE_SETS[role];
    if (role === undefined || load === undefined || loaded?.role === role) return;
    let current = true;
    void load().then((Pages) => {
      if (current) setLoaded({ role, Pages });
    });
    return () => {
      current = false;
    };
  }, [role, loaded]);
  // Until the first view and the role's code arrive the screen stays blank (a fraction of a second on loopback).
  if (loaded === null || loaded.role !== role) return <main class="c-wait" aria-busy="true" />;
  return <loaded.Pages client={props.client} />;
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
