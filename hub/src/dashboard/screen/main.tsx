/**
 * The supervisors' dashboard: log-in, then three pages (live, reports, configuration) on a desktop layout.
 * The live view arrives over Server-Sent Events (`/api/live`), authenticated by the session cookie.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AppFrame, LangProvider, useT, type LinkState } from '@motcua/shared/ui';
import { call } from './api.js';
import { ConfigPage } from './config-page.js';
import { LivePage } from './live-page.js';
import { Login } from './login.js';
import { dashboardMessages } from './messages.js';
import { ReportsPage } from './reports-page.js';
import type { LiveView, Me } from './types.js';
import './dashboard.css';

type Tab = 'live' | 'reports' | 'config';
const TABS: readonly Tab[] = ['live', 'reports', 'config'];

function useLive(onExpired: () => void): { view: LiveView | undefined; link: LinkState } {
  const [view, setView] = useState<LiveView | undefined>(undefined);
  const [link, setLink] = useState<LinkState>('connecting');
  useEffect(() => {
    const es = new EventSource('/api/live');
    es.onopen = () => setLink('open');
    es.onmessage = (e: MessageEvent<string>) => {
      setView(JSON.parse(e.data) as LiveView);
      setLink('open');
    };
    es.addEventListener('expired', () => {
      es.close();
      onExpired();
    });
    es.onerror = () => {
      setLink('reconnecting');
      // A refused stream (the session ended) closes for good: find out whether we are still logged in.
      if (es.readyState === EventSource.CLOSED)
        void call('GET', '/api/me').then((r) => {
          if (!r.ok && r.status === 401) onExpired();
        });
    };
    return () => es.close();
  }, [onExpired]);
  return { view, link };
}

function Shell(props: { me: Me; onLogout: (expired: boolean) => void }) {
  const t = useT(dashboardMessages);
  const [tab, setTab] = useState<Tab>('live');
  const [expire] = useState(() => () => props.onLogout(true));
  const { view, link } = useLive(expire);
  const names: Record<Tab, string> = { live: t('tabLive'), reports: t('tabReports'), config: t('tabConfig') };
  return (
    <AppFrame title={t('title')} connection={{ link, hub: undefined }}>
      <div class="db-bar">
        <nav class="db-tabs" aria-label={t('title')}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              class="db-tab"
              data-testid={`tab-${k}`}
              aria-current={tab === k ? 'page' : undefined}
              onClick={() => setTab(k)}
            >
              {names[k]}
            </button>
          ))}
        </nav>
        <span class="db-user" data-testid="who">
          {t('signedInAs', {
            name: props.me.name,
            role: props.me.role === 'admin' ? t('roleAdmin') : t('roleSupervisor'),
          })}
        </span>
        <button
          type="button"
          class="db-button"
          data-testid="logout"
          onClick={() => void call('POST', '/api/logout', {}).then(() => props.onLogout(false))}
        >
          {t('logout')}
        </button>
      </div>
      {tab === 'live' && <LivePage view={view} />}
      {tab === 'reports' && <ReportsPage />}
      {tab === 'config' && <ConfigPage me={props.me} />}
    </AppFrame>
  );
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    void call<Me>('GET', '/api/me').then((r) => setMe(r.ok ? r.data : null));
  }, []);
  if (me === undefined) return null;
  if (me === null)
    return (
      <Login
        expired={expired}
        onDone={(m) => {
          setExpired(false);
          setMe(m);
        }}
      />
    );
  return (
    <Shell
      me={me}
      onLogout={(wasExpired) => {
        setExpired(wasExpired);
        setMe(null);
      }}
    />
  );
}

const root = document.getElementById('app');
if (root !== null)
  render(
    <LangProvider>
      <App />
    </LangProvider>,
    root,
  );
