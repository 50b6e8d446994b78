import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '@motcua/shared/ui/i18n-check';
import { kioskMessages } from '../../src/screen/messages.js';

describe('kiosk screen messages', () => {
  it('every key in both languages, NFC, non-empty, same placeholders, Vietnamese with its diacritics', () => {
    expect(catalogueProblems(kioskMessages)).toEqual([]);
  });

  it('the check would catch a decomposed Vietnamese string', () => {
    const broken = {
      vi: { ...kioskMessages.vi, title: kioskMessages.vi.title.normalize('NFD') },
      en: kioskMessages.en,
    };
    expect(catalogueProblems(broken)).toEqual(['vi.title: not NFC']);
  });
});
