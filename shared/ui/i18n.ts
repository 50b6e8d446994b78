/**
 * Message catalogues: Vietnamese first, English second, one typed catalogue per language. Keys are declared
 * once as a type; the compiler then requires both catalogues to have exactly those keys:
 *
 *   type Keys = 'title' | 'take';
 *   export const messages = defineMessages<Keys>()({ vi: { title: 'Lấy số', … }, en: { title: 'Take a number', … } });
 *
 * Placeholders are `{name}`, filled by `translate`.
 */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export type Catalogue<K extends string> = { readonly [P in K]: string };
export interface Messages<K extends string> {
  readonly vi: Catalogue<K>;
  readonly en: Catalogue<K>;
}
export type KeyOf<M> = M extends Messages<infer K> ? K : never;

export function defineMessages<K extends string>(): (m: Messages<K>) => Messages<K> {
  return (m) => m;
}

export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  params?: Readonly<Record<string, string | number>>,
): string {
  const text = messages[lang][key];
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
