/**
 * Vietnamese (and English) number words, 0 to 999,999, for spoken announcements. Pure: no Node imports, so
 * the board's browser side can use it too.
 *
 * Rules, as in Unicode CLDR's Vietnamese spell-out rules (common/rbnf/vi.xml, rule sets %spellout-cardinal,
 * %%teen, %%x-ty, %%after-hundred, %%after-thousand-or-more), with the regional choices the CLDR file does
 * not make (it always says "lẻ" and "nghìn"):
 * - 0–10: không một hai ba bốn năm sáu bảy tám chín mười.
 * - 11–19: "mười" + unit, and 15 is "mười lăm" (CLDR %%teen: 5 → lăm).
 * - 20–99: unit + "mươi" (no grave accent), then the unit where after "mươi" 1 is "mốt" and 5 is "lăm"
 *   (CLDR %%x-ty), and 4 may be "tư" (usual in the North; "bốn" in the South). 11 stays "mười một" and 14
 *   "mười bốn": mốt and tư only follow "mươi".
 * - Hundreds: unit + "trăm"; a zero tens digit before a non-zero unit is "linh" (North) or "lẻ" (South),
 *   and after it 5 stays "năm" (105 "một trăm linh năm", CLDR %%after-hundred reads its unit with the plain
 *   cardinal).
 * - Thousands: group + "nghìn" (North) or "ngàn" (South). A non-zero group below 100 after the thousands
 *   keeps "không trăm" (1025 "một nghìn không trăm hai mươi lăm", 2001 "hai nghìn không trăm linh một",
 *   CLDR %%after-thousand-or-more), while a zero group says nothing (1000 "một nghìn").
 *
 * The result is a list of chunks, each a unit that a voice pack has one clip for: "0"–"99" as words, "X
 * trăm", "không trăm", "linh"/"lẻ", the unit after linh/lẻ, and "nghìn"/"ngàn". Joined with spaces they are
 * the written words.
 */

export type Dialect = 'north' | 'south';

export interface NumberWordOptions {
  readonly dialect: Dialect;
  /** How 4 after "mươi" is said (24–94). Default: "tư" in the North, "bốn" in the South. */
  readonly fourAfterTens?: 'tư' | 'bốn';
}

export const MAX_SPOKEN_NUMBER = 999_999;

export class NumberWordsError extends Error {
  readonly reason = 'number-out-of-range';
  constructor(readonly value: unknown) {
    super(`cannot read ${String(value)} aloud: only whole numbers from 0 to 999,999 are supported`);
    this.name = 'NumberWordsError';
  }
}

const UNITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function unit(n: number): string {
  return UNITS[n]!;
}

function check(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) throw new NumberWordsError(n);
}

/** 0–99 as one chunk. */
function belowHundred(n: number, opts: NumberWordOptions): string {
  if (n < 10) return unit(n);
  const tens = Math.floor(n / 10);
  const u = n % 10;
  if (tens === 1) return u === 0 ? 'mười' : `mười ${u === 5 ? 'lăm' : unit(u)}`;
  const head = `${unit(tens)} mươi`;
  if (u === 0) return head;
  if (u === 1) return `${head} mốt`;
  if (u === 5) return `${head} lăm`;
  if (u === 4) return `${head} ${opts.fourAfterTens ?? (opts.dialect === 'north' ? 'tư' : 'bốn')}`;
  return `${head} ${unit(u)}`;
}

function zeroTens(opts: NumberWordOptions): string {
  return opts.dialect === 'north' ? 'linh' : 'lẻ';
}

/** The part after a hundreds word ("X trăm" or "không trăm"): nothing, linh/lẻ + unit, or 10–99. */
function afterHundred(n: number, opts: NumberWordOptions): string[] {
  if (n === 0) return [];
  // After linh/lẻ the unit is the plain cardinal: 105 is "linh năm", 101 "linh một", 104 "linh bốn".
  if (n < 10) return [zeroTens(opts), unit(n)];
  return [belowHundred(n, opts)];
}

/** 0–999 without a leading "không trăm". */
function group(n: number, opts: NumberWordOptions): string[] {
  if (n < 100) return [belowHundred(n, opts)];
  return [`${unit(Math.floor(n / 100))} trăm`, ...afterHundred(n % 100, opts)];
}

/** The chunks of `n` in Vietnamese; see the module comment for the rules. */
export function vietnameseNumberChunks(n: number, opts: NumberWordOptions): string[] {
  check(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return group(rest, opts);
  const out = [...group(thousands, opts), opts.dialect === 'north' ? 'nghìn' : 'ngàn'];
  if (rest === 0) return out;
  if (rest < 100) return [...out, 'không trăm', ...afterHundred(rest, opts)];
  return [...out, ...group(rest, opts)];
}

/** `n` in Vietnamese words, e.g. 1025 → "một nghìn không trăm hai mươi lăm". */
export function vietnameseNumberWords(n: number, opts: NumberWordOptions): string {
  return vietnameseNumberChunks(n, opts).join(' ');
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

function enBelowHundred(n: number): string {
  if (n < 20) return EN_UNITS[n]!;
  const u = n % 10;
  const t = EN_TENS[Math.floor(n / 10)]!;
  return u === 0 ? t : `${t}-${EN_UNITS[u]!}`;
}

function enGroup(n: number): string[] {
  if (n < 100) return [enBelowHundred(n)];
  const rest = n % 100;
  return [EN_UNITS[Math.floor(n / 100)]!, 'hundred', ...(rest === 0 ? [] : [enBelowHundred(rest)])];
}

/**
 * English chunks for the optional English announcement (American style, no "and"): 1025 → "one",
 * "thousand", "twenty-five".
 */
export function englishNumberChunks(n: number): string[] {
  check(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return enGroup(rest);
  return [...enGroup(thousands), 'thousand', ...(rest === 0 ? [] : enGroup(rest))];
}

export function englishNumberWords(n: number): string {
  return englishNumberChunks(n).join(' ');
}
