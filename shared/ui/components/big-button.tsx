import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface BigButtonProps {
  /** May return a promise: the button stays busy (and ignores taps) until it settles. */
  onPress: () => unknown;
  variant?: 'primary' | 'secondary';
  disabled?: boolean;
  /** Keep ignoring taps this long after a press, even if the action was quicker (kiosk: 2000). Default 0. */
  lockMs?: number;
  children: ComponentChildren;
  testId?: string;
}

/** A large, single-tap button. Busy while its action runs, so a second tap cannot fire it twice. */
export function BigButton(props: BigButtonProps) {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const press = (): void => {
    if (running.current || props.disabled === true) return;
    running.current = true;
    setBusy(true);
    const started = Date.now();
    const done = (): void => {
      const wait = Math.max(0, (props.lockMs ?? 0) - (Date.now() - started));
      setTimeout(() => {
        running.current = false;
        setBusy(false);
      }, wait);
    };
    void Promise.resolve()
      .then(props.onPress)
      .catch((e: unknown) => {
        console.error('button action failed', e);
      })
      .finally(done);
  };
  return (
    <button
      type="button"
      class={`mc-button mc-button--${props.variant ?? 'primary'}`}
      disabled={props.disabled}
      aria-busy={busy}
      data-testid={props.testId}
      onClick={press}
    >
      {props.children}
    </button>
  );
}
