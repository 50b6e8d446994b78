/**
 * The Vietnamese normaliser used for both indexing and querying the procedure catalogue. Citizens type
 * without diacritics, with the older or newer tone placement (hoà / hòa), with i or y (kí / ký), on keyboards
 * and input methods that produce composed (NFC) or decomposed (NFD) text. All of these must meet.
 *
 * Why not NFKD + strip everything outside [\w]: that deletes "đ" (U+0111 has no decomposition), turning
 * "đăng" into "ăng" and then "ang". Here "đ"/"Đ" are mapped to "d" explicitly.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Onsets after which a lone "y" is spelled "i" just as often (kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, qui/quy). */
const Y_AS_I = /^(ch|gh|kh|ng|nh|ph|th|tr|qu|[bcdghklmnprstvx])y$/;

/** Removes tone and vowel marks and maps đ → d; lower-cases. Keeps spaces and punctuation. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Normalises one already-tokenised term. Returns null for an empty term so MiniSearch drops it.
 * "ký", "kí", "ky" and "ki" all become "ki"; "hoà" and "hòa" both become "hoa".
 */
export function normaliseTerm(term: string): string | null {
  const t = foldDiacritics(term).trim();
  if (t === '') return null;
  return Y_AS_I.test(t) ? `${t.slice(0, -1)}i` : t;
}

/** Splits on whitespace and punctuation (not on combining marks, which NFD input carries). */
export function tokenise(text: string): string[] {
  return text.split(/[\s\p{P}\p{S}]+/u).filter((t) => t !== '');
}

export type TermNormaliser = (term: string) => string | null;

/**
 * normaliseTerm with a memo: a catalogue of 2,000 names has ~80,000 words but only a few thousand distinct
 * ones, and NFD + regex per word dominated building and loading the index. One memo per index, bounded.
 */
export function memoisedNormaliser(max = 50_000): TermNormaliser {
  const memo = new Map<string, string | null>();
  return (term) => {
    const hit = memo.get(term);
    if (hit !== undefined) return hit;
    const n = normaliseTerm(term);
    if (memo.size >= max) memo.clear();
    memo.set(term, n);
    return n;
  };
}

/** Normalises a whole phrase into its terms: "Sổ  Đỏ" → ["so", "do"]. */
export function normaliseWords(text: string, normalise: TermNormaliser = normaliseTerm): string[] {
  const out: string[] = [];
  for (const t of tokenise(text)) {
    const n = normalise(t);
    if (n !== null) out.push(n);
  }
  return out;
}
