import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '@motcua/shared/ui/i18n-check';
import { panelMessages } from '../../src/screen/panel/messages.js';

describe('officer panel messages', () => {
  it('every key in both languages, NFC, non-empty, same placeholders, Vietnamese with its diacritics', () => {
    expect(catalogueProblems(panelMessages)).toEqual([]);
  });

  it('the check would catch a decomposed Vietnamese string', () => {
    const broken = {
      vi: { ...panelMessages.vi, next: panelMessages.vi.next.normalize('NFD') },
      en: panelMessages.en,
    };
    expect(catalogueProblems(broken)).toEqual(['vi.next: not NFC']);
  });
});
