/**
 * A larger catalogue made from a real one, for benchmarks: the procedures repeated with qualifiers that
 * real catalogues use to tell variants apart, so the vocabulary and name lengths stay realistic. Pure and
 * deterministic (same input, same output), so Node and Chromium figures measure the same thing.
 */
import type { Catalogue } from './schema.js';

const QUALIFIERS = [
  'đối với tổ chức',
  'đối với hộ gia đình, cá nhân',
  'trường hợp nộp hồ sơ trực tuyến',
  'trường hợp nộp qua dịch vụ bưu chính',
  'có yếu tố nước ngoài',
  'thực hiện tại cấp huyện',
  'thực hiện tại cấp xã',
  'liên thông với cơ quan thuế',
  'đối với người Việt Nam định cư ở nước ngoài',
  'trong khu công nghiệp, khu kinh tế',
  'trường hợp có thay đổi thông tin',
  'đối với doanh nghiệp nhỏ và vừa',
];

export function scaleCatalogue(catalogue: Catalogue, n: number): Catalogue {
  const base = catalogue.procedures;
  if (base.length === 0 || n <= base.length)
    return { ...catalogue, procedures: base.slice(0, Math.max(0, n)) };
  const procedures = [...base];
  for (let k = 0; procedures.length < n; k++) {
    const p = base[k % base.length]!;
    const round = Math.floor(k / base.length);
    const q = QUALIFIERS[(k * 7 + round) % QUALIFIERS.length]!;
    const q2 = round > 0 ? `, ${QUALIFIERS[(k * 5 + round * 3 + 1) % QUALIFIERS.length]!}` : '';
    const serial = base.length + k;
    procedures.push({
      ...p,
      id: `${p.id.slice(0, 50)}-x${serial}`,
      code: `9.${String(serial).padStart(6, '0')}`,
      name: `${p.name} ${q}${q2}`,
    });
  }
  return { ...catalogue, procedures };
}
