/**
 * What citizens type at a look-up terminal, as the benchmark replays it: each query one character at a
 * time, as search-as-you-type sees it. Pure, so the Chromium benchmark replays the same keystrokes.
 */
export const CITIZEN_QUERIES = [
  'khai sinh',
  'khai sihn',
  'dang ky ket hon',
  'đăng ký khai tử',
  'so do',
  'sổ hồng',
  'bang lai',
  'cap doi bang lai xe',
  'ly lich tu phap',
  'chung thuc ban sao',
  'ho kinh doanh',
  'giay phep xay dung nha o',
  'lam giay khai sinh cho con',
  'ho chieu',
  'cccd',
  'thanh lap cong ty',
  'hòa giải',
  'tach thua',
] as const;

/** Every prefix of every query: "k", "kh", "kha", ... (spaces included, as the keyboard sends them). */
export function typingSequence(queries: readonly string[] = CITIZEN_QUERIES): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}
