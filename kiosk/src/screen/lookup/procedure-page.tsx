import { useState } from 'preact/hooks';
import { BigButton, useLang, useT } from '@motcua/shared/ui';
import { feeLines, processingTime } from '../../../../shared/src/catalogue/present.js';
import type { Result } from '../../../../shared/src/device/api.js';
import type { LookupCatalogue } from '../../runtime/lookup-api.js';
import { lookupMessages } from './lookup-messages.js';

/** A procedure's page: where, how long, what it costs, what to bring; "Lấy số" when the device prints. */
export function ProcedurePage(props: {
  catalogue: LookupCatalogue;
  id: string;
  onBack: () => void;
  takeNumber?: (areaId: string) => Promise<Result<unknown>>;
}) {
  const t = useT(lookupMessages);
  const { lang } = useLang();
  const [note, setNote] = useState<'taken' | 'takeFailed' | null>(null);
  const p = props.catalogue.catalogue.procedures.find((x) => x.id === props.id);
  const back = (
    <BigButton variant="secondary" testId="back" onPress={props.onBack}>
      {t('back')}
    </BigButton>
  );
  if (p === undefined) return back;
  const place = props.catalogue.places[p.areaId];
  const take = props.takeNumber;
  return (
    <article class="lk-procedure" data-testid="procedure">
      <div class="lk-procedure__top">
        {back}
        <div>
          <h2 class="lk-procedure__name">{p.name}</h2>
          <p class="lk-muted">{t('procedureCode', { code: p.code })}</p>
        </div>
      </div>
      <div class="lk-procedure__cols">
        <dl class="lk-facts">
          <dt>{t('where')}</dt>
          <dd data-testid="place">
            {place === undefined ? (
              t('notServedHere')
            ) : (
              <>
                {place.areaName}
                <br />
                {place.counters.length === 0
                  ? t('noCounters')
                  : t('counters', { list: place.counters.join(', ') })}
              </>
            )}
          </dd>
          <dt>{t('time')}</dt>
          <dd data-testid="time">{processingTime(p)[lang]}</dd>
          <dt>{t('fees')}</dt>
          <dd data-testid="fees">
            {feeLines(p).map((f) => (
              <div key={f.label}>
                {f.label}: {f.value}
              </div>
            ))}
          </dd>
          {take !== undefined && place !== undefined && (
            <dd class="lk-take">
              <BigButton
                testId="take"
                lockMs={2000}
                onPress={async () => {
                  const r = await take(p.areaId);
                  setNote(r.ok ? 'taken' : 'takeFailed');
                }}
              >
                {t('takeNumber')}
              </BigButton>
              <p class="lk-note" role="alert" data-testid="take-note">
                {note === null ? '' : t(note)}
              </p>
            </dd>
          )}
        </dl>
        <section class="lk-docs">
          <h3>{t('documents')}</h3>
          <ol data-testid="documents">
            {p.documents.map((d) => (
              <li key={d.name}>
                {d.name}
                <span class="lk-muted">
                  {' — '}
                  {/* A shown-only document's note already says how ("xuất trình bản chính…"). */}
                  {d.copies === 0
                    ? (d.note ?? t('showOnly'))
                    : `${t('copies', { n: d.copies })}${d.note === undefined ? '' : `; ${d.note}`}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
