import { describe, expect, it } from 'vitest';
import { DecodeError, decodeEscPos, decodedText } from '../src/escpos/decoder.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('strict ESC/POS decoder', () => {
  it('decodes text per code table: TCVN-3 (30) and TCVN-3 capitals (31)', () => {
    // "tâm" in table 30 is 74 A9 6D; "Ư" in table 31 is AD (the capital at the lowercase ư position).
    const items = decodeEscPos(
      bytes([0x1b, 0x40, 0x1b, 0x74, 30, 0x74, 0xa9, 0x6d, 0x0a, 0x1b, 0x74, 31, 0xad, 0x0a]),
    );
    expect(decodedText(items)).toEqual(['tâm', 'Ư']);
  });

  it('uses the Bixolon numbering when asked (49/50)', () => {
    expect(decodedText(decodeEscPos(bytes([0x1b, 0x74, 49, 0xa9, 0x0a]), { tables: 'bixolon' }))).toEqual([
      'â',
    ]);
    expect(() => decodeEscPos(bytes([0x1b, 0x74, 49]))).toThrow(DecodeError);
  });

  it('reports size, bold and alignment of printer-font text', () => {
    const [item] = decodeEscPos(bytes([0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x55], 'A1', [0x0a]));
    expect(item).toMatchObject({ type: 'text', text: 'A1', align: 'center' });
    if (item?.type !== 'text') throw new Error('unreachable');
    expect(item.segments[0]).toMatchObject({ bold: true, widthMag: 6, heightMag: 6 });
  });

  it('decodes raster images, QR codes, feeds and cuts', () => {
    const qrData = [...Buffer.from('t-1')];
    const items = decodeEscPos(
      bytes(
        [0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff, 0x81],
        [0x1b, 0x4a, 20],
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31],
        [0x1d, 0x28, 0x6b, qrData.length + 3, 0, 0x31, 0x50, 0x30, ...qrData],
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
        [0x1d, 0x56, 0x01],
      ),
    );
    expect(items).toEqual([
      { type: 'raster', width: 8, height: 2, bits: Uint8Array.of(0xff, 0x81), align: 'left' },
      { type: 'feed', dots: 20 },
      { type: 'qr', payload: 't-1', model: 2, moduleSize: 6, errorLevel: 'M', align: 'left' },
      { type: 'cut', partial: true },
    ]);
  });

  it.each([
    ['an unknown ESC command', [0x1b, 0x7e, 1], /Unknown command ESC 0x7e at byte offset 0/],
    ['an unknown GS command', [0x41, 0x1d, 0x99], /Unknown command GS 0x99 at byte offset 1/],
    ['a stray control byte', [0x07], /Unknown control byte 0x07/],
    ['a truncated raster image', [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 1, 2], /Truncated GS v 0 image data/],
    ['a byte outside TCVN-3', [0x1b, 0x74, 30, 0x80], /has no character in table 30/],
    ['a table it does not know', [0x1b, 0x74, 16], /ESC t 16/],
    [
      'an image in the middle of a text line',
      [0x41, 0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0],
      /inside an unterminated text line/,
    ],
    ['a PDF417 symbol', [0x1d, 0x28, 0x6b, 3, 0, 0x30, 0x41, 0], /not a QR code/],
  ])('rejects %s', (_name, input, message) => {
    expect(() => decodeEscPos(Uint8Array.from(input))).toThrow(message);
  });

  it('keeps text that was never terminated, marked as such', () => {
    expect(decodeEscPos(bytes('abc'))).toMatchObject([{ type: 'text', text: 'abc', terminated: false }]);
  });
});
