import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../../shared/ui/i18n-check.js';
import { translate } from '../../../shared/ui/i18n.js';
import { lookupMessages, vnDate } from '../../src/screen/lookup/lookup-messages.js';

describe('look-up screen messages', () => {
  it('every key in both languages, NFC, non-empty, same placeholders, Vietnamese with its diacritics', () => {
    expect(catalogueProblems(lookupMessages)).toEqual([]);
  });

  it('fills placeholders and prints dates the Vietnamese way', () => {
    expect(translate(lookupMessages, 'vi', 'counters', { list: '1, 2' })).toBe('Quầy số 1, 2');
    expect(translate(lookupMessages, 'en', 'wait', { n: 15 })).toBe('About 15 min wait');
    expect(vnDate('2026-12-02')).toBe('02/12/2026');
  });
});
