/**
 * The logged-in panel: the counter's state and its actions, the current ticket (with a transfer's note), the
 * queue of each area it serves (a waiting number can be called out of order by tapping it), tickets transferred
 * here, tickets on hold, and the day's figures. Every action also has a keyboard shortcut (listed at the bottom).
 */
import { useLang, useT } from '@motcua/shared/ui';
import type { ComponentChildren } from 'preact';
import type { PanelTicket, PanelView } from './api.js';
import { panelMessages } from './messages.js';
import { SHORTCUTS, type ShortcutAction } from './reasons.js';

export interface DeskActions {
  readonly run: (action: ShortcutAction) => void;
  readonly open: () => void;
  readonly pause: () => void;
  readonly close: () => void;
  readonly callTicket: (t: PanelTicket) => void;
  readonly returnHeld: (t: PanelTicket) => void;
}

function ActionButton(props: {
  action: ShortcutAction;
  primary?: boolean;
  disabled: boolean;
  onRun: (a: ShortcutAction) => void;
  children: ComponentChildren;
}) {
  const key = SHORTCUTS.find(([, a]) => a === props.action)?.[0];
  return (
    <button
      type="button"
      class={`mc-button p-action${props.primary === true ? ' mc-button--primary' : ''}`}
      data-testid={`action-${props.action}`}
      aria-keyshortcuts={key}
      disabled={props.disabled}
      onClick={() => {
        props.onRun(props.action);
      }}
    >
      <span class="p-action__label">{props.children}</span>
      {key === undefined ? null : <kbd class="p-kbd">{key}</kbd>}
    </button>
  );
}

export function DeskPage(props: {
  view: PanelView;
  recallInS: number;
  actions: DeskActions;
  form: ComponentChildren | null;
}) {
  const t = useT(panelMessages);
  const { lang } = useLang();
  const v = props.view;
  const a = props.actions;
  const cur = v.current;
  const open = v.status === 'open';
  const ticketButton = (x: PanelTicket) => (
    <li key={x.ticketId}>
      <button
        type="button"
        class="mc-button p-ticket"
        data-testid={`waiting-${x.display}`}
        disabled={!open}
        onClick={() => {
          a.callTicket(x);
        }}
      >
        {x.display}
      </button>
    </li>
  );
  return (
    <div class="p-desk">
      <div class="p-work">
        <section class="p-current" aria-labelledby="p-current-title" data-testid="current">
          <h2 id="p-current-title" class="p-label">
            {t('current')}
          </h2>
          {cur === null ? (
            <p class="p-current__none">{t('noCurrent')}</p>
          ) : (
            <>
              <p class="p-current__number" data-testid="current-number">
                {cur.display}
              </p>
              <p class="p-current__state">
                {cur.status === 'serving' ? t('serving') : t('called')} ·{' '}
                {t('calledTimes', { n: cur.callCount })}
              </p>
              {cur.transferNote === null ? null : (
                <p class="p-note" data-testid="current-note">
                  {t('transferredFrom', { n: cur.fromCounter ?? '?', note: cur.transferNote })}
                </p>
              )}
            </>
          )}
        </section>
        {props.form ?? (
          <div class="p-actions" role="group" aria-label={t('shortcutsTitle')}>
            <ActionButton action="next" primary disabled={!open} onRun={a.run}>
              {t('next')}
            </ActionButton>
            <ActionButton
              action="recall"
              disabled={cur?.status !== 'called' || props.recallInS > 0}
              onRun={a.run}
            >
              <span data-testid="recall-label">
                {props.recallInS > 0 && cur?.status === 'called'
                  ? t('recallIn', { s: props.recallInS })
                  : t('recall')}
              </span>
            </ActionButton>
            <ActionButton action="start" disabled={cur?.status !== 'called'} onRun={a.run}>
              {t('start')}
            </ActionButton>
            <ActionButton action="finish" disabled={cur === null} onRun={a.run}>
              {t('finish')}
            </ActionButton>
            <ActionButton action="noShow" disabled={cur?.status !== 'called'} onRun={a.run}>
              {t('noShow')}
            </ActionButton>
            <ActionButton action="transfer" disabled={cur === null} onRun={a.run}>
              {t('transfer')}
            </ActionButton>
            <ActionButton action="hold" disabled={cur === null} onRun={a.run}>
              {t('hold')}
            </ActionButton>
            <ActionButton action="callNumber" disabled={!open} onRun={a.run}>
              {t('callNumber')}
            </ActionButton>
          </div>
        )}
        <div class="p-status-row">
          <p class="p-status" data-testid="counter-status">
            {v.status === 'open'
              ? t('statusOpen')
              : v.status === 'paused'
                ? t('statusPaused', { reason: v.pauseReason ?? '' })
                : t('statusClosed')}
          </p>
          <div class="p-row">
            {v.status === 'open' ? null : (
              <button type="button" class="mc-button" data-testid="open" onClick={a.open}>
                {t('open')}
              </button>
            )}
            {v.status === 'open' ? (
              <button type="button" class="mc-button" data-testid="pause" onClick={a.pause}>
                {t('pause')}
              </button>
            ) : null}
            {v.status === 'closed' ? null : (
              <button type="button" class="mc-button" data-testid="close" onClick={a.close}>
                {t('close')}
              </button>
            )}
          </div>
        </div>
      </div>
      <aside class="p-side">
        <section aria-labelledby="p-waiting-title">
          <h2 id="p-waiting-title" class="p-label">
            {t('waitingTitle')}
          </h2>
          {v.waiting.map((w) => (
            <div key={w.areaId} class="p-area" data-testid={`area-${w.areaId}`}>
              <h3 class="p-area__name">
                {lang === 'en' && w.nameEn !== null ? w.nameEn : w.name}:{' '}
                <span data-testid={`waiting-count-${w.areaId}`}>{t('waitingCount', { n: w.count })}</span>
              </h3>
              {w.next.length === 0 ? null : <ul class="p-tickets">{w.next.map(ticketButton)}</ul>}
            </div>
          ))}
        </section>
        {v.directed.length === 0 ? null : (
          <section aria-labelledby="p-directed-title" data-testid="directed">
            <h2 id="p-directed-title" class="p-label">
              {t('directedTitle')}
            </h2>
            {v.directed.map((x) => (
              <div key={x.ticketId} class="p-directed">
                <ul class="p-tickets">{ticketButton(x)}</ul>
                {x.transferNote === null ? null : (
                  <p class="p-note" data-testid={`note-${x.display}`}>
                    {t('transferredFrom', { n: x.fromCounter ?? '?', note: x.transferNote })}
                  </p>
                )}
              </div>
            ))}
          </section>
        )}
        {v.held.length === 0 ? null : (
          <section aria-labelledby="p-held-title" data-testid="held">
            <h2 id="p-held-title" class="p-label">
              {t('held')}
            </h2>
            <ul class="p-tickets">
              {v.held.map((x) => (
                <li key={x.ticketId}>
                  <button
                    type="button"
                    class="mc-button p-ticket"
                    data-testid={`return-${x.display}`}
                    disabled={cur !== null}
                    onClick={() => {
                      a.returnHeld(x);
                    }}
                  >
                    {t('return', { n: x.display })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="p-figures-title" class="p-figures" data-testid="figures">
          <h2 id="p-figures-title" class="p-label">
            {t('figuresTitle')}
          </h2>
          <dl>
            <div>
              <dt>{t('served')}</dt>
              <dd data-testid="fig-served">{v.figures.served}</dd>
            </div>
            <div>
              <dt>{t('noShows')}</dt>
              <dd data-testid="fig-no-show">{v.figures.noShow}</dd>
            </div>
            <div>
              <dt>{t('meanService')}</dt>
              <dd data-testid="fig-service">
                {v.figures.serviceMeanMin === null
                  ? '—'
                  : t('minutes', { m: v.figures.serviceMeanMin.toFixed(1) })}
              </dd>
            </div>
          </dl>
        </section>
      </aside>
      <footer class="p-shortcuts" aria-label={t('shortcutsTitle')}>
        {SHORTCUTS.map(([k, action]) => (
          <span key={k} class="p-shortcut">
            <kbd class="p-kbd">{k}</kbd> {t(action)}
          </span>
        ))}
        <span class="p-shortcut">
          <kbd class="p-kbd">Esc</kbd> {t('cancel')}
        </span>
      </footer>
    </div>
  );
}
