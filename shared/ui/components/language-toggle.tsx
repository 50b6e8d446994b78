import type { Lang } from '../i18n.js';
import { useLang, useT } from '../lang.js';
import { kitMessages } from '../messages.js';

const NAMES: Readonly<Record<Lang, string>> = { vi: 'Tiếng Việt', en: 'English' };

/** Two plain buttons, each language named in itself, one tap to switch. */
export function LanguageToggle() {
  const { lang, setLang } = useLang();
  const t = useT(kitMessages);
  return (
    <div class="mc-lang" role="group" aria-label={t('language')}>
      {(['vi', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          class="mc-button mc-lang__button"
          aria-pressed={lang === l}
          onClick={() => {
            setLang(l);
          }}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
