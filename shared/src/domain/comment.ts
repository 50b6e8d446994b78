/**
 * The free-text comment a citizen may leave with a rating. It is typed on a public tablet, so it is cleaned
 * before it is stored: control characters (C0, DEL, C1) and the bidirectional-override characters (which could
 * make a comment read differently on the supervisor's screen than it was typed) are removed, runs of white
 * space become one space, the text is NFC (one code point per Vietnamese letter, so equal comments compare
 * equal), and it is bounded. Pure: the screen, the rating pad, the hub and the event schema share it.
 */
export const RATING_COMMENT_MAX = 500;

// \p{Cc}: C0 controls, DEL and C1 controls; U+202A–U+202E and U+2066–U+2069: bidi embeddings and isolates;
// U+200E/U+200F: direction marks; U+2028/U+2029: line and paragraph separators.
const STRIPPED = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/** The comment as it is stored: cleaned as described above; may be longer than the bound (check it). */
export function cleanComment(raw: string): string {
  return raw.normalize('NFC').replace(STRIPPED, ' ').replace(/\s+/gu, ' ').trim();
}

/** Length in code points (letters, for NFC Vietnamese), the unit of the bound. */
export function commentLength(s: string): number {
  return Array.from(s).length;
}

/** True when `s` is exactly what `cleanComment` gives, non-empty and within the bound: what events may carry. */
export function isStorableComment(s: string): boolean {
  return s !== '' && s === cleanComment(s) && commentLength(s) <= RATING_COMMENT_MAX;
}
