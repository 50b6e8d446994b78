import { useLang, useT } from '@motcua/shared/ui';
import type { AreaView } from '../api.js';
import { kioskMessages } from '../messages.js';
import { nameIn } from './text.js';

/** While the number is issued and printed: no button on screen, so a second tap has nothing to hit. */
export function IssuingPage(props: { area: AreaView }) {
  const t = useT(kioskMessages);
  const { lang } = useLang();
  return (
    <section class="k-issuing" role="status" aria-live="polite" data-testid="issuing">
      <p class="k-issuing__title">{t('issuing')}</p>
      <p class="k-issuing__text">{t('issuingArea', { area: nameIn(lang, props.area) })}</p>
    </section>
  );
}
