import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedItem } from '../src/escpos/decoder.js';
import { layoutTicket } from '../src/layout.js';
import { PROFILES, type PaperWidth, type ProfileName } from '../src/profiles.js';
import { encodeTicket } from '../src/render.js';
import { PLAIN_TICKET, PRIORITY_TICKET } from './fixtures.js';

/**
 * Golden decodes: what the printer would print for every layout and profile, as readable JSON under
 * test/golden/. Text is compared as decoded characters; raster images by size, number of black dots and a
 * hash of their pixels, so one dot changed fails (their letters are also read by OCR in vietnamese.test.ts).
 *
 * A test run never writes a golden file: a missing or different file fails. After a deliberate change of
 * the layout, rewrite them with `npm run golden:update` (UPDATE_GOLDEN=1) from the repository root and review
 * the diff before committing.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(actual: string, name: string): void {
  const file = fileURLToPath(new URL(`golden/${name}`, import.meta.url));
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(
      `golden file ${name} is missing: run UPDATE_GOLDEN=1 (npm run golden:update) and review it`,
    );
  expect(actual, `golden/${name} (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`).toBe(
    readFileSync(file, 'utf8'),
  );
}

function blackDots(bits: Uint8Array): number {
  let n = 0;
  for (const b of bits) for (let v = b; v !== 0; v &= v - 1) n++;
  return n;
}

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
        return [
          `raster ${i.width}x${i.height} dots ${blackDots(i.bits)} sha256 ${createHash('sha256').update(i.bits).digest('hex').slice(0, 16)}`,
        ];
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
        it(`${profile} ${width} mm ${name} ticket`, () => {
          const items = decodeEscPos(encodeTicket(layoutTicket(data, { width, profile })), {
            tables: profile === 'bixolon-tcvn3' ? 'bixolon' : 'epson',
          });
          const golden = summarize(items)
            .map((l) => JSON.stringify(l))
            .join('\n');
          expectGolden(`${golden}\n`, `${profile}-${width}-${name}.txt`);
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

  it.skipIf(UPDATE)('a missing golden file fails the run and is not written', () => {
    const name = 'no-such-ticket.txt';
    expect(() => expectGolden('anything\n', name)).toThrow(/missing/);
    expect(existsSync(fileURLToPath(new URL(`golden/${name}`, import.meta.url)))).toBe(false);
  });

  it('one dot changed in a raster image changes the golden line', () => {
    const items = decodeEscPos(encodeTicket(layoutTicket(PLAIN_TICKET, { width: 80, profile: 'raster' })));
    const before = JSON.stringify(summarize(items));
    const image = items.find((i) => i.type === 'raster');
    if (image?.type !== 'raster') throw new Error('the raster ticket has no image');
    image.bits[Math.floor(image.bits.length / 2)]! ^= 0x10;
    expect(JSON.stringify(summarize(items))).not.toBe(before);
  });

  it('refuses a paper width it has no layout for', () => {
    expect(() => layoutTicket(PLAIN_TICKET, { width: 76 as PaperWidth, profile: 'raster' })).toThrow(
      /80 or 58/,
    );
  });
});
