import { BigButton, useLang, useT } from '@motcua/shared/ui';
import type { AreaView, Named } from '../api.js';
import { kioskMessages } from '../messages.js';
import { nameIn } from './text.js';

/** The one extra step when the centre has priority categories: a regular number first, then each category. */
export function PriorityPage(props: {
  area: AreaView;
  priorities: readonly Named[];
  onTake: (priority: string | null) => void;
  onBack: () => void;
}) {
  const t = useT(kioskMessages);
  const { lang } = useLang();
  return (
    <section class="k-priority" aria-labelledby="k-priority-title">
      <p class="k-context">{nameIn(lang, props.area)}</p>
      <h2 id="k-priority-title" class="k-lead">
        {t('priorityTitle')}
      </h2>
      <div class="k-choices">
        <button
          type="button"
          class="k-choice k-choice--main"
          data-testid="priority-none"
          onClick={() => {
            props.onTake(null);
          }}
        >
          {t('priorityNone')}
        </button>
        {props.priorities.map((p) => (
          <button
            key={p.id}
            type="button"
            class="k-choice"
            data-testid={`priority-${p.id}`}
            onClick={() => {
              props.onTake(p.id);
            }}
          >
            {nameIn(lang, p)}
          </button>
        ))}
      </div>
      <div class="k-actions">
        <BigButton variant="secondary" testId="back" onPress={props.onBack}>
          {t('back')}
        </BigButton>
      </div>
    </section>
  );
}
