import { useLang, useT } from '@motcua/shared/ui';
import type { LookupView } from '../../runtime/lookup-api.js';
import { lookupMessages } from './lookup-messages.js';

/** Waiting and estimated wait per area, live from the runtime's view. */
export function QueuePage(props: { view: LookupView | undefined }) {
  const t = useT(lookupMessages);
  const { lang } = useLang();
  const v = props.view;
  if (v === undefined) return null;
  return (
    <section class="lk-queue">
      <h2>{t('queueTitle')}</h2>
      {!v.issuing && <p class="lk-warn">{t('notIssuing')}</p>}
      <ul class="lk-queue__list" data-testid="queue">
        {v.areas.map((a) => (
          <li key={a.id} class="lk-queue__row" data-testid={`queue-${a.id}`}>
            <span class="lk-queue__name">{lang === 'en' && a.nameEn !== null ? a.nameEn : a.name}</span>
            <span class="lk-queue__n" data-testid="waiting">
              {t('waiting', { n: a.waiting })}
            </span>
            <span class="lk-queue__wait">
              {a.estimatedWaitMinutes === null ? t('waitUnknown') : t('wait', { n: a.estimatedWaitMinutes })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
