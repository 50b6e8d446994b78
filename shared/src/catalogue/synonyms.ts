/**
 * What citizens call procedures, mapped to words of the official names. A procedure whose name contains one
 * of the `official` phrases is indexed with the `citizen` phrase too, so "sổ đỏ" finds the land-use
 * certificate and "cấp đổi bằng lái" finds "Cấp đổi Giấy phép lái xe" with an ordinary AND search.
 * Matching is on normalised words, so diacritics and ký/kí do not matter here. Pure.
 */
import { normaliseWords } from './normalise.js';

export interface Synonym {
  readonly citizen: string;
  readonly official: readonly string[];
}

export const CITIZEN_SYNONYMS: readonly Synonym[] = [
  {
    citizen: 'sổ đỏ',
    official: ['giấy chứng nhận quyền sử dụng đất', 'quyền sử dụng đất', 'đăng ký đất đai'],
  },
  {
    citizen: 'sổ hồng',
    official: ['quyền sở hữu nhà ở', 'tài sản gắn liền với đất', 'giấy chứng nhận quyền sử dụng đất'],
  },
  { citizen: 'sang tên', official: ['chuyển nhượng', 'tặng cho', 'thừa kế quyền sử dụng đất'] },
  { citizen: 'bằng lái xe', official: ['giấy phép lái xe'] },
  { citizen: 'lý lịch', official: ['lý lịch tư pháp'] },
  { citizen: 'giấy khai sinh', official: ['khai sinh'] },
  { citizen: 'giấy chứng tử giấy báo tử', official: ['khai tử'] },
  { citizen: 'giấy đăng ký kết hôn giấy chứng nhận kết hôn', official: ['kết hôn'] },
  { citizen: 'giấy xác nhận độc thân', official: ['tình trạng hôn nhân'] },
  {
    citizen: 'CCCD CMND căn cước công dân chứng minh nhân dân',
    official: ['thẻ căn cước', 'căn cước'],
  },
  { citizen: 'passport', official: ['hộ chiếu'] },
  { citizen: 'hộ khẩu', official: ['thường trú', 'tạm trú'] },
  {
    citizen: 'giấy phép kinh doanh mở công ty',
    official: ['đăng ký thành lập', 'hộ kinh doanh', 'đăng ký doanh nghiệp'],
  },
  { citizen: 'công chứng sao y photo', official: ['chứng thực bản sao'] },
  { citizen: 'công chứng', official: ['chứng thực'] },
  { citizen: 'xin phép xây nhà', official: ['giấy phép xây dựng'] },
  { citizen: 'bằng tốt nghiệp', official: ['văn bằng'] },
  { citizen: 'vệ sinh thực phẩm', official: ['an toàn thực phẩm'] },
  { citizen: 'con nuôi', official: ['nuôi con nuôi'] },
  { citizen: 'thất nghiệp', official: ['bảo hiểm thất nghiệp', 'trợ cấp thất nghiệp'] },
  { citizen: 'work permit', official: ['giấy phép lao động'] },
  { citizen: 'thương binh liệt sĩ', official: ['người có công'] },
];

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Prepared once per index: each synonym's official phrases as normalised word runs. */
export function prepareSynonyms(list: readonly Synonym[] = CITIZEN_SYNONYMS): (name: string) => string[] {
  const prepared = list.map((s) => ({ citizen: s.citizen, runs: s.official.map((o) => normaliseWords(o)) }));
  return (name) => {
    const words = normaliseWords(name);
    return prepared.filter((s) => s.runs.some((r) => containsRun(words, r))).map((s) => s.citizen);
  };
}
