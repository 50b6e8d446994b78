/**
 * The officer's calling panel: log in (officer, PIN), then the desk. One place runs every command (buttons,
 * shortcuts, forms), so each says the same thing when it is done or refused; the offline indicator says what
 * works without the server (what the runtime can decide alone: `soleAreas`, paper tickets, its own ticket).
 */
import { ConnectionBanner, LanguageToggle, useConnection, useLang, useT, useView } from '@motcua/shared/ui';
import type { ScreenClient } from '@motcua/shared/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { narrowClient, type AnyScreenClient } from '../client.js';
import type { PanelCommands, PanelOfficer, PanelOutcome, PanelTicket, PanelView } from './api.js';
import { DeskPage } from './desk.js';
import { CallNumberForm, HoldForm, PauseForm, TransferForm } from './forms.js';
import { LoginPage } from './login.js';
import { panelMessages } from './messages.js';
import { failureKey, secondsLeft, SHORTCUTS, type ShortcutAction } from './reasons.js';
import type { Result } from '@motcua/shared/device/api';
import './panel.css';

export type PanelClient = ScreenClient<PanelView, PanelCommands>;
type FormKind = 'callNumber' | 'transfer' | 'hold' | 'pause' | null;
interface Toast {
  readonly ok: boolean;
  readonly text: string;
}

/** Whether a key event comes from a field being typed in (shortcuts must never fire there). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Re-renders every second while something counts down. */
function useTicking(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [active]);
  return active ? now : Date.now();
}

export function PanelApp(props: { client: AnyScreenClient }) {
  const client = useMemo(() => narrowClient<PanelView, PanelCommands>(props.client), [props.client]);
  const t = useT(panelMessages);
  const { lang } = useLang();
  const view = useView(client);
  const conn = useConnection(client);
  const [form, setForm] = useState<FormKind>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [loginError, setLoginError] = useState<{ reason: string; message: string } | null>(null);
  // Countdowns (recall, PIN lock) run from when the view arrived, in the screen's own clock.
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  useEffect(() => {
    setReceivedAt(Date.now());
  }, [view]);
  const counting =
    view !== undefined && (view.recallReadyInS > 0 || view.officers.some((o) => o.lockedForS > 0));
  const now = useTicking(counting);
  const recallInS = view === undefined ? 0 : secondsLeft(receivedAt, view.recallReadyInS, now);
  const busy = useRef(false);

  const say = (r: Result<PanelOutcome>): boolean => {
    if (r.ok) {
      setToast({ ok: true, text: t(r.value.mode === 'offline' ? 'doneOffline' : 'done') });
      return true;
    }
    const key = failureKey(r.reason);
    const text =
      key === 'failedRecallSoon'
        ? t(key, { s: Math.max(recallInS, 1) })
        : key === null
          ? t('failed', { message: r.message })
          : t(key);
    setToast({ ok: false, text });
    return false;
  };
  /** Runs one command at a time (a double press or a held key does not send two). */
  const run = async (f: () => Promise<Result<PanelOutcome>>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    try {
      return say(await f());
    } finally {
      busy.current = false;
    }
  };
  const closeForm = (): void => {
    setForm(null);
  };

  const action = (a: ShortcutAction): void => {
    if (view?.officer == null) return;
    switch (a) {
      case 'next':
        void run(() => client.call('next', undefined));
        return;
      case 'recall':
        void run(() => client.call('recall', undefined));
        return;
      case 'start':
        void run(() => client.call('start', undefined));
        return;
      case 'finish':
        void run(() => client.call('finish', {}));
        return;
      case 'noShow':
        void run(() => client.call('noShow', undefined));
        return;
      case 'transfer':
      case 'hold':
      case 'callNumber':
        setForm(a);
        return;
    }
  };

  // Shortcuts: function keys, never while typing in a field; Escape closes a form.
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setForm(null);
        return;
      }
      if (typingIn(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const hit = SHORTCUTS.find(([k]) => k === e.key);
      if (hit === undefined) return;
      e.preventDefault(); // F5 would reload the page
      if (!e.repeat) latest.current(hit[1]);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  // A message fades after a few seconds; a new one replaces it.
  useEffect(() => {
    if (toast === null) return undefined;
    const timer = setTimeout(() => {
      setToast(null);
    }, 6_000);
    return () => {
      clearTimeout(timer);
    };
  }, [toast]);

  const login = async (o: PanelOfficer, pin: string | undefined): Promise<void> => {
    const r = await client.call('login', pin === undefined ? { officerId: o.id } : { officerId: o.id, pin });
    setLoginError(r.ok ? null : { reason: r.reason, message: r.message });
  };
  const logout = (): void => {
    setForm(null);
    void run(() => client.call('logout', undefined));
  };

  const offline = view !== undefined && (!view.hubOnline || conn.hub?.hub === 'offline');
  const soleNames =
    view === undefined
      ? ''
      : view.soleAreas
          .map((id) => {
            const a = view.areas.find((x) => x.id === id);
            return a === undefined ? id : lang === 'en' && a.nameEn !== null ? a.nameEn : a.name;
          })
          .join(', ');

  let body = null;
  if (view === undefined) body = null;
  else if (view.officer === null)
    body = <LoginPage view={view} receivedAt={receivedAt} now={now} error={loginError} onLogin={login} />;
  else {
    const formEl =
      form === 'callNumber' ? (
        <CallNumberForm
          view={view}
          onCancel={closeForm}
          onCall={(area, number) => {
            void run(() => client.call('callNumber', { area, number })).then((ok) => {
              if (ok) closeForm();
            });
          }}
        />
      ) : form === 'transfer' ? (
        <TransferForm
          view={view}
          onCancel={closeForm}
          onTransfer={(to, note) => {
            const arg = note === '' ? { to } : { to, note };
            void run(() => client.call('transfer', arg)).then((ok) => {
              if (ok) closeForm();
            });
          }}
        />
      ) : form === 'hold' ? (
        <HoldForm
          onCancel={closeForm}
          onHold={(reason) => {
            void run(() => client.call('hold', { reason })).then((ok) => {
              if (ok) closeForm();
            });
          }}
        />
      ) : form === 'pause' ? (
        <PauseForm
          view={view}
          onCancel={closeForm}
          onPause={(reason) => {
            void run(() => client.call('pause', { reason })).then((ok) => {
              if (ok) closeForm();
            });
          }}
        />
      ) : null;
    body = (
      <DeskPage
        view={view}
        recallInS={recallInS}
        form={formEl}
        actions={{
          run: action,
          open: () => void run(() => client.call('open', undefined)),
          pause: () => {
            setForm('pause');
          },
          close: () => void run(() => client.call('close', undefined)),
          callTicket: (x: PanelTicket) =>
            void run(() => client.call('callNumber', { area: x.areaId, number: x.number })),
          returnHeld: (x: PanelTicket) => void run(() => client.call('returnHeld', { ticketId: x.ticketId })),
        }}
      />
    );
  }

  return (
    <div class="mc-frame p-frame">
      <header class="mc-header p-header">
        <h1 class="mc-title">{t('title', { n: view?.number ?? '' })}</h1>
        {view?.officer == null ? null : (
          <p class="p-who" data-testid="officer-name">
            {view.officer.name ?? view.officer.id}
          </p>
        )}
        <div class="p-header__end">
          <LanguageToggle />
          {view?.officer == null ? null : (
            <button type="button" class="mc-button" data-testid="logout" onClick={logout}>
              {t('logout')}
            </button>
          )}
        </div>
      </header>
      <ConnectionBanner link={conn.link} />
      <main class="mc-main p-main" data-role="counter" aria-busy={conn.link !== 'open'}>
        {view === undefined ? null : offline ? (
          <section class="p-offline" role="status" data-testid="offline">
            <p class="p-offline__title">{t('offlineTitle')}</p>
            <p>
              {view.soleAreas.length > 0 ? t('offlineNextSole', { areas: soleNames }) : t('offlineNextNone')}
            </p>
            <p>{t('offlineWorks')}</p>
          </section>
        ) : (
          <p class="p-online" data-testid="online">
            {t('online')}
          </p>
        )}
        <div
          class={toast === null ? 'p-toast p-toast--hidden' : toast.ok ? 'p-toast' : 'p-toast p-toast--bad'}
          role="status"
          aria-live="polite"
          data-testid="toast"
        >
          {toast?.text ?? ''}
        </div>
        {body}
      </main>
    </div>
  );
}
