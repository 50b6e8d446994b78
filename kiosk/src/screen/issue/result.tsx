import { BigButton, useLang, useT } from '@motcua/shared/ui';
import type { AreaView, Named, TicketView } from '../api.js';
import { kioskMessages } from '../messages.js';
import { nameIn } from './text.js';

/** The ticket, as printed: the number very large, then what the citizen does next. */
export function ResultPage(props: {
  ticket: TicketView;
  area: AreaView;
  priorities: readonly Named[];
  onDone: () => void;
}) {
  const t = useT(kioskMessages);
  const { lang } = useLang();
  const { ticket } = props;
  const priority = props.priorities.find((p) => p.id === ticket.priority);
  return (
    <section class="k-result" aria-labelledby="k-your-number">
      <p id="k-your-number" class="k-result__label">
        {t('yourNumber')} · {nameIn(lang, props.area)}
      </p>
      <p class="k-result__number" data-testid="ticket-number">
        {ticket.display}
      </p>
      {priority !== undefined && (
        <p class="k-result__priority">{t('priorityLabel', { name: nameIn(lang, priority) })}</p>
      )}
      <ul class="k-result__facts">
        <li data-testid="people-ahead">
          {ticket.peopleAhead === 0 ? t('peopleAheadNone') : t('peopleAhead', { n: ticket.peopleAhead })}
        </li>
        {ticket.estimatedWaitMinutes !== null && (
          <li>{t('estimatedWait', { m: ticket.estimatedWaitMinutes })}</li>
        )}
        {props.area.counters.length > 0 && (
          <li data-testid="counters">{t('watchCounters', { counters: props.area.counters.join(', ') })}</li>
        )}
      </ul>
      <p class="k-result__take">{t('takeTicket')}</p>
      <div class="k-actions">
        <BigButton testId="done" onPress={props.onDone}>
          {t('done')}
        </BigButton>
      </div>
    </section>
  );
}
