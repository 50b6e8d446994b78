import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedItem } from '../src/escpos/decoder.js';
import { layoutTicket } from '../src/layout.js';
import { PROFILES, type PaperWidth, type ProfileName } from '../src/profiles.js';
import { encodeTicket } from '../src/render.js';
import { PLAIN_TICKET, PRIORITY_TICKET } from './fixtures.js';

/**
 * Golden decodes: what the printer would print for every layout and profile, as readable JSON under
 * test/golden/. Text is compared as decoded characters; raster images by size and position (their
 * letters are checked by OCR in vietnamese.test.ts).
 */
function summarize(items: readonly DecodedItem[]): unknown[] {
  return items.flatMap((i): unknown[] => {
    switch (i.type) {
      case 'text':
        if (i.text.trim() === '') return [];
        return [
          {
            text: i.text.trim(),
            ...(i.segments.some((s) => s.widthMag > 1 || s.heightMag > 1)
              ? {
                  size: `${Math.max(...i.segments.map((s) => s.widthMag))}x${Math.max(...i.segments.map((s) => s.heightMag))}`,
                }
              : {}),
            ...(i.segments.some((s) => s.text.trim() !== '' && s.bold) ? { bold: true } : {}),
            tables: [...new Set(i.segments.filter((s) => s.text.trim() !== '').map((s) => s.table))],
          },
        ];
      case 'raster':
        return [`raster ${i.width}x${i.height}`];
      case 'qr':
        return [{ qr: i.payload, moduleSize: i.moduleSize, errorLevel: i.errorLevel, align: i.align }];
      case 'cut':
        return [i.partial ? 'partial cut' : 'full cut'];
      case 'feed':
      case 'initialize':
      case 'status-request':
        return [];
    }
  });
}

const widths: PaperWidth[] = [80, 58];
const tickets = { priority: PRIORITY_TICKET, plain: PLAIN_TICKET };

describe('golden decodes', () => {
  for (const profile of Object.keys(PROFILES) as ProfileName[]) {
    for (const width of widths) {
      for (const [name, data] of Object.entries(tickets)) {
        it(`${profile} ${width} mm ${name} ticket`, async () => {
          const items = decodeEscPos(encodeTicket(layoutTicket(data, { width, profile })), {
            tables: profile === 'bixolon-tcvn3' ? 'bixolon' : 'epson',
          });
          const golden = summarize(items)
            .map((l) => JSON.stringify(l))
            .join('\n');
          await expect(`${golden}\n`).toMatchFileSnapshot(`golden/${profile}-${width}-${name}.txt`);
        });
      }
    }
  }

  it('prints the counter copy after the citizen copy, each with its label and cut', () => {
    const items = decodeEscPos(
      encodeTicket(layoutTicket(PRIORITY_TICKET, { width: 80, profile: 'epson-tcvn3', copies: 2 })),
    );
    const lines = summarize(items);
    const cuts = lines.filter((l) => l === 'partial cut');
    expect(cuts).toHaveLength(2);
    const texts = items.flatMap((i) => (i.type === 'text' ? [i.text.trim()] : []));
    expect(texts).toContain('Liên 1: Công dân giữ');
    expect(texts).toContain('Liên 2: Lưu tại quầy');
    expect(texts.filter((t) => t === 'A1025')).toHaveLength(2);
  });

  it('refuses a paper width it has no layout for', () => {
    expect(() => layoutTicket(PLAIN_TICKET, { width: 76 as PaperWidth, profile: 'raster' })).toThrow(
      /80 or 58/,
    );
  });
});
