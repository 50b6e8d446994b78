import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TONES, composeVietnamese, type Tone } from '../../ui/compose.js';

const type = (start: string, ...keys: string[]): string => keys.reduce(composeVietnamese, start);
/** Expected strings are built from combining marks so this file's own encoding cannot hide a mistake. */
const nfc = (s: string): string => s.normalize('NFC');

describe('composeVietnamese', () => {
  it.each<[string, Tone, string]>([
    ['viêt', 'nang', 'vie\u0302\u0323t'],
    ['Nguyên', 'nga', 'Nguye\u0302\u0303n'],
    ['hoa', 'huyen', 'ho\u0300a'],
    ['hoang', 'huyen', 'hoa\u0300ng'],
    ['ngươi', 'huyen', 'ngươ\u0300i'],
    ['ngoai', 'huyen', 'ngoa\u0300i'],
    ['qua', 'hoi', 'qua\u0309'],
    ['gia', 'huyen', 'gia\u0300'],
    ['gi', 'huyen', 'gi\u0300'],
    ['đăng', 'sac', 'đă\u0301ng'],
    ['thuy', 'hoi', 'thu\u0309y'],
    ['huynh', 'huyen', 'huy\u0300nh'],
    ['HOA', 'huyen', 'HO\u0300A'],
    ['giây khai sinh', 'sac', 'giây khai si\u0301nh'],
    ['lich', 'nang', 'li\u0323ch'],
    ['so', 'hoi', 'so\u0309'],
  ])('%s + %s → %s', (text, tone, want) => {
    expect(composeVietnamese(text, TONES[tone])).toBe(nfc(want));
  });

  it('replaces a tone already on the word, and takes it off when pressed again', () => {
    expect(type('việt', TONES.sac)).toBe(nfc('vie\u0302\u0301t'));
    expect(type('viết', TONES.sac)).toBe('viêt');
    expect(type('hòa', TONES.nga)).toBe(nfc('ho\u0303a'));
  });

  it('leaves text without a word to tone as it is', () => {
    expect(type('', TONES.sac)).toBe('');
    expect(type('xin ', TONES.sac)).toBe('xin ');
    expect(type('str', TONES.sac)).toBe('str');
    expect(type('12', TONES.nang)).toBe('12');
  });

  it('appends letters, including the modified ones, and spells a whole phrase', () => {
    expect(type('', 'đ', 'ă', 'n', 'g', TONES.sac)).toBe(nfc('đă\u0301ng'));
    expect(type('', 'đ', 'ă', 'n', 'g', ' ', 'k', 'y', TONES.sac, ' ', 'k', 'ê', 't', TONES.sac)).toBe(
      nfc('đăng ky\u0301 ke\u0302\u0301t'),
    );
  });

  it('always returns NFC with at most one tone in the last word', () => {
    const key = fc.constantFrom(...'aăâeêioôơuưydđghknqt '.split(''), ...Object.values(TONES));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 20 }), (keys) => {
        const out = type('', ...keys);
        expect(out).toBe(out.normalize('NFC'));
        const last = out.split(' ').at(-1) ?? '';
        expect(
          last.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0,
        ).toBeLessThanOrEqual(1);
      }),
    );
  });
});
