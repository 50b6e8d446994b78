import { describe, expect, it } from 'vitest';
import { exampleMessages } from '../../ui/example/messages.js';
import { catalogueProblems } from '../../ui/i18n-check.js';
import { defineMessages, translate } from '../../ui/i18n.js';
import { kitMessages } from '../../ui/messages.js';

describe('message catalogues', () => {
  it.each([
    ['screen kit', kitMessages],
    ['example screen', exampleMessages],
  ])('%s: every key in both languages, NFC, non-empty, Vietnamese with its diacritics', (_name, messages) => {
    expect(catalogueProblems(messages)).toEqual([]);
  });

  it('the check catches a broken catalogue', () => {
    const broken = {
      vi: { a: 'Lay so', b: 'Tie\u0302\u0301ng Vie\u0323\u0302t', c: ' ', d: 'Quầy {n}' },
      en: { a: 'Take a number', b: 'Vietnamese', c: 'x', d: 'Counter {counter}', e: 'extra' },
    } as never;
    expect(catalogueProblems(broken)).toEqual([
      'e: missing in vi',
      'vi.b: not NFC',
      'vi.c: empty',
      'd: placeholders differ (vi n, en counter)',
    ]);
    expect(catalogueProblems({ vi: { a: 'Lay so thu tu' }, en: { a: 'Take a number' } })).toEqual([
      'vi: no Vietnamese diacritics anywhere (typed without them?)',
    ]);
  });

  it('translates with placeholders, leaving unknown ones visible', () => {
    const m = defineMessages<'called'>()({
      vi: { called: 'Mời số {ticket} đến quầy {counter}' },
      en: { called: 'Number {ticket}, please go to counter {counter}' },
    });
    expect(translate(m, 'vi', 'called', { ticket: 'A012', counter: 3 })).toBe('Mời số A012 đến quầy 3');
    expect(translate(m, 'en', 'called', { ticket: 'A012' })).toBe(
      'Number A012, please go to counter {counter}',
    );
  });
});
