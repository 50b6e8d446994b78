/**
 * Vietnamese text from an on-screen keyboard without an input method: letters (including â ă ê ô ơ ư đ) are
 * appended; a tone key (one of the five combining marks) sets the tone of the word being typed, on the vowel
 * that orthography says carries it, replacing any tone already there; pressing the same tone again removes
 * it. Pure, so it is tested without a browser; the result is always NFC.
 *
 * Tone placement follows the traditional rule most Vietnamese keyboards default to ("hòa", "thủy"); search
 * ignores tones anyway, and both spellings are in use.
 */
export const TONES = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
} as const;
export type Tone = keyof typeof TONES;

const TONE_MARKS = new Set<string>(Object.values(TONES));
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
// Array.from splits into code points: every NFC Vietnamese letter is a single one.
const VOWELS = new Set(Array.from('aăâeêioôơuưy'));
const MODIFIED = new Set(Array.from('ăâêôơư'));

/** The text after pressing `key`: a tone mark (`TONES.*`) or any text to append. */
export function composeVietnamese(text: string, key: string): string {
  if (!TONE_MARKS.has(key)) return (text + key).normalize('NFC');
  const nfc = text.normalize('NFC');
  const word = /\p{L}+$/u.exec(nfc)?.[0];
  if (word === undefined) return nfc;
  const head = nfc.slice(0, nfc.length - word.length);
  return head + retone(word, key);
}

function retone(word: string, mark: string): string {
  const letters = Array.from(word);
  let current: string | undefined;
  const bare = letters.map((ch) => {
    const d = ch.normalize('NFD');
    const m = d.match(TONE_RE);
    if (m) current = m[0];
    return d.replace(TONE_RE, '').normalize('NFC');
  });
  const at = toneIndex(bare.map((c) => c.toLowerCase()));
  if (at === undefined) return word;
  if (current === mark) return bare.join(''); // same tone again: take it off
  bare[at] = (bare[at]! + mark).normalize('NFC');
  return bare.join('');
}

/** Index of the letter that carries the tone, in a lower-case toneless word. */
function toneIndex(w: readonly string[]): number | undefined {
  let start = w.findIndex((c) => VOWELS.has(c));
  if (start < 0) return undefined;
  // "qu" and "gi" before another vowel: the u / i belongs to the consonant (quả, già).
  const isVowelAt = (i: number): boolean => i < w.length && VOWELS.has(w[i]!);
  if (start === 1 && ((w[0] === 'q' && w[1] === 'u') || (w[0] === 'g' && w[1] === 'i')) && isVowelAt(2))
    start = 2;
  let end = start;
  while (isVowelAt(end + 1)) end++;
  const cluster = [];
  for (let i = start; i <= end; i++) cluster.push(i);
  const modified = cluster.filter((i) => MODIFIED.has(w[i]!));
  if (modified.length > 0) return modified.at(-1); // ươ → ơ, iê → ê
  if (cluster.length === 1) return start;
  if (cluster.length >= 3) return start + 1; // ngoài, khuya
  return end === w.length - 1 ? start : end; // open: hòa, múa; closed: hoàng, toán
}
