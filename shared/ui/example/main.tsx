/**
 * The example screen: a counter bound to a runtime through the screen API over the browser-mode WebSocket.
 * It proves the kit and the transports in a real Chromium; real screens (kiosk, look-up) follow its shape.
 */
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { connectScreen, type ScreenClient } from '../api/client.js';
import { apiUrl, wsTransport } from '../api/ws.js';
import { AppFrame } from '../components/app-frame.js';
import { BigButton } from '../components/big-button.js';
import { Keyboard } from '../components/keyboard.js';
import { useConnection, useView } from '../hooks.js';
import { LangProvider, useT } from '../lang.js';
import type { CounterCommands, CounterView } from './api.js';
import { exampleMessages, type ExampleKey } from './messages.js';
import './example.css';

type Client = ScreenClient<CounterView, CounterCommands>;

function reasonKey(reason: string): ExampleKey {
  return reason === 'offline-screen' ? 'offline' : reason === 'counter-locked' ? 'locked' : 'error';
}

function Example(props: { client: Client }) {
  const t = useT(exampleMessages);
  const view = useView(props.client);
  const conn = useConnection(props.client);
  const [note, setNote] = useState<ExampleKey | undefined>(undefined);
  const [query, setQuery] = useState('');
  const show = (r: { ok: boolean; reason?: string }): void => {
    setNote(r.ok ? undefined : reasonKey(r.reason ?? ''));
  };
  return (
    <AppFrame title={t('title')} connection={conn}>
      <p class="example-count" data-testid="count">
        {t('count', { n: view?.count ?? '…' })}
      </p>
      <div class="example-actions">
        <BigButton
          testId="increment"
          onPress={async () => show(await props.client.call('increment', { by: 1 }))}
        >
          {t('increment')}
        </BigButton>
        <BigButton
          testId="fail"
          variant="secondary"
          onPress={async () => show(await props.client.call('fail', { mode: 'reason' }))}
        >
          {t('fail')}
        </BigButton>
      </div>
      <p class="example-note" role="alert" data-testid="note">
        {note === undefined ? '' : t(note)}
      </p>
      <div class="mc-field">
        <label for="query">{t('search')}</label>
        <input id="query" class="mc-input" readOnly value={query} data-testid="query" />
      </div>
      <Keyboard mode="text" value={query} onInput={setQuery} />
    </AppFrame>
  );
}

function App() {
  const client = useMemo(
    () => connectScreen<CounterView, CounterCommands>(wsTransport(apiUrl(location.href))),
    [],
  );
  return (
    <LangProvider>
      <Example client={client} />
    </LangProvider>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
