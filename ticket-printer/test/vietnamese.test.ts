import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEscPos, decodedText } from '../src/escpos/decoder.js';
import { bitmapToPng, padBitmap, rasterToBitmap } from '../src/escpos/png.js';
import { layoutTicket } from '../src/layout.js';
import type { PaperWidth } from '../src/profiles.js';
import { encodeTicket, renderTicket } from '../src/render.js';
import { formatIssuedAt } from '../src/ticket.js';
import { PRIORITY_TICKET, VIETNAMESE_LOWER, VIETNAMESE_UPPER } from './fixtures.js';

/** Splits a string into lines of at most `n` characters (letters only, so no word wrap happens). */
function chunks(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
}

describe('Vietnamese in text mode (printer code tables), read back by decoding', () => {
  const profiles = [
    ['epson-tcvn3', 'epson'],
    ['citizen-tcvn3', 'epson'],
    ['bixolon-tcvn3', 'bixolon'],
  ] as const;
  for (const [profile, tables] of profiles) {
    for (const width of [80, 58] as const) {
      it(`${profile} ${width} mm prints all 134 Vietnamese letters exactly`, () => {
        const letters = [...chunks(VIETNAMESE_LOWER, 30), ...chunks(VIETNAMESE_UPPER, 30)];
        const bytes = renderTicket({ ...PRIORITY_TICKET, footerLines: letters }, { width, profile });
        const text = decodedText(decodeEscPos(bytes, { tables }));
        for (const line of letters) expect(text).toContain(line);
        expect(text.join('')).not.toContain('?');
      });

      it(`${profile} ${width} mm prints every ticket line exactly`, () => {
        const data = { ...PRIORITY_TICKET, areaName: 'Đất đai, Tài nguyên và Môi trường' };
        const text = decodedText(decodeEscPos(renderTicket(data, { width, profile }), { tables })).join('\n');
        for (const expected of [
          'ƯU TIÊN: Người cao tuổi',
          'Mời đến: Quầy 3, Quầy 5',
          'Trước bạn còn 7 người',
          'Dự kiến chờ: khoảng 25 phút',
          'Giờ lấy số: 21/11/2025 09:05',
          '01 Lê Lợi, Rạch Giá',
          '5 hơn, 5 biết',
          'Cảm ơn quý khách!',
          'A1025',
        ])
          expect(text).toContain(expected);
        // The centre name may wrap; joined it reads exactly.
        expect(text.replace(/\n/g, ' ')).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH KIÊN GIANG');
      });
    }
  }

  it('draws a line the code table cannot carry (en dash) as a bitmap instead of printing "?"', () => {
    const items = decodeEscPos(renderTicket(PRIORITY_TICKET, { width: 80, profile: 'epson-tcvn3' }));
    expect(decodedText(items).join('')).not.toContain('?');
    expect(decodedText(items)).not.toContain('Đất đai – Tài nguyên');
    expect(items.filter((i) => i.type === 'raster')).toHaveLength(1);
  });

  it('prints decomposed input (NFD, as some keyboards send it) the same as precomposed', () => {
    const nfd = {
      ...PRIORITY_TICKET,
      footerLines: PRIORITY_TICKET.footerLines.map((l) => l.normalize('NFD')),
    };
    const nfc = renderTicket(PRIORITY_TICKET, { width: 80, profile: 'epson-tcvn3' });
    expect(
      Buffer.from(renderTicket(nfd, { width: 80, profile: 'epson-tcvn3' })).equals(Buffer.from(nfc)),
    ).toBe(true);
  });

  it('formats the issue time in the centre time zone, not the machine one', () => {
    expect(formatIssuedAt(new Date('2025-12-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('01/01/2026 00:30');
  });
});

/**
 * Raster mode: the bitmaps are read back by OCR (Debian tesseract-ocr + tesseract-ocr-vie), one line per
 * image. OCR cannot tell an en dash from a hyphen, so dashes are compared as '-'.
 */
describe('Vietnamese in raster mode, read back by OCR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-ocr-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const ocr = (png: Buffer, name: string): string => {
    const file = join(dir, `${name}.png`);
    writeFileSync(file, png);
    return execFileSync('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '7'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  };
  const dash = (s: string): string => s.replace(/[–—]/g, '-');

  const expectations: Record<PaperWidth, string[]> = {
    80: [
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH',
      'CÔNG TỈNH KIÊN GIANG',
      '01 Lê Lợi, Rạch Giá',
      'Đất đai – Tài nguyên',
      'ƯU TIÊN: Người cao tuổi',
      'Mời đến: Quầy 3, Quầy 5',
      'Trước bạn còn 7 người',
      'Dự kiến chờ: khoảng 25 phút',
      'Giờ lấy số: 21/11/2025 09:05',
      '5 hơn, 5 biết',
      'Cảm ơn quý khách!',
    ],
    58: [
      'TRUNG TÂM PHỤC VỤ HÀNH',
      'CHÍNH CÔNG TỈNH KIÊN',
      'GIANG',
      '01 Lê Lợi, Rạch Giá',
      'Đất đai – Tài nguyên',
      'ƯU TIÊN: Người cao tuổi',
      'Mời đến: Quầy 3, Quầy 5',
      'Trước bạn còn 7 người',
      'Dự kiến chờ: khoảng 25 phút',
      'Giờ lấy số: 21/11/2025 09:05',
      '5 hơn, 5 biết',
      'Cảm ơn quý khách!',
    ],
  };

  for (const width of [80, 58] as const) {
    it(`${width} mm: every drawn line reads back exactly`, () => {
      const items = decodeEscPos(encodeTicket(layoutTicket(PRIORITY_TICKET, { width, profile: 'raster' })));
      const rasters = items.filter((i) => i.type === 'raster');
      const read = rasters.map((r, i) => ocr(bitmapToPng(padBitmap(rasterToBitmap(r), 16)), `${width}-${i}`));
      expect(read.map(dash)).toEqual(expectations[width].map(dash));
      // The number is printer-font ASCII in every profile.
      expect(decodedText(items)).toContain('A1025');
    });
  }
});
