import { Keyboard, useLang, useT } from '@motcua/shared/ui';
import type { Lang } from '@motcua/shared/ui/i18n';
import type { Labelled, RatingScreenView } from './api.js';
import { Face } from './faces.js';
import { displayMessages } from './messages.js';

export const labelIn = (lang: Lang, l: Labelled): string => (lang === 'en' ? l.labelEn : l.label);

/** The dossier code row on the rating pages: what was typed or scanned, and a button to type it. */
function DossierRow(props: { code: string; onEdit: () => void }) {
  const t = useT(displayMessages);
  return (
    <div class="d-extra">
      <p class="d-extra__text">
        {t('dossier')}:{' '}
        <span class="d-extra__value" data-testid="dossier-code">
          {props.code === '' ? t('dossierNone') : props.code}
        </span>
      </p>
      <button type="button" class="mc-button" data-testid="dossier-edit" onClick={props.onEdit}>
        {props.code === '' ? t('dossierAdd') : t('dossierEdit')}
      </button>
    </div>
  );
}

/** The scale: one large face per level, each with its label (best first, as configured). */
export function RatePage(props: {
  view: RatingScreenView;
  ticket: string;
  dossierCode: string;
  onLevel: (level: number) => void;
  onDossier: () => void;
  onSkip: () => void;
}) {
  const t = useT(displayMessages);
  const { lang } = useLang();
  const levels = props.view.levels;
  return (
    <section class="d-rate" aria-labelledby="d-rate-q">
      <p class="d-rate__ticket">{t('rateTicket', { number: props.ticket })}</p>
      <h2 id="d-rate-q" class="d-rate__question">
        {t('rateQuestion')}
      </h2>
      <div class={`d-levels d-levels--${levels.length}`} role="group" aria-labelledby="d-rate-q">
        {levels.map((l, i) => (
          <button
            key={l.value}
            type="button"
            class="mc-button d-level"
            data-testid={`level-${l.value}`}
            onClick={() => {
              props.onLevel(l.value);
            }}
          >
            <Face index={i} count={levels.length} />
            <span class="d-level__label">{labelIn(lang, l)}</span>
          </button>
        ))}
      </div>
      <div class="d-rate__foot">
        {props.view.askDossierCode ? (
          <DossierRow code={props.dossierCode} onEdit={props.onDossier} />
        ) : (
          <span />
        )}
        <button type="button" class="mc-button" data-testid="skip" onClick={props.onSkip}>
          {t('skip')}
        </button>
      </div>
    </section>
  );
}

/** A low level: the structured reasons (several may be chosen), an optional comment, then send. */
export function ReasonsPage(props: {
  view: RatingScreenView;
  level: number;
  chosen: ReadonlySet<string>;
  comment: string;
  dossierCode: string;
  sending: boolean;
  onToggle: (id: string) => void;
  onComment: () => void;
  onDossier: () => void;
  onSend: () => void;
  onBack: () => void;
}) {
  const t = useT(displayMessages);
  const { lang } = useLang();
  const levels = props.view.levels;
  const index = levels.findIndex((l) => l.value === props.level);
  const level = levels[index];
  return (
    <section class="d-reasons" aria-labelledby="d-reasons-q">
      <div class="d-reasons__head">
        {level !== undefined && (
          <p class="d-reasons__level" data-testid="chosen-level">
            <Face index={index} count={levels.length} />
            {labelIn(lang, level)}
          </p>
        )}
        <div>
          <h2 id="d-reasons-q" class="d-reasons__question">
            {t('reasonsTitle')}
          </h2>
          <p class="d-hint">{t('reasonsHint')}</p>
        </div>
      </div>
      <div class="d-reason-list" role="group" aria-labelledby="d-reasons-q">
        {props.view.reasons.map((r) => (
          <button
            key={r.id}
            type="button"
            class="mc-button d-reason"
            aria-pressed={props.chosen.has(r.id)}
            data-testid={`reason-${r.id}`}
            onClick={() => {
              props.onToggle(r.id);
            }}
          >
            {/* A tick as well as the dark fill: the choice is not shown by colour alone. */}
            {props.chosen.has(r.id) ? `✓ ${labelIn(lang, r)}` : labelIn(lang, r)}
          </button>
        ))}
      </div>
      <div class="d-extra">
        <p class="d-extra__text">
          {t('comment')}:{' '}
          <span class="d-extra__value d-extra__value--comment" data-testid="comment-text">
            {props.comment === '' ? t('dossierNone') : props.comment}
          </span>
        </p>
        <button type="button" class="mc-button" data-testid="comment-edit" onClick={props.onComment}>
          {props.comment === '' ? t('commentAdd') : t('commentEdit')}
        </button>
      </div>
      {props.view.askDossierCode && <DossierRow code={props.dossierCode} onEdit={props.onDossier} />}
      <div class="d-actions">
        <button type="button" class="mc-button" data-testid="back" onClick={props.onBack}>
          {t('back')}
        </button>
        <button
          type="button"
          class="mc-button mc-button--primary"
          data-testid="send"
          aria-busy={props.sending}
          onClick={props.onSend}
        >
          {props.sending ? t('sending') : t('send')}
        </button>
      </div>
    </section>
  );
}

/** The end of a long text, where the citizen is typing (the field is one line). */
function tail(v: string): string {
  const letters = Array.from(v);
  return letters.length <= 60 ? v : `…${letters.slice(-60).join('')}`;
}

/** Typing on the on-screen keyboard: the comment (Vietnamese text) or the dossier code. */
export function TypingPage(props: {
  kind: 'comment' | 'dossier';
  value: string;
  max: number;
  onInput: (v: string) => void;
  onDone: () => void;
}) {
  const t = useT(displayMessages);
  const comment = props.kind === 'comment';
  return (
    <section class="d-typing" aria-labelledby="d-typing-title">
      <div class="d-typing__head">
        <div class="d-typing__field">
          <h2 id="d-typing-title" class="d-typing__title">
            {comment ? t('commentTitle') : t('dossierTitle')}
          </h2>
          <p class="d-hint" data-testid={comment ? 'privacy' : 'dossier-hint'}>
            {comment ? t('commentPrivacy') : t('dossierHint')}
          </p>
          <output class="d-typed" aria-labelledby="d-typing-title" aria-live="polite" data-testid="typed">
            {tail(props.value)}
          </output>
          {comment && (
            <p class="d-hint">{t('commentCount', { n: Array.from(props.value).length, max: props.max })}</p>
          )}
        </div>
        <button
          type="button"
          class="mc-button mc-button--primary"
          data-testid="typing-done"
          onClick={props.onDone}
        >
          {t('done')}
        </button>
      </div>
      <Keyboard
        value={props.value}
        onInput={props.onInput}
        mode={comment ? 'text' : 'search'}
        maxLength={props.max}
        {...(comment ? {} : { extraKeys: '.-/' })}
      />
    </section>
  );
}

export function ThanksPage(props: { offline: boolean }) {
  const t = useT(displayMessages);
  return (
    <section class="d-thanks" role="status" data-testid="thanks">
      <p class="d-thanks__title">{t('thanks')}</p>
      <p class="d-thanks__detail">{t('thanksDetail')}</p>
      {props.offline && (
        <p class="d-thanks__detail" data-testid="thanks-offline">
          {t('thanksOffline')}
        </p>
      )}
    </section>
  );
}
