import { AppFrame, useConnection, useLang, useT, useView, type ScreenClient } from '@motcua/shared/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  printerStops,
  type AreaView,
  type KioskScreenCommands,
  type KioskScreenView,
  type PrinterStateName,
  type TicketView,
} from '../api.js';
import { kioskMessages, type KioskKey } from '../messages.js';
import { HomePage } from './home.js';
import { IssuingPage } from './issuing.js';
import { OfflineIndicator } from './offline.js';
import { PrinterStoppedPage } from './printer-stopped.js';
import { PriorityPage } from './priority.js';
import { ResultPage } from './result.js';

export type KioskClient = ScreenClient<KioskScreenView, KioskScreenCommands>;

type Page =
  | { readonly k: 'home' }
  | { readonly k: 'priority'; readonly area: AreaView }
  | { readonly k: 'issuing'; readonly area: AreaView }
  | { readonly k: 'result'; readonly area: AreaView; readonly ticket: TicketView }
  | { readonly k: 'failed'; readonly key: KioskKey }
  /** A take failed at the printer; held until a newer view than `since` says the printer is fine. */
  | { readonly k: 'stopped'; readonly state: PrinterStateName; readonly since: KioskScreenView | undefined };

/** Taps are ignored this long after one that takes a number, however quick the answer (users asked for 2 s). */
const TAKE_LOCK_MS = 2_000;
const CLOSED_REASONS = new Set([
  'centre-closed',
  'outside-hours',
  'issuing-stopped',
  'quota-reached',
  'range-exhausted',
]);

function failureKey(reason: string): KioskKey {
  if (reason === 'offline-screen' || reason === 'timeout') return 'failedScreen';
  return CLOSED_REASONS.has(reason) ? 'failedClosed' : 'failed';
}

/** The number-issuing pages: home → (priority) → issuing → result, back home on "Xong" or when left idle. */
export function IssueApp(props: { client: KioskClient }) {
  const t = useT(kioskMessages);
  const { lang, setLang } = useLang();
  const view = useView(props.client);
  const conn = useConnection(props.client);
  const [page, setPage] = useState<Page>({ k: 'home' });
  const [activity, setActivity] = useState(0);
  const locked = useRef(false);
  const latestView = useRef(view);
  latestView.current = view;

  // Every touch anywhere restarts the idle countdown.
  useEffect(() => {
    const bump = (): void => {
      setActivity((n) => n + 1);
    };
    document.addEventListener('pointerdown', bump);
    return () => {
      document.removeEventListener('pointerdown', bump);
    };
  }, []);

  // Left alone, the kiosk goes back home in Vietnamese for the next citizen (never while a ticket prints).
  const idleS = view?.idleResetS ?? 30;
  useEffect(() => {
    if (page.k === 'issuing' || (page.k === 'home' && lang === 'vi')) return undefined;
    const timer = setTimeout(() => {
      setPage({ k: 'home' });
      setLang('vi');
    }, idleS * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [page, activity, idleS, lang, setLang]);

  // The first home page with its handlers attached: what `motcua bench kiosk` reports as first_screen_ms.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || view === undefined || page.k !== 'home') return;
    marked.current = true;
    performance.mark('motcua:home-interactive');
  }, [view, page]);

  // A printer found ready again (newer view) ends the stopped page.
  useEffect(() => {
    if (
      page.k === 'stopped' &&
      view !== undefined &&
      view !== page.since &&
      !printerStops(view.printer.state)
    )
      setPage({ k: 'home' });
  }, [page, view]);

  const take = async (area: AreaView, priority: string | null): Promise<void> => {
    if (locked.current) return;
    locked.current = true;
    const started = Date.now();
    setPage({ k: 'issuing', area });
    try {
      const r = await props.client.call('take', { area: area.id, priority });
      if (r.ok) setPage({ k: 'result', area, ticket: r.value });
      else if (r.reason.startsWith('printer-'))
        setPage({
          k: 'stopped',
          state: r.reason.slice('printer-'.length) as PrinterStateName,
          since: latestView.current,
        });
      else setPage({ k: 'failed', key: failureKey(r.reason) });
    } finally {
      setTimeout(
        () => {
          locked.current = false;
        },
        Math.max(0, TAKE_LOCK_MS - (Date.now() - started)),
      );
    }
  };
  const pick = (area: AreaView): void => {
    if (view !== undefined && view.priorities.length > 0) setPage({ k: 'priority', area });
    else void take(area, null);
  };
  // "Xong" / "Quay lại" is a deliberate tap on another page: the next citizen need not wait out the lock.
  const home = (): void => {
    locked.current = false;
    setPage({ k: 'home' });
  };

  const printerState = view?.printer.state ?? 'unknown';
  const stopped: PrinterStateName | null =
    page.k === 'stopped'
      ? page.state
      : (page.k === 'home' || page.k === 'priority') && printerStops(printerState)
        ? printerState
        : null;
  const offline = view !== undefined && (!view.hubOnline || conn.hub?.hub === 'offline');

  let body;
  if (view === undefined) body = null;
  else if (stopped !== null) body = <PrinterStoppedPage state={stopped} />;
  else if (page.k === 'home') body = <HomePage view={view} onPick={pick} />;
  else if (page.k === 'priority')
    body = (
      <PriorityPage
        area={page.area}
        priorities={view.priorities}
        onTake={(p) => void take(page.area, p)}
        onBack={home}
      />
    );
  else if (page.k === 'issuing') body = <IssuingPage area={page.area} />;
  else if (page.k === 'result')
    body = <ResultPage ticket={page.ticket} area={page.area} priorities={view.priorities} onDone={home} />;
  else
    body = (
      <section class="k-failed" role="alert" data-testid="failed">
        <p class="k-lead">{t(page.k === 'failed' ? page.key : 'failed')}</p>
        <div class="k-actions">
          <button type="button" class="mc-button mc-button--primary" onClick={home}>
            {t('back')}
          </button>
        </div>
      </section>
    );
  return (
    <AppFrame title={t('title')} connection={conn}>
      {body}
      <OfflineIndicator offline={offline} />
    </AppFrame>
  );
}
