/**
 * The panel's small forms, shown in place of the action buttons: call a given number, transfer (to an area or
 * a counter, with a note), hold (with a reason), pause (with a reason from the configuration). Each is a real
 * form: Enter submits, Escape cancels (panel-app.tsx), and shortcuts never fire while typing in it.
 */
import { useLang, useT } from '@motcua/shared/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_MAX, type PanelView } from './api.js';
import { panelMessages } from './messages.js';

function Form(props: {
  title: string;
  testId: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: preact.ComponentChildren;
}) {
  const t = useT(panelMessages);
  const id = `${props.testId}-title`;
  return (
    <form
      class="p-form"
      aria-labelledby={id}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (props.canSubmit) props.onSubmit();
      }}
    >
      <h3 id={id}>{props.title}</h3>
      {props.children}
      <div class="p-row">
        <button type="button" class="mc-button" data-testid="form-cancel" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button
          type="submit"
          class="mc-button mc-button--primary"
          data-testid="form-submit"
          disabled={!props.canSubmit}
        >
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Focuses the form's first field when it opens: the officer types at once. */
function useAutofocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export function CallNumberForm(props: {
  view: PanelView;
  onCall: (area: string, number: number) => void;
  onCancel: () => void;
}) {
  const t = useT(panelMessages);
  const [typed, setTyped] = useState('');
  const input = useAutofocus<HTMLInputElement>();
  const n = Number(typed);
  // The number's area: its range among the areas this counter serves, or a ticket listed as waiting.
  const listed = [...props.view.directed, ...props.view.waiting.flatMap((w) => w.next)].find(
    (x) => x.number === n,
  );
  const area = listed?.areaId ?? props.view.waiting.find((w) => n >= w.from && n <= w.to)?.areaId ?? null;
  return (
    <Form
      title={t('callNumberTitle')}
      testId="call-number-form"
      submitLabel={t('call')}
      canSubmit={typed !== '' && area !== null}
      onSubmit={() => {
        if (area !== null) props.onCall(area, n);
      }}
      onCancel={props.onCancel}
    >
      <label class="mc-field">
        <span>{t('numberLabel')}</span>
        <input
          ref={input}
          class="mc-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          data-testid="number-input"
          value={typed}
          onInput={(e) => {
            setTyped(e.currentTarget.value.replace(/\D/g, '').slice(0, 5));
          }}
        />
      </label>
    </Form>
  );
}

export function TransferForm(props: {
  view: PanelView;
  onTransfer: (to: { area: string } | { counter: string }, note: string) => void;
  onCancel: () => void;
}) {
  const t = useT(panelMessages);
  const { lang } = useLang();
  const [to, setTo] = useState<string>('');
  const [note, setNote] = useState('');
  return (
    <Form
      title={t('transferTitle')}
      testId="transfer-form"
      submitLabel={t('send')}
      canSubmit={to !== ''}
      onSubmit={() => {
        const [kind, id] = to.split(':') as [string, string];
        props.onTransfer(kind === 'area' ? { area: id } : { counter: id }, note.trim());
      }}
      onCancel={props.onCancel}
    >
      <div class="p-targets">
        <fieldset class="p-choices">
          <legend>{t('toArea')}</legend>
          {props.view.areas.map((a) => (
            <button
              key={a.id}
              type="button"
              class="mc-button p-choice"
              aria-pressed={to === `area:${a.id}`}
              data-testid={`to-area-${a.id}`}
              onClick={() => {
                setTo(`area:${a.id}`);
              }}
            >
              {lang === 'en' && a.nameEn !== null ? a.nameEn : a.name}
            </button>
          ))}
        </fieldset>
        <fieldset class="p-choices">
          <legend>{t('toCounter')}</legend>
          {props.view.counters.map((c) => (
            <button
              key={c.id}
              type="button"
              class="mc-button p-choice"
              aria-pressed={to === `counter:${c.id}`}
              data-testid={`to-counter-${c.id}`}
              onClick={() => {
                setTo(`counter:${c.id}`);
              }}
            >
              {t('counterN', { n: c.number })}
            </button>
          ))}
        </fieldset>
      </div>
      <label class="mc-field">
        <span>{t('noteLabel')}</span>
        <input
          class="mc-input"
          maxLength={NOTE_MAX}
          autoComplete="off"
          data-testid="note-input"
          value={note}
          onInput={(e) => {
            setNote(e.currentTarget.value.slice(0, NOTE_MAX));
          }}
        />
      </label>
    </Form>
  );
}

export function HoldForm(props: { onHold: (reason: string) => void; onCancel: () => void }) {
  const t = useT(panelMessages);
  const [reason, setReason] = useState('');
  const input = useAutofocus<HTMLInputElement>();
  return (
    <Form
      title={t('holdTitle')}
      testId="hold-form"
      submitLabel={t('hold')}
      canSubmit
      onSubmit={() => {
        props.onHold(reason.trim());
      }}
      onCancel={props.onCancel}
    >
      <label class="mc-field">
        <span>{t('holdReason')}</span>
        <input
          ref={input}
          class="mc-input"
          maxLength={200}
          autoComplete="off"
          data-testid="hold-reason"
          value={reason}
          onInput={(e) => {
            setReason(e.currentTarget.value);
          }}
        />
      </label>
    </Form>
  );
}

export function PauseForm(props: {
  view: PanelView;
  onPause: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT(panelMessages);
  const { lang } = useLang();
  return (
    <section class="p-form" aria-labelledby="pause-title" data-testid="pause-form">
      <h3 id="pause-title">{t('pauseTitle')}</h3>
      <div class="p-choices">
        {props.view.pauseReasons.map((r) => (
          <button
            key={r.id}
            type="button"
            class="mc-button p-choice"
            data-testid={`pause-${r.id}`}
            onClick={() => {
              // The event records the words the officer chose, in Vietnamese (the reports' language).
              props.onPause(r.label);
            }}
          >
            {lang === 'en' ? r.labelEn : r.label}
          </button>
        ))}
      </div>
      <div class="p-row">
        <button type="button" class="mc-button" data-testid="form-cancel" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
