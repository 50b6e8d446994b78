import { useLang, useT } from '@motcua/shared/ui';
import type { AreaView, KioskScreenView } from '../api.js';
import { kioskMessages } from '../messages.js';
import { closedNote, nameIn } from './text.js';

/**
 * Home: the areas grouped by department, each one tap. An area that cannot issue says why on its own button
 * and is disabled, so nobody taps to find out.
 */
export function HomePage(props: { view: KioskScreenView; onPick: (area: AreaView) => void }) {
  const t = useT(kioskMessages);
  const { lang } = useLang();
  return (
    <section class="k-home" aria-labelledby="k-choose">
      <h2 id="k-choose" class="k-lead">
        {t('chooseArea')}
      </h2>
      {props.view.departments.map((d) => (
        <section key={d.id} class="k-dept" aria-label={nameIn(lang, d)}>
          <h3 class="k-dept__name">{nameIn(lang, d)}</h3>
          <div class="k-areas">
            {props.view.areas
              .filter((a) => a.departmentId === d.id)
              .map((a) => {
                const closed = closedNote(a);
                return (
                  <button
                    key={a.id}
                    type="button"
                    class="k-area"
                    data-testid={`area-${a.id}`}
                    disabled={closed !== undefined}
                    onClick={() => {
                      props.onPick(a);
                    }}
                  >
                    <span class="k-area__name">{nameIn(lang, a)}</span>
                    {closed === undefined ? (
                      <>
                        <span class="k-area__info">
                          {t('waiting', { n: a.waiting })} ·{' '}
                          {a.estimatedWaitMinutes === null
                            ? t('waitUnknown')
                            : t('waitEstimate', { m: a.estimatedWaitMinutes })}
                        </span>
                        {a.closingSoonAt !== null && (
                          <span class="k-area__note">{t('closingSoon', { time: a.closingSoonAt })}</span>
                        )}
                      </>
                    ) : (
                      <span class="k-area__note">{t(closed.key, { time: closed.time ?? '' })}</span>
                    )}
                  </button>
                );
              })}
          </div>
        </section>
      ))}
    </section>
  );
}
