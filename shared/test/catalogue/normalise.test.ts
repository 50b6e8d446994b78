import { describe, expect, it } from 'vitest';
import { foldDiacritics, normaliseTerm, normaliseWords } from '../../src/catalogue/normalise.js';

/** The snippet from MiniSearch's issue #153 that the brief warns about: NFKD, then drop non-word chars. */
const nfkdSnippet = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s]/g, '')
    .toLowerCase();

describe('Vietnamese normaliser', () => {
  it('maps đ and Đ to d instead of deleting them (the NFKD snippet turns "đăng" into "ang")', () => {
    expect(normaliseWords('Đăng ký đất đai')).toEqual(['dang', 'ki', 'dat', 'dai']);
    expect(nfkdSnippet('đăng')).toBe('ang');
  });

  it('gives the same terms for composed (NFC) and decomposed (NFD) input', () => {
    const text = 'Cấp Phiếu lý lịch tư pháp số 1, hòa giải, thuỷ sản';
    expect(text.normalize('NFD')).not.toBe(text.normalize('NFC'));
    expect(normaliseWords(text.normalize('NFD'))).toEqual(normaliseWords(text.normalize('NFC')));
  });

  it('folds ký / kí / ky / ki and lý / lí together, but keeps "y tế" and "thuỷ"', () => {
    for (const v of ['ký', 'kí', 'ky', 'ki', 'KÝ']) expect(normaliseTerm(v)).toBe('ki');
    expect(normaliseTerm('lý')).toBe(normaliseTerm('lí'));
    expect(normaliseTerm('quy')).toBe(normaliseTerm('qui'));
    expect(normaliseTerm('y')).toBe('y');
    expect(normaliseTerm('thuỷ')).toBe('thuy');
  });

  it('makes old and new tone placement meet: hoà / hòa, thuỷ / thủy', () => {
    expect(normaliseTerm('hoà')).toBe(normaliseTerm('hòa'));
    expect(normaliseTerm('thuỷ')).toBe(normaliseTerm('thủy'));
    expect(foldDiacritics('Khoẻ')).toBe(foldDiacritics('Khỏe'));
  });

  it('strips every tone and vowel mark of the Vietnamese alphabet', () => {
    const marked = 'ăâêôơư áàảãạ ấầẩẫậ ắằẳẵặ éèẻẽẹ ếềểễệ íìỉĩị óòỏõọ ốồổỗộ ớờởỡợ úùủũụ ứừửữự ýỳỷỹỵ đ';
    expect(foldDiacritics(marked)).toMatch(/^[a-z ]+$/);
    expect(foldDiacritics(marked.toUpperCase())).toBe(foldDiacritics(marked));
  });

  it('splits on spaces and punctuation, and drops empty terms', () => {
    expect(normaliseWords('  Sổ   đỏ, (sổ hồng)! ')).toEqual(['so', 'do', 'so', 'hong']);
    expect(normaliseWords('000.00.19.H33-261201')).toEqual(['000', '00', '19', 'h33', '261201']);
    expect(normaliseWords(' ,;  ')).toEqual([]);
  });
});
