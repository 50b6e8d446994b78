/**
 * What citizens call procedures, mapped to words of the official names. A procedure whose name contains one
 * of the `official` phrases is indexed with the `citizen` phrase too, so "sổ đỏ" finds the land-use
 * certificate and "cấp đổi bằng lái" finds "Cấp đổi Giấy phép lái xe" with an ordinary AND search.
 * Matching is on normalised words, so diacritics and ký/kí do not matter here. Pure.
 */
import { normaliseTerm, normaliseWords, type TermNormaliser } from './normalise.js';

export interface Synonym {
  /** Phrases citizens use, any of which stands for the procedures below. */
  readonly citizen: readonly string[];
  /** Phrases of official names; a procedure whose name contains one gets the citizen phrases. */
  readonly official: readonly string[];
}

export const CITIZEN_SYNONYMS: readonly Synonym[] = [
  {
    citizen: ['sổ đỏ'],
    official: ['giấy chứng nhận quyền sử dụng đất', 'quyền sử dụng đất', 'đăng ký đất đai'],
  },
  {
    citizen: ['sổ hồng'],
    official: ['quyền sở hữu nhà ở', 'tài sản gắn liền với đất', 'giấy chứng nhận quyền sử dụng đất'],
  },
  { citizen: ['sang tên'], official: ['chuyển nhượng', 'tặng cho', 'thừa kế quyền sử dụng đất'] },
  { citizen: ['bằng lái', 'bằng lái xe'], official: ['giấy phép lái xe'] },
  { citizen: ['lý lịch'], official: ['lý lịch tư pháp'] },
  { citizen: ['giấy khai sinh'], official: ['khai sinh'] },
  { citizen: ['giấy chứng tử', 'giấy báo tử'], official: ['khai tử'] },
  { citizen: ['giấy đăng ký kết hôn', 'giấy chứng nhận kết hôn', 'giấy kết hôn'], official: ['kết hôn'] },
  { citizen: ['giấy xác nhận độc thân', 'giấy độc thân'], official: ['tình trạng hôn nhân'] },
  {
    citizen: ['CCCD', 'CMND', 'căn cước công dân', 'chứng minh nhân dân', 'chứng minh thư'],
    official: ['thẻ căn cước', 'căn cước'],
  },
  { citizen: ['passport'], official: ['hộ chiếu'] },
  { citizen: ['hộ khẩu', 'sổ hộ khẩu'], official: ['thường trú', 'tạm trú', 'cư trú'] },
  {
    citizen: ['giấy phép kinh doanh', 'mở công ty'],
    official: ['đăng ký thành lập', 'hộ kinh doanh', 'giấy chứng nhận đăng ký doanh nghiệp'],
  },
  { citizen: ['sao y', 'photo công chứng'], official: ['chứng thực bản sao'] },
  { citizen: ['công chứng'], official: ['chứng thực'] },
  { citizen: ['xin phép xây nhà'], official: ['giấy phép xây dựng'] },
  { citizen: ['bằng tốt nghiệp'], official: ['văn bằng'] },
  { citizen: ['vệ sinh thực phẩm'], official: ['an toàn thực phẩm'] },
  { citizen: ['con nuôi'], official: ['nuôi con nuôi'] },
  { citizen: ['thất nghiệp'], official: ['bảo hiểm thất nghiệp', 'trợ cấp thất nghiệp'] },
  { citizen: ['work permit'], official: ['giấy phép lao động'] },
  { citizen: ['thương binh', 'liệt sĩ'], official: ['người có công'] },
  { citizen: ['BHXH'], official: ['bảo hiểm xã hội'] },
  { citizen: ['BHYT'], official: ['bảo hiểm y tế'] },
];

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A multi-word citizen phrase also becomes one joined term ("so do" → "sodo"), indexed with the procedures
 * it stands for and added to a query that contains the phrase. Without it "sổ hồng" would rank "sổ bảo
 * hiểm ... mất, hỏng" first: without diacritics both are "so ... hong".
 */
export const joinPhrase = (words: readonly string[]): string => words.join('');

export interface PreparedSynonyms {
  /** Citizen phrases and their joined terms for a procedure, from its name and its own short names. */
  aliasesFor(name: string, shortNames: readonly string[]): string[];
  /** Joined terms of the citizen phrases found, word for word, in normalised query terms. */
  phrasesIn(terms: readonly string[]): string[];
}

export function prepareSynonyms(
  list: readonly Synonym[] = CITIZEN_SYNONYMS,
  normalise: TermNormaliser = normaliseTerm,
): PreparedSynonyms {
  const prepared = list.map((s) => ({
    citizen: s.citizen.map((c) => ({ text: c, words: normaliseWords(c) })),
    official: s.official.map((o) => normaliseWords(o)),
  }));
  const multiWord = prepared.flatMap((s) => s.citizen.filter((c) => c.words.length > 1).map((c) => c.words));
  return {
    aliasesFor(name, shortNames) {
      const words = normaliseWords(name, normalise);
      const own = shortNames.map((n) => normaliseWords(n, normalise));
      const out: string[] = [];
      for (const s of prepared) {
        const byName = s.official.some((r) => containsRun(words, r));
        for (const c of s.citizen) {
          if (byName || own.some((w) => containsRun(w, c.words))) {
            out.push(c.text);
            if (c.words.length > 1) out.push(joinPhrase(c.words));
          }
        }
      }
      return out;
    },
    phrasesIn(terms) {
      return multiWord.filter((w) => containsRun(terms, w)).map(joinPhrase);
    },
  };
}
