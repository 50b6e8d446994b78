import { useState } from 'preact/hooks';
import { useLang, useT } from '@motcua/shared/ui';
import { call } from './api.js';
import { clockTime, minutes } from './format.js';
import { dashboardMessages, type DashboardKey } from './messages.js';
import type { Alert, LiveView } from './types.js';

const PRINTER: Readonly<Record<string, DashboardKey>> = {
  ready: 'prReady',
  'paper-near-end': 'prPaperNearEnd',
  'paper-out': 'prPaperOut',
  'cover-open': 'prCoverOpen',
  offline: 'prOffline',
  'no-answer': 'prNoAnswer',
  disconnected: 'prDisconnected',
  unknown: 'prUnknown',
};

const STATUS: Readonly<Record<string, DashboardKey>> = {
  open: 'statusOpen',
  paused: 'statusPaused',
  closed: 'statusClosed',
};

function AlertItem(props: { alert: Alert }) {
  const t = useT(dashboardMessages);
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const a = props.alert;
  const device = a.device ?? '';
  const printerKey = PRINTER[a.code];
  const text =
    a.kind === 'printer'
      ? t('alertPrinter', { device, state: printerKey === undefined ? a.code : t(printerKey) })
      : a.kind === 'offline'
        ? t('alertOffline', { device })
        : a.kind === 'conflict'
          ? t('alertConflict', { reason: a.detail === '' ? a.code : `${a.code} (${a.detail})` })
          : t('alertRefused', { device, reason: a.code, count: a.count });
  return (
    <li
      class={`db-alert db-alert--${a.severity}${a.ack === null ? '' : ' db-alert--acked'}`}
      data-testid={`alert-${a.key}`}
      data-acked={a.ack === null ? 'no' : 'yes'}
    >
      <span class="db-alert__time">{clockTime(a.since, lang)}</span>
      <span class="db-alert__text">{text}</span>
      {a.ack === null ? (
        <button
          type="button"
          class="db-button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void call('POST', '/api/alerts/ack', { key: a.key }).finally(() => setBusy(false));
          }}
        >
          {t('acknowledge')}
        </button>
      ) : (
        <span class="db-alert__ack">
          {t('acknowledgedBy', { name: a.ack.by, time: clockTime(a.ack.at, lang) })}
        </span>
      )}
    </li>
  );
}

export function LivePage(props: { view: LiveView | undefined }) {
  const t = useT(dashboardMessages);
  const { lang } = useLang();
  const v = props.view;
  if (v === undefined) return <p>…</p>;
  const unit = (n: string): string => t('minutes', { n });
  const open = v.alerts.filter((a) => a.ack === null).length;
  return (
    <div class="db-live">
      <section class="db-card db-card--alerts" aria-labelledby="alerts-h">
        <h2 id="alerts-h">
          {t('alertsTitle')}{' '}
          <span class="db-badge" data-testid="alert-count">
            {open}
          </span>
        </h2>
        {v.alerts.length === 0 ? (
          <p>{t('noAlerts')}</p>
        ) : (
          <ul class="db-alerts">
            {v.alerts.map((a) => (
              <AlertItem key={a.key} alert={a} />
            ))}
          </ul>
        )}
      </section>
      <section class="db-card" aria-labelledby="areas-h">
        <h2 id="areas-h">{t('areasTitle')}</h2>
        <table class="db-table">
          <thead>
            <tr>
              <th scope="col">{t('area')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col">{t('issued')}</th>
              <th scope="col">{t('served')}</th>
              <th scope="col">{t('estWait')}</th>
              <th scope="col">{t('waitMean')}</th>
              <th scope="col">{t('waitP90')}</th>
            </tr>
          </thead>
          <tbody>
            {v.areas.map((a) => (
              <tr key={a.id} data-testid={`area-${a.id}`}>
                <th scope="row">{lang === 'en' && a.nameEn !== null ? a.nameEn : a.name}</th>
                <td data-testid={`waiting-${a.id}`}>{a.waiting}</td>
                <td data-testid={`issued-${a.id}`}>{a.issued}</td>
                <td>{a.served}</td>
                <td>
                  {a.estimatedWaitMin === null ? t('noOpenCounter') : minutes(a.estimatedWaitMin, unit)}
                </td>
                <td>{minutes(a.waitMeanMin, unit)}</td>
                <td>{minutes(a.waitP90Min, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="db-card" aria-labelledby="counters-h">
        <h2 id="counters-h">{t('countersTitle')}</h2>
        <table class="db-table">
          <thead>
            <tr>
              <th scope="col">{t('counter')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('officer')}</th>
              <th scope="col">{t('current')}</th>
              <th scope="col">{t('served')}</th>
            </tr>
          </thead>
          <tbody>
            {v.counters.map((c) => {
              const status = STATUS[c.status];
              return (
                <tr key={c.id} data-testid={`counter-${c.id}`}>
                  <th scope="row">{c.name ?? t('counterNo', { n: c.number })}</th>
                  <td>
                    {status === undefined ? c.status : t(status)}
                    {c.pauseReason === null ? '' : ` (${c.pauseReason})`}
                  </td>
                  <td>{c.officer ?? '—'}</td>
                  <td class="db-number">{c.current ?? '—'}</td>
                  <td>{c.served}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section class="db-card" aria-labelledby="devices-h">
        <h2 id="devices-h">{t('devicesTitle')}</h2>
        <table class="db-table">
          <thead>
            <tr>
              <th scope="col">{t('device')}</th>
              <th scope="col">{t('deviceRole')}</th>
              <th scope="col">{t('presence')}</th>
              <th scope="col">{t('lastSeen')}</th>
              <th scope="col">{t('printer')}</th>
            </tr>
          </thead>
          <tbody>
            {v.devices.map((d) => {
              const pk = d.printer === null ? undefined : PRINTER[d.printer];
              return (
                <tr key={d.id} data-testid={`device-${d.id}`}>
                  <th scope="row">{d.id}</th>
                  <td>{d.role}</td>
                  <td>{d.online === null ? t('neverSeen') : d.online ? t('online') : t('offline')}</td>
                  <td>{clockTime(d.lastSeenAt, lang)}</td>
                  <td data-testid={`printer-${d.id}`}>
                    {d.printer === null ? '—' : pk === undefined ? d.printer : t(pk)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
