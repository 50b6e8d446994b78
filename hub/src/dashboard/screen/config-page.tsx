import { useEffect, useState } from 'preact/hooks';
import { useLang, useT } from '@motcua/shared/ui';
import { call } from './api.js';
import { dateTime } from './format.js';
import { dashboardMessages } from './messages.js';
import type { AuditEntry, FieldProblem, Me } from './types.js';

interface ConfigAnswer {
  readonly revision: number;
  readonly config: unknown;
  readonly canEdit: boolean;
}

type Outcome =
  | { kind: 'saved'; revision: number }
  | { kind: 'invalid'; problems: readonly FieldProblem[] }
  | { kind: 'message'; text: string }
  | null;

export function ConfigPage(props: { me: Me }) {
  const t = useT(dashboardMessages);
  const { lang } = useLang();
  const [loaded, setLoaded] = useState<ConfigAnswer | null>(null);
  const [text, setText] = useState('');
  const [history, setHistory] = useState<readonly AuditEntry[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const load = async (): Promise<void> => {
    const [c, h] = await Promise.all([
      call<ConfigAnswer>('GET', '/api/config'),
      call<{ entries: AuditEntry[] }>('GET', '/api/config/history'),
    ]);
    if (c.ok) {
      setLoaded(c.data);
      setText(JSON.stringify(c.data.config, null, 2));
    }
    if (h.ok) setHistory(h.data.entries);
  };
  useEffect(() => {
    void load();
  }, []);
  if (loaded === null) return <p>…</p>;
  const canEdit = loaded.canEdit && props.me.role === 'admin';
  const save = async (): Promise<void> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setOutcome({ kind: 'message', text: t('configJsonInvalid', { error: (e as Error).message }) });
      return;
    }
    setBusy(true);
    const r = await call<{ revision: number }>('PUT', '/api/config', {
      baseRevision: loaded.revision,
      config: parsed,
    });
    setBusy(false);
    if (r.ok) {
      setOutcome({ kind: 'saved', revision: r.data.revision });
      await load();
    } else if (r.error === 'invalid-config' || r.error === 'unsafe-change')
      setOutcome({ kind: 'invalid', problems: (r.body.problems ?? []) as FieldProblem[] });
    else if (r.error === 'stale-revision') setOutcome({ kind: 'message', text: t('configStale') });
    else if (r.error === 'no-change') setOutcome({ kind: 'message', text: t('configNoChange') });
    else if (r.status === 403) setOutcome({ kind: 'message', text: t('forbidden') });
    else setOutcome({ kind: 'message', text: t('requestFailed') });
  };
  return (
    <div class="db-config">
      <section class="db-card" aria-labelledby="config-h">
        <h2 id="config-h">
          {t('configTitle')} —{' '}
          <span data-testid="config-revision">{t('configRevision', { n: loaded.revision })}</span>
        </h2>
        <p>{canEdit ? t('configEditHint') : t('configReadOnly')}</p>
        <label for="config-json" class="db-label">
          {t('configLabel')}
        </label>
        <textarea
          id="config-json"
          class="db-json"
          spellcheck={false}
          readOnly={!canEdit}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {canEdit && (
          <button
            type="button"
            class="db-button db-button--primary"
            data-testid="config-save"
            disabled={busy}
            onClick={() => void save()}
          >
            {busy ? t('configSaving') : t('configSave')}
          </button>
        )}
        <div role="status" data-testid="config-outcome">
          {outcome?.kind === 'saved' && <p class="db-ok">{t('configSaved', { n: outcome.revision })}</p>}
          {outcome?.kind === 'message' && <p class="db-error">{outcome.text}</p>}
          {outcome?.kind === 'invalid' && (
            <div class="db-error">
              <p>{t('configInvalid')}</p>
              <ul data-testid="config-problems">
                {outcome.problems.map((p) => (
                  <li key={`${p.field}:${p.message}`}>
                    <code>{p.field}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>
      <section class="db-card" aria-labelledby="history-h">
        <h2 id="history-h">{t('configHistory')}</h2>
        {history.length === 0 ? (
          <p>{t('historyEmpty')}</p>
        ) : (
          <ol class="db-history" data-testid="config-history">
            {history.map((h) => (
              <li key={h.revision}>
                <p>{t('historyEntry', { n: h.revision, name: h.by.name, time: dateTime(h.at, lang) })}</p>
                <ul>
                  {h.changes.map((c) => (
                    <li key={c}>
                      <code>{c}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
