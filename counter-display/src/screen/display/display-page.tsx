import { useT } from '@motcua/shared/ui';
import type { DisplayFields } from './api.js';
import { displayMessages } from './messages.js';
import { OfficerCard } from './officer.js';

/**
 * The counter display: the number served here, very large, the officer, and the counter's state. Shown on the
 * display above the counter, and on the rating pad between ratings. No touch target: nothing to press.
 */
export function DisplayPage(props: { view: DisplayFields }) {
  const t = useT(displayMessages);
  const v = props.view;
  const serving = v.status === 'open' && v.current !== null ? v.current : null;
  let state: string | null = null;
  if (v.status === 'closed') state = t('closed');
  else if (v.status === 'paused')
    state = v.pauseReason === null ? t('paused') : t('pausedReason', { reason: v.pauseReason });
  return (
    <div class="d-display">
      <section class="d-now" aria-live="polite" data-testid="now">
        {serving !== null ? (
          <>
            <p class="d-now__label">{t('nowServing')}</p>
            <p
              class={serving.display.length > 5 ? 'd-now__number d-now__number--long' : 'd-now__number'}
              data-testid="current-number"
            >
              {serving.display}
            </p>
          </>
        ) : state !== null ? (
          <p class={`d-state d-state--${v.status}`} role="status" data-testid="counter-state">
            {state}
          </p>
        ) : (
          <p class="d-now__idle" data-testid="counter-state">
            {t('noneServing')}
          </p>
        )}
      </section>
      {v.officer !== null && v.status !== 'closed' && (
        <OfficerCard officer={v.officer} label={t('officer')} />
      )}
    </div>
  );
}
