import { useEffect, useState } from 'preact/hooks';
import { useT } from '@motcua/shared/ui';
import { call } from './api.js';
import { BarChart } from './chart.js';
import { percent } from './format.js';
import { dashboardMessages, type DashboardKey } from './messages.js';
import type { GroupBy, ReportRow, ReportTable } from './types.js';

const GROUPS: readonly [GroupBy, DashboardKey][] = [
  ['day', 'groupDay'],
  ['area', 'groupArea'],
  ['counter', 'groupCounter'],
  ['officer', 'groupOfficer'],
];

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const num = (x: number | null): string =>
  x === null ? '—' : x.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

function Row(props: { row: ReportRow; total?: boolean }) {
  const r = props.row;
  const Cell = props.total === true ? 'th' : 'td';
  return (
    <tr class={props.total === true ? 'db-total' : undefined}>
      <th scope="row">{r.label}</th>
      <Cell>{r.issued}</Cell>
      <Cell>{r.served}</Cell>
      <Cell>{r.noShow}</Cell>
      <Cell>{num(r.waitMeanMin)}</Cell>
      <Cell>{num(r.waitP90Min)}</Cell>
      <Cell>{num(r.serviceMeanMin)}</Cell>
      <Cell>{num(r.serviceP90Min)}</Cell>
      <Cell>{r.ratings}</Cell>
      <Cell>{percent(r.satisfiedRate)}</Cell>
    </tr>
  );
}

export function ReportsPage() {
  const t = useT(dashboardMessages);
  const [from, setFrom] = useState(() => iso(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => iso(new Date()));
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [table, setTable] = useState<ReportTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = `from=${from}&to=${to}&groupBy=${groupBy}`;
  const show = async (): Promise<void> => {
    const r = await call<ReportTable>('GET', `/api/reports?${query}`);
    if (r.ok) {
      setTable(r.data);
      setError(null);
    } else {
      setTable(null);
      setError(
        r.status === 400
          ? t('reportBadQuery')
          : r.status === 503
            ? t('reportUnavailable')
            : t('requestFailed'),
      );
    }
  };
  useEffect(() => {
    void call<{ first: string | null; last: string | null }>('GET', '/api/reports/days').then((r) => {
      if (r.ok && r.data.last !== null) {
        setTo(r.data.last);
        const start = new Date(Date.parse(`${r.data.last}T00:00:00Z`) - 29 * 86_400_000);
        const first = r.data.first ?? r.data.last;
        setFrom(iso(start) < first ? first : iso(start));
      }
    });
  }, []);
  return (
    <div class="db-reports">
      <section class="db-card" aria-labelledby="reports-h">
        <h2 id="reports-h">{t('reportsTitle')}</h2>
        <form
          class="db-query"
          onSubmit={(e) => {
            e.preventDefault();
            void show();
          }}
        >
          <label>
            {t('from')}
            <input
              type="date"
              data-testid="report-from"
              value={from}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('to')}
            <input
              type="date"
              data-testid="report-to"
              value={to}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('groupBy')}
            <select
              data-testid="report-group"
              value={groupBy}
              onChange={(e) => setGroupBy(e.currentTarget.value as GroupBy)}
            >
              {GROUPS.map(([g, k]) => (
                <option key={g} value={g}>
                  {t(k)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="db-button db-button--primary" data-testid="report-show">
            {t('show')}
          </button>
          <a class="db-button" href={`/api/reports.csv?${query}`} download data-testid="report-csv">
            {t('downloadCsv')}
          </a>
          <a class="db-button" href={`/api/reports.xlsx?${query}`} download data-testid="report-xlsx">
            {t('downloadXlsx')}
          </a>
        </form>
        <p class="db-error" role="alert">
          {error ?? ''}
        </p>
      </section>
      {table !== null && (
        <section class="db-card" aria-labelledby="report-table-h">
          <h2 id="report-table-h">{t('chartTitle')}</h2>
          {table.rows.length === 0 ? (
            <p>{t('reportEmpty')}</p>
          ) : (
            <BarChart
              rows={table.rows}
              title={t('chartTitle')}
              issuedLabel={t('issued')}
              servedLabel={t('served')}
            />
          )}
          <table class="db-table" data-testid="report-table">
            <thead>
              <tr>
                <th scope="col">{t(GROUPS.find(([g]) => g === table.query.groupBy)?.[1] ?? 'groupDay')}</th>
                <th scope="col">{t('issued')}</th>
                <th scope="col">{t('served')}</th>
                <th scope="col">{t('noShow')}</th>
                <th scope="col">{t('reportWaitMean')}</th>
                <th scope="col">{t('reportWaitP90')}</th>
                <th scope="col">{t('serviceMean')}</th>
                <th scope="col">{t('serviceP90')}</th>
                <th scope="col">{t('ratings')}</th>
                <th scope="col">{t('satisfied')}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <Row key={r.key} row={r} />
              ))}
            </tbody>
            <tfoot>
              <Row row={{ ...table.total, label: t('total') }} total />
            </tfoot>
          </table>
        </section>
      )}
    </div>
  );
}
