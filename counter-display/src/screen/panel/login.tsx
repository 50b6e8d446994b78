/** Log-in: pick the officer, then (when the officer has a PIN) type it on the numeric pad or the keyboard. */
import { useT } from '@motcua/shared/ui';
import { useState } from 'preact/hooks';
import type { PanelOfficer, PanelView } from './api.js';
import { panelMessages } from './messages.js';
import { secondsLeft } from './reasons.js';

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const PIN_MAX = 12;

export function LoginPage(props: {
  view: PanelView;
  receivedAt: number;
  now: number;
  /** The last refused log-in (reason code and the runtime's message). */
  error: { readonly reason: string; readonly message: string } | null;
  onLogin: (officer: PanelOfficer, pin: string | undefined) => Promise<void>;
}) {
  const t = useT(panelMessages);
  const [picked, setPicked] = useState<PanelOfficer | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // The officer as the latest view describes it (attempts left, lock).
  const officer = picked === null ? null : (props.view.officers.find((o) => o.id === picked.id) ?? picked);
  const errorText = (): string | null => {
    const e = props.error;
    if (e === null) return null;
    if (e.reason === 'wrong-pin') return t('wrongPin', { n: officer?.attemptsLeft ?? 0 });
    if (e.reason === 'pin-not-set') return t('pinNotSet');
    if (e.reason === 'pin-locked') return null; // shown with its countdown
    return t('failed', { message: e.message });
  };

  const submit = async (o: PanelOfficer, p: string | undefined): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      await props.onLogin(o, p);
    } finally {
      setBusy(false);
      setPin('');
    }
  };
  const pick = (o: PanelOfficer): void => {
    if (o.pin) {
      setPicked(o);
      setPin('');
    } else void submit(o, undefined);
  };

  if (officer === null)
    return (
      <section class="p-login" aria-labelledby="p-login-title">
        <h2 id="p-login-title">{t('pickOfficer')}</h2>
        <div class="p-officers">
          {props.view.officers.map((o) => (
            <button
              key={o.id}
              type="button"
              class="mc-button p-officer"
              data-testid={`officer-${o.id}`}
              onClick={() => {
                pick(o);
              }}
            >
              <span class="p-officer__name">{o.name}</span>
              {o.title === null ? null : <span class="p-officer__title">{o.title}</span>}
            </button>
          ))}
        </div>
        {errorText() === null ? null : (
          <p class="p-error" role="alert">
            {errorText()}
          </p>
        )}
      </section>
    );

  const locked = secondsLeft(props.receivedAt, officer.lockedForS, props.now);
  const add = (d: string): void => {
    setPin((p) => (p.length >= PIN_MAX ? p : p + d));
  };
  return (
    <section class="p-login" aria-labelledby="p-pin-title">
      <h2 id="p-pin-title">{t('pinFor', { name: officer.name })}</h2>
      <form
        class="p-pin"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin !== '' && locked === 0) void submit(officer, pin);
        }}
      >
        <label class="mc-field">
          <span>{t('pinLabel')}</span>
          <input
            class="mc-input p-pin__input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={PIN_MAX}
            data-testid="pin-input"
            value={pin}
            disabled={locked > 0}
            onInput={(e) => {
              setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, PIN_MAX));
            }}
          />
        </label>
        <div class="p-pad" role="group" aria-label={t('pinLabel')}>
          {PAD.map((d) => (
            <button
              key={d}
              type="button"
              class="mc-key p-pad__key"
              data-testid={`pad-${d}`}
              disabled={locked > 0}
              onClick={() => {
                add(d);
              }}
            >
              {d}
            </button>
          ))}
          <button
            type="button"
            class="mc-key p-pad__key p-pad__key--word"
            disabled={locked > 0}
            onClick={() => {
              setPin('');
            }}
          >
            {t('pinClear')}
          </button>
          <button
            type="button"
            class="mc-key p-pad__key"
            data-testid="pad-0"
            disabled={locked > 0}
            onClick={() => {
              add('0');
            }}
          >
            0
          </button>
          <button
            type="button"
            class="mc-key p-pad__key p-pad__key--word"
            disabled={locked > 0}
            onClick={() => {
              setPin((p) => p.slice(0, -1));
            }}
          >
            {t('pinBack')}
          </button>
        </div>
        {locked > 0 ? (
          <p class="p-error" role="alert" data-testid="pin-error">
            {t('pinLocked', { s: locked })}
          </p>
        ) : errorText() === null ? null : (
          <p class="p-error" role="alert" data-testid="pin-error">
            {errorText()}
          </p>
        )}
        <div class="p-row">
          <button
            type="button"
            class="mc-button"
            onClick={() => {
              setPicked(null);
            }}
          >
            {t('cancel')}
          </button>
          <button
            type="submit"
            class="mc-button mc-button--primary"
            data-testid="pin-ok"
            disabled={busy || pin === '' || locked > 0}
          >
            {t('pinOk')}
          </button>
        </div>
      </form>
    </section>
  );
}
