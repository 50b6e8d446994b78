/**
 * Reading a ticket number as it is displayed ("1025", "A1025", "A-012", "K1-001") aloud: letters by their
 * Vietnamese names, digit runs as numbers (leading zeros are not said: "012" is "mười hai"), and "số"
 * ("number") between a series ending in a digit and the number after the dash, so that "K1-001" is "ca một,
 * số một" rather than "ca một một". Pure; runs in the browser too.
 */
import { englishNumberChunks, vietnameseNumberChunks, type NumberWordOptions } from './number-words.js';

export type SpokenPart =
  | { readonly kind: 'letter'; readonly letter: string }
  | { readonly kind: 'number'; readonly value: number }
  /** "số" / "number": separates a series that ends in a digit from the number after it. */
  | { readonly kind: 'number-word' };

export class DisplayNumberError extends Error {
  readonly reason = 'unreadable-display-number';
  constructor(
    readonly display: string,
    why: string,
  ) {
    super(`cannot read "${display}" aloud: ${why}`);
    this.name = 'DisplayNumberError';
  }
}

/**
 * Vietnamese names of the letters as said when spelling (Latin letters outside the Vietnamese alphabet take
 * their usual loan names).
 */
export const VI_LETTERS: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

/** Splits a displayed number into what is said. Throws DisplayNumberError on anything else. */
export function parseDisplayNumber(display: string): SpokenPart[] {
  const s = display.normalize('NFC').trim().toUpperCase();
  if (s.length === 0 || s.length > 16) throw new DisplayNumberError(display, 'must be 1-16 characters');
  if (!/^[A-ZĐ0-9 .\-/]+$/.test(s))
    throw new DisplayNumberError(display, 'only letters, digits, "-", "/", "." and spaces are allowed');
  if (!/\d/.test(s)) throw new DisplayNumberError(display, 'has no digits');
  const parts: SpokenPart[] = [];
  let lastWasDigit = false;
  let separatorSeen = false;
  for (const token of s.match(/[A-ZĐ]|\d+|[ .\-/]+/g) ?? []) {
    if (/^[ .\-/]+$/.test(token)) {
      separatorSeen = true;
      continue;
    }
    if (/^\d+$/.test(token)) {
      const value = Number(token);
      if (value > 999_999) throw new DisplayNumberError(display, 'a number part is above 999,999');
      if (separatorSeen && lastWasDigit) parts.push({ kind: 'number-word' });
      parts.push({ kind: 'number', value });
      lastWasDigit = true;
    } else {
      parts.push({ kind: 'letter', letter: token });
      lastWasDigit = false;
    }
    separatorSeen = false;
  }
  return parts;
}

/** The Vietnamese chunks of a displayed number ("A-012" → "a", "mười hai"). */
export function vietnameseDisplayChunks(display: string, opts: NumberWordOptions): string[] {
  return parseDisplayNumber(display).flatMap((p) => {
    switch (p.kind) {
      case 'letter':
        return [VI_LETTERS[p.letter]!];
      case 'number-word':
        return ['số'];
      case 'number':
        return vietnameseNumberChunks(p.value, opts);
    }
  });
}

/** The English chunks of a displayed number; letters are given as capitals, which voices spell. */
export function englishDisplayChunks(display: string): string[] {
  return parseDisplayNumber(display).flatMap((p) => {
    switch (p.kind) {
      case 'letter':
        return [p.letter === 'Đ' ? 'D' : p.letter];
      case 'number-word':
        return ['number'];
      case 'number':
        return englishNumberChunks(p.value);
    }
  });
}
