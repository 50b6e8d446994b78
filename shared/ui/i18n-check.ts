/**
 * Checks a message catalogue the compiler cannot: NFC text, nothing empty, the same placeholders in both
 * languages, and Vietnamese that was really typed with its diacritics. Every screen's test calls this on
 * its catalogue (`expect(catalogueProblems(messages)).toEqual([])`).
 */
import type { Messages } from './i18n.js';

/** Letters only Vietnamese (among vi/en) uses: a catalogue without any was typed without diacritics. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

export function catalogueProblems(messages: Messages<string>): string[] {
  const problems: string[] = [];
  const vi = messages.vi as Readonly<Record<string, unknown>>;
  const en = messages.en as Readonly<Record<string, unknown>>;
  for (const k of Object.keys(vi)) if (!Object.hasOwn(en, k)) problems.push(`${k}: missing in en`);
  for (const k of Object.keys(en)) if (!Object.hasOwn(vi, k)) problems.push(`${k}: missing in vi`);
  for (const [lang, cat] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    for (const [k, v] of Object.entries(cat)) {
      if (typeof v !== 'string' || v.trim() === '') problems.push(`${lang}.${k}: empty`);
      else if (v !== v.normalize('NFC')) problems.push(`${lang}.${k}: not NFC`);
    }
  }
  for (const k of Object.keys(vi)) {
    const a = vi[k];
    const b = en[k];
    if (typeof a === 'string' && typeof b === 'string' && placeholders(a) !== placeholders(b))
      problems.push(`${k}: placeholders differ (vi ${placeholders(a)}, en ${placeholders(b)})`);
  }
  const viText = Object.values(vi).filter((v) => typeof v === 'string');
  if (viText.length > 0 && !viText.some((v) => VIETNAMESE_LETTER.test(v)))
    problems.push('vi: no Vietnamese diacritics anywhere (typed without them?)');
  return problems;
}

function placeholders(s: string): string {
  return [...s.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
}
