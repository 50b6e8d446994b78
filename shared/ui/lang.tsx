import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { translate, type Lang, type Messages } from './i18n.js';

interface LangState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => undefined });

/** Holds the screen's language (Vietnamese first) and keeps `<html lang>` in step for screen readers. */
export function LangProvider(props: { initial?: Lang; children: ComponentChildren }) {
  const [lang, setLang] = useState<Lang>(props.initial ?? 'vi');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang]);
  return <LangContext.Provider value={value}>{props.children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** `t(key, params)` over a catalogue, in the current language. */
export function useT<K extends string>(
  messages: Messages<K>,
): (key: K, params?: Readonly<Record<string, string | number>>) => string {
  const { lang } = useLang();
  return (key, params) => translate(messages, lang, key, params);
}
