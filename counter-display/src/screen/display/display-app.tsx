/**
 * The citizen-facing counter display and its rating pad (role 'display' or 'rating'). The display shows the
 * number served at the counter and its officer; on the rating pad, a ticket finished here turns the screen into
 * the rating pages: the scale → (a low level) reasons, comment → send → thank-you → back to the display after
 * `thanksS`; left untouched for `idleS`, the pad stops asking and goes back too.
 *
 * One rating per ticket: a lock taken on the first tap refuses any second tap until the answer is in (and the
 * queue rules refuse a second rating anyway).
 */
import { ConnectionBanner, LanguageToggle, useConnection, useLang, useT, useView } from '@motcua/shared/ui';
import { WedgeDetector } from '@motcua/shared/ui/wedge';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScreenClient } from '@motcua/shared/ui';
import { narrowClient, type AnyScreenClient } from '../client.js';
import type { DisplayOrRatingView, RatingScreenCommands, RatingScreenView } from './api.js';
import { DisplayPage } from './display-page.js';
import { displayMessages, type DisplayKey } from './messages.js';
import { RatePage, ReasonsPage, ThanksPage, TypingPage } from './rating-pages.js';
import './display.css';

type Page =
  | { readonly k: 'display' }
  | { readonly k: 'rate' }
  | { readonly k: 'reasons' }
  | { readonly k: 'typing'; readonly kind: 'comment' | 'dossier'; readonly from: 'rate' | 'reasons' }
  | { readonly k: 'thanks'; readonly offline: boolean }
  | { readonly k: 'failed'; readonly key: DisplayKey };

interface Draft {
  readonly ticketId: string;
  readonly display: string;
  readonly level: number | null;
  readonly reasons: ReadonlySet<string>;
  readonly comment: string;
  readonly dossierCode: string;
}

const DOSSIER_MAX = 60;

type DisplayClient = ScreenClient<DisplayOrRatingView, RatingScreenCommands>;

export function DisplayApp(props: { client: AnyScreenClient }) {
  const client: DisplayClient = narrowClient(props.client);
  const t = useT(displayMessages);
  const { setLang } = useLang();
  const view = useView(client);
  const conn = useConnection(client);
  const rating: RatingScreenView | undefined = view?.role === 'rating' ? view : undefined;
  const [page, setPage] = useState<Page>({ k: 'display' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [sending, setSending] = useState(false);
  const [activity, setActivity] = useState(0);
  const locked = useRef(false);
  /** Tickets this screen has asked about already: a view repeating one never asks twice. */
  const asked = useRef(new Set<string>());

  // A newly finished ticket turns the pad into the rating screen (never in the middle of another rating).
  const toRate = rating?.toRate ?? null;
  useEffect(() => {
    if (toRate === null || asked.current.has(toRate.ticketId)) return;
    if (page.k !== 'display' && page.k !== 'thanks') return;
    asked.current.add(toRate.ticketId);
    locked.current = false;
    setDraft({ ...toRate, level: null, reasons: new Set(), comment: '', dossierCode: '' });
    setPage({ k: 'rate' });
  }, [toRate, page.k]);

  // Every touch restarts the idle countdown.
  useEffect(() => {
    const bump = (): void => {
      setActivity((n) => n + 1);
    };
    document.addEventListener('pointerdown', bump);
    return () => {
      document.removeEventListener('pointerdown', bump);
    };
  }, []);

  // The next citizen starts in Vietnamese.
  const home = (): void => {
    setPage({ k: 'display' });
    setDraft(null);
    setLang('vi');
  };

  // Back to the display: after the thank-you, or when the citizen left without rating.
  const thanksS = rating?.thanksS ?? 6;
  const idleS = rating?.idleS ?? 90;
  useEffect(() => {
    if (page.k === 'display') return undefined;
    const ms = page.k === 'thanks' || page.k === 'failed' ? thanksS * 1000 : idleS * 1000;
    const timer = setTimeout(() => {
      if (page.k !== 'thanks' && draft !== null)
        void client.call('dismiss', { ticketId: draft.ticketId }).catch(() => undefined);
      home();
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [page, activity, thanksS, idleS, draft, client]);

  // A keyboard-wedge scanner types the dossier code: caught on every rating page, never typed into anything.
  const rateOpen = page.k === 'rate' || page.k === 'reasons' || page.k === 'typing';
  const askDossier = rating?.askDossierCode ?? false;
  useEffect(() => {
    if (!rateOpen || !askDossier) return undefined;
    const wedge = new WedgeDetector();
    const onKey = (e: KeyboardEvent): void => {
      const r = wedge.feed(e.key, e.timeStamp);
      if (r.kind === 'typing') return;
      e.preventDefault();
      if (r.kind === 'scan') {
        const code = r.text.slice(0, DOSSIER_MAX);
        setDraft((d) => (d === null ? d : { ...d, dossierCode: code }));
        setActivity((n) => n + 1);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
    };
  }, [rateOpen, askDossier]);

  const send = async (d: Draft, level: number): Promise<void> => {
    if (locked.current) return;
    locked.current = true;
    setSending(true);
    try {
      const r = await client.call('rate', {
        level,
        ticketId: d.ticketId,
        reasons: [...d.reasons],
        dossierCode: d.dossierCode === '' ? null : d.dossierCode,
        comment: d.comment === '' ? null : d.comment,
      });
      if (r.ok) setPage({ k: 'thanks', offline: r.value.mode === 'offline' });
      else if (r.reason === 'already-rated') setPage({ k: 'failed', key: 'failedRated' });
      else {
        // Not recorded: the citizen may try again.
        locked.current = false;
        setPage({ k: 'failed', key: 'failed' });
      }
    } catch {
      locked.current = false;
      setPage({ k: 'failed', key: 'failed' });
    } finally {
      setSending(false);
    }
  };

  const pickLevel = (level: number): void => {
    if (draft === null || locked.current || rating === undefined) return;
    const next = { ...draft, level };
    setDraft(next);
    if (level <= rating.reasonsAtOrBelow && rating.reasons.length > 0) setPage({ k: 'reasons' });
    else void send(next, level);
  };

  let body;
  if (view === undefined) body = null;
  else if (rating === undefined || draft === null || page.k === 'display') body = <DisplayPage view={view} />;
  else if (page.k === 'rate')
    body = (
      <RatePage
        view={rating}
        ticket={draft.display}
        dossierCode={draft.dossierCode}
        onLevel={pickLevel}
        onDossier={() => {
          setPage({ k: 'typing', kind: 'dossier', from: 'rate' });
        }}
        onSkip={() => {
          void client.call('dismiss', { ticketId: draft.ticketId }).catch(() => undefined);
          home();
        }}
      />
    );
  else if (page.k === 'reasons')
    body = (
      <ReasonsPage
        view={rating}
        level={draft.level ?? 0}
        chosen={draft.reasons}
        comment={draft.comment}
        dossierCode={draft.dossierCode}
        sending={sending}
        onToggle={(id) => {
          const next = new Set(draft.reasons);
          if (!next.delete(id)) next.add(id);
          setDraft({ ...draft, reasons: next });
        }}
        onComment={() => {
          setPage({ k: 'typing', kind: 'comment', from: 'reasons' });
        }}
        onDossier={() => {
          setPage({ k: 'typing', kind: 'dossier', from: 'reasons' });
        }}
        onSend={() => void send(draft, draft.level ?? 0)}
        onBack={() => {
          setPage({ k: 'rate' });
        }}
      />
    );
  else if (page.k === 'typing') {
    const from = page.from;
    body = (
      <TypingPage
        kind={page.kind}
        value={page.kind === 'comment' ? draft.comment : draft.dossierCode}
        max={page.kind === 'comment' ? rating.commentMax : DOSSIER_MAX}
        onInput={(v) => {
          setDraft(page.kind === 'comment' ? { ...draft, comment: v } : { ...draft, dossierCode: v });
        }}
        onDone={() => {
          setPage({ k: from });
        }}
      />
    );
  } else if (page.k === 'thanks') body = <ThanksPage offline={page.offline} />;
  else
    body = (
      <section class="d-thanks" role="alert" data-testid="failed">
        <p class="d-thanks__detail">{t(page.key)}</p>
        {page.key === 'failed' && (
          <button
            type="button"
            class="mc-button mc-button--primary"
            onClick={() => {
              setPage({ k: 'rate' });
            }}
          >
            {t('back')}
          </button>
        )}
      </section>
    );

  const role = view?.role ?? 'display';
  const offline = view !== undefined && (!view.hubOnline || conn.hub?.hub === 'offline');
  return (
    <div class={`mc-frame d-frame d-frame--${role}`}>
      <header class="mc-header d-header">
        <h1 class="mc-title d-title" data-testid="counter-title">
          {view === undefined ? '' : t('title', { n: view.number })}
          {view?.name != null && <span class="d-title__name"> · {view.name}</span>}
        </h1>
        {role === 'rating' && page.k !== 'display' && <LanguageToggle />}
      </header>
      <ConnectionBanner link={conn.link} />
      <main
        class={`mc-main d-main d-main--${page.k}`}
        data-role={role}
        data-page={rating === undefined ? 'display' : page.k}
        aria-busy={conn.link !== 'open'}
      >
        {body}
        {offline && rating !== undefined && page.k !== 'display' && (
          <p class="d-offline" role="status" data-testid="offline">
            {t('offline')}
          </p>
        )}
      </main>
    </div>
  );
}
