import { BigButton, Keyboard, useLang, useT } from '@motcua/shared/ui';
import type { Catalogue } from '../../../../shared/src/catalogue/schema.js';
import type { DossierLookup } from '../../../../shared/src/catalogue/dossier.js';
import { lookupMessages, vnDate } from './lookup-messages.js';

export interface DossierState {
  readonly code: string;
  readonly answer:
    | null
    | { kind: 'busy' }
    | { kind: 'failed' }
    | { kind: 'scan-unknown' }
    | { kind: 'result'; value: DossierLookup };
}

/** Dossier status by code (typed or scanned): status and dates only, never personal data. */
export function DossierPage(props: {
  state: DossierState;
  catalogue: Catalogue | null;
  onInput: (code: string) => void;
  onLookUp: () => Promise<void>;
}) {
  const t = useT(lookupMessages);
  const { lang } = useLang();
  const a = props.state.answer;
  const type = (s: string): void => {
    props.onInput(props.state.code + s);
  };
  let answer = null;
  if (a?.kind === 'failed') answer = <p class="lk-warn">{t('tryAgain')}</p>;
  else if (a?.kind === 'scan-unknown') answer = <p class="lk-warn">{t('scanUnknown')}</p>;
  else if (a?.kind === 'result') {
    const v = a.value;
    if (v.kind === 'found') {
      const name = props.catalogue?.procedures.find((p) => p.id === v.procedureId)?.name;
      answer = (
        <dl class="lk-facts" data-testid="dossier-found">
          <dt>{t('dossierLabel')}</dt>
          <dd>{v.code}</dd>
          {name !== undefined && (
            <>
              <dt>{t('procedure')}</dt>
              <dd>{name}</dd>
            </>
          )}
          <dt>{t('status')}</dt>
          <dd class="lk-status" data-testid="dossier-status">
            {v.statusLabel[lang]}
          </dd>
          <dt>{t('received')}</dt>
          <dd>{vnDate(v.receivedDate)}</dd>
          <dt>{t('due')}</dt>
          <dd data-testid="dossier-due">{vnDate(v.dueDate)}</dd>
          {v.overdue && <dd class="lk-warn">{t('overdue')}</dd>}
        </dl>
      );
    } else answer = <p class="lk-warn">{lang === 'vi' ? v.message : v.messageEn}</p>;
  }
  return (
    <div class="lk-search">
      <div class="lk-search__input">
        <div class="mc-field">
          <label for="lk-code">{t('dossierLabel')}</label>
          <input id="lk-code" class="mc-input" readOnly value={props.state.code} data-testid="code" />
        </div>
        <Keyboard mode="search" value={props.state.code} onInput={props.onInput} maxLength={40} />
        <div class="mc-keyboard__row">
          {['.', '-'].map((s) => (
            <button key={s} type="button" class="mc-key" onClick={() => type(s)}>
              {s}
            </button>
          ))}
          <BigButton testId="lookup" onPress={props.onLookUp}>
            {t('lookUp')}
          </BigButton>
        </div>
      </div>
      <div class="lk-results" aria-live="polite" data-testid="dossier-answer">
        {answer ?? <p class="lk-note">{t('dossierHint')}</p>}
      </div>
    </div>
  );
}
