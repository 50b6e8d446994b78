import { useState } from 'preact/hooks';
import { LanguageToggle, useT } from '@motcua/shared/ui';
import { call } from './api.js';
import { dashboardMessages } from './messages.js';
import type { Me } from './types.js';

export function Login(props: { expired: boolean; onDone: (me: Me) => void }) {
  const t = useT(dashboardMessages);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.expired ? t('sessionExpired') : null);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await call<Me>('POST', '/api/login', { username, password });
    setBusy(false);
    if (r.ok) {
      props.onDone(r.data);
      return;
    }
    setPassword('');
    if (r.status === 429) {
      const s = typeof r.body.retryAfterS === 'number' ? r.body.retryAfterS : 60;
      setError(t('rateLimited', { minutes: Math.max(1, Math.ceil(s / 60)) }));
    } else setError(r.status === 401 ? t('badCredentials') : t('loginFailed'));
  };
  return (
    <div class="db-login-page">
      <header class="db-login-header">
        <LanguageToggle />
      </header>
      <main class="db-login">
        <h1>{t('loginTitle')}</h1>
        <p>{t('loginHint')}</p>
        <form onSubmit={(e) => void submit(e)} class="db-form">
          <label for="username">{t('username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <label for="password">{t('password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <button type="submit" class="db-button db-button--primary" disabled={busy} data-testid="login">
            {busy ? t('loggingIn') : t('login')}
          </button>
          <p class="db-error" role="alert" data-testid="login-error">
            {error ?? ''}
          </p>
        </form>
      </main>
    </div>
  );
}
