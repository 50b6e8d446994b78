import { describe, expect, it } from 'vitest';
import {
  englishNumberWords,
  NumberWordsError,
  vietnameseNumberChunks,
  vietnameseNumberWords,
} from '../../src/text/number-words.js';
import {
  DisplayNumberError,
  englishDisplayChunks,
  vietnameseDisplayChunks,
} from '../../src/text/display-number.js';

const north = { dialect: 'north' } as const;
const south = { dialect: 'south' } as const;

// [number, North, South]: one row per edge of every rule.
const table: [number, string, string][] = [
  [0, 'không', 'không'],
  [1, 'một', 'một'],
  [4, 'bốn', 'bốn'],
  [5, 'năm', 'năm'],
  [10, 'mười', 'mười'],
  [11, 'mười một', 'mười một'], // mốt only after mươi
  [14, 'mười bốn', 'mười bốn'], // tư only after mươi
  [15, 'mười lăm', 'mười lăm'],
  [20, 'hai mươi', 'hai mươi'],
  [21, 'hai mươi mốt', 'hai mươi mốt'],
  [24, 'hai mươi tư', 'hai mươi bốn'],
  [25, 'hai mươi lăm', 'hai mươi lăm'],
  [55, 'năm mươi lăm', 'năm mươi lăm'],
  [91, 'chín mươi mốt', 'chín mươi mốt'],
  [94, 'chín mươi tư', 'chín mươi bốn'],
  [95, 'chín mươi lăm', 'chín mươi lăm'],
  [99, 'chín mươi chín', 'chín mươi chín'],
  [100, 'một trăm', 'một trăm'],
  [101, 'một trăm linh một', 'một trăm lẻ một'], // not mốt after linh
  [104, 'một trăm linh bốn', 'một trăm lẻ bốn'],
  [105, 'một trăm linh năm', 'một trăm lẻ năm'], // not lăm after linh
  [110, 'một trăm mười', 'một trăm mười'],
  [115, 'một trăm mười lăm', 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt', 'một trăm hai mươi mốt'],
  [1000, 'một nghìn', 'một ngàn'], // no "không trăm" when the rest is zero
  [1001, 'một nghìn không trăm linh một', 'một ngàn không trăm lẻ một'],
  [1010, 'một nghìn không trăm mười', 'một ngàn không trăm mười'],
  [1015, 'một nghìn không trăm mười lăm', 'một ngàn không trăm mười lăm'],
  [1025, 'một nghìn không trăm hai mươi lăm', 'một ngàn không trăm hai mươi lăm'],
  [1100, 'một nghìn một trăm', 'một ngàn một trăm'],
  [1105, 'một nghìn một trăm linh năm', 'một ngàn một trăm lẻ năm'],
  [2001, 'hai nghìn không trăm linh một', 'hai ngàn không trăm lẻ một'],
  [10005, 'mười nghìn không trăm linh năm', 'mười ngàn không trăm lẻ năm'],
  [15000, 'mười lăm nghìn', 'mười lăm ngàn'],
  [21000, 'hai mươi mốt nghìn', 'hai mươi mốt ngàn'],
  [24024, 'hai mươi tư nghìn không trăm hai mươi tư', 'hai mươi bốn ngàn không trăm hai mươi bốn'],
  [100000, 'một trăm nghìn', 'một trăm ngàn'],
  [100001, 'một trăm nghìn không trăm linh một', 'một trăm ngàn không trăm lẻ một'],
  [105105, 'một trăm linh năm nghìn một trăm linh năm', 'một trăm lẻ năm ngàn một trăm lẻ năm'],
  [
    999999,
    'chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
    'chín trăm chín mươi chín ngàn chín trăm chín mươi chín',
  ],
];

describe('Vietnamese number words', () => {
  it.each(table)('%i → North "%s", South "%s"', (n, northWords, southWords) => {
    expect(vietnameseNumberWords(n, north)).toBe(northWords);
    expect(vietnameseNumberWords(n, south)).toBe(southWords);
  });

  it('the word for 4 after mươi can be chosen apart from the dialect', () => {
    expect(vietnameseNumberWords(34, { dialect: 'north', fourAfterTens: 'bốn' })).toBe('ba mươi bốn');
    expect(vietnameseNumberWords(34, { dialect: 'south', fourAfterTens: 'tư' })).toBe('ba mươi tư');
    expect(vietnameseNumberWords(14, { dialect: 'south', fourAfterTens: 'tư' })).toBe('mười bốn');
  });

  it('never contains a digit, and every output is NFC', () => {
    for (let n = 0; n <= 999_999; n += 997) {
      const w = vietnameseNumberWords(n, north);
      expect(w).not.toMatch(/\d/);
      expect(w.normalize('NFC')).toBe(w);
    }
  });

  it('chunks are the units a voice pack has clips for', () => {
    expect(vietnameseNumberChunks(1025, north)).toEqual(['một', 'nghìn', 'không trăm', 'hai mươi lăm']);
    expect(vietnameseNumberChunks(105, south)).toEqual(['một trăm', 'lẻ', 'năm']);
    // All numbers use at most 100 + 10 + 3 distinct chunks per dialect.
    const seen = new Set<string>();
    for (let n = 0; n <= 999_999; n += 7) for (const c of vietnameseNumberChunks(n, north)) seen.add(c);
    expect(seen.size).toBeLessThanOrEqual(113);
  });

  it.each([-1, 1_000_000, 1.5, Number.NaN])('refuses %s with a reason', (n) => {
    expect(() => vietnameseNumberWords(n, north)).toThrow(NumberWordsError);
    try {
      vietnameseNumberWords(n, north);
    } catch (e) {
      expect((e as NumberWordsError).reason).toBe('number-out-of-range');
    }
  });
});

describe('English number words', () => {
  it.each([
    [0, 'zero'],
    [15, 'fifteen'],
    [21, 'twenty-one'],
    [105, 'one hundred five'],
    [1000, 'one thousand'],
    [1025, 'one thousand twenty-five'],
    [999999, 'nine hundred ninety-nine thousand nine hundred ninety-nine'],
  ])('%i → "%s"', (n, words) => {
    expect(englishNumberWords(n)).toBe(words);
  });
});

describe('displayed ticket numbers', () => {
  it.each([
    ['1025', north, 'một nghìn không trăm hai mươi lăm'],
    ['A1025', north, 'a một nghìn không trăm hai mươi lăm'],
    ['A-012', south, 'a mười hai'],
    ['K1-001', north, 'ca một số một'],
    ['K2-105', south, 'ca hai số một trăm lẻ năm'],
    ['BC 7', north, 'bê xê bảy'],
    ['007', north, 'bảy'],
  ] as const)('%s → "%s"', (display, opts, words) => {
    expect(vietnameseDisplayChunks(display, opts).join(' ')).toBe(words);
  });

  it('reads a kiosk series in English too', () => {
    expect(englishDisplayChunks('K1-001').join(' ')).toBe('K one number one');
  });

  it.each(['', 'ABC', '12;rm', '1234567', 'A'.repeat(17)])('refuses "%s" with a reason', (display) => {
    expect(() => vietnameseDisplayChunks(display, north)).toThrow(DisplayNumberError);
  });
});
