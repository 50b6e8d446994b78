import { useState } from 'preact/hooks';
import { TONES, composeVietnamese, type Tone } from '../compose.js';
import { useT } from '../lang.js';
import { kitMessages, type KitKey } from '../messages.js';

/**
 * The on-screen keyboard (the kiosk has no physical one). Our own Preact component rather than
 * simple-keyboard: every key is a real <button> with a spoken name, sized by our CSS to the 64 px rule,
 * there is no Vietnamese layout to adapt anyway, and it costs a few hundred bytes instead of a library.
 *
 * `search` mode has letters and digits only (search ignores diacritics); `text` mode adds â ă ê ô ơ ư đ and
 * the five tone keys, composed by `composeVietnamese`. Every key acts on one tap: no long press, no repeat,
 * and Shift is a toggle that stays until tapped again.
 */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const MODIFIED = 'âăêôơưđ';
const TONE_KEYS: readonly [Tone, KitKey][] = [
  ['sac', 'toneSac'],
  ['huyen', 'toneHuyen'],
  ['hoi', 'toneHoi'],
  ['nga', 'toneNga'],
  ['nang', 'toneNang'],
];

export interface KeyboardProps {
  value: string;
  onInput: (next: string) => void;
  mode?: 'search' | 'text';
  maxLength?: number;
  /** Extra characters on a row of their own (e.g. ".-/" for dossier codes); none by default. */
  extraKeys?: string;
}

export function Keyboard(props: KeyboardProps) {
  const t = useT(kitMessages);
  const [upper, setUpper] = useState(false);
  const max = props.maxLength ?? 80;
  const type = (key: string): void => {
    const next = composeVietnamese(props.value, key);
    // Code points: every NFC Vietnamese letter is one, so this counts letters.
    if (Array.from(next).length <= max) props.onInput(next);
  };
  const letter = (c: string) => {
    const shown = upper ? c.toUpperCase() : c;
    return (
      <button key={c} type="button" class="mc-key" onClick={() => type(shown)}>
        {shown}
      </button>
    );
  };
  return (
    <div class="mc-keyboard" role="group" aria-label={t('keyboard')}>
      {ROWS.map((row) => (
        <div class="mc-keyboard__row" key={row}>
          {Array.from(row).map(letter)}
        </div>
      ))}
      {props.extraKeys !== undefined && props.extraKeys !== '' && (
        <div class="mc-keyboard__row">{Array.from(props.extraKeys).map(letter)}</div>
      )}
      {props.mode === 'text' && (
        <>
          <div class="mc-keyboard__row">{Array.from(MODIFIED).map(letter)}</div>
          <div class="mc-keyboard__row">
            {TONE_KEYS.map(([tone, label]) => (
              <button
                key={tone}
                type="button"
                class="mc-key mc-key--tone"
                aria-label={t(label)}
                onClick={() => type(TONES[tone])}
              >
                {composeVietnamese('a', TONES[tone])}
              </button>
            ))}
          </div>
        </>
      )}
      <div class="mc-keyboard__row">
        <button
          type="button"
          class="mc-key mc-key--wide"
          aria-pressed={upper}
          onClick={() => {
            setUpper(!upper);
          }}
        >
          {t('shift')}
        </button>
        <button type="button" class="mc-key mc-key--space" onClick={() => type(' ')}>
          {t('space')}
        </button>
        <button
          type="button"
          class="mc-key mc-key--wide"
          onClick={() => {
            props.onInput(Array.from(props.value).slice(0, -1).join(''));
          }}
        >
          {t('backspace')}
        </button>
        <button
          type="button"
          class="mc-key mc-key--wide"
          onClick={() => {
            props.onInput('');
          }}
        >
          {t('clear')}
        </button>
      </div>
    </div>
  );
}
