import jsQR from 'jsqr';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../src/escpos/decoder.js';
import {
  bitmapToRgba,
  nativeQrToBitmap,
  padBitmap,
  rasterToBitmap,
  renderPreview,
} from '../src/escpos/png.js';
import { renderTicket } from '../src/render.js';
import { PLAIN_TICKET, PRIORITY_TICKET } from './fixtures.js';

function readQr(rgba: { width: number; height: number; data: Uint8ClampedArray }): string | undefined {
  return jsQR(rgba.data, rgba.width, rgba.height)?.data;
}

describe('QR code read back', () => {
  for (const width of [80, 58] as const) {
    for (const data of [PRIORITY_TICKET, PLAIN_TICKET]) {
      it(`raster-qr-image ${width} mm: the printed pixels decode to "${data.qrPayload}"`, () => {
        // This profile draws the QR itself, so what jsQR reads is exactly the dots sent to the printer.
        const items = decodeEscPos(renderTicket(data, { width, profile: 'raster-qr-image' }));
        const found = items
          .filter((i) => i.type === 'raster')
          .map((r) => readQr(bitmapToRgba(padBitmap(rasterToBitmap(r), 32))))
          .filter((p) => p !== undefined);
        expect(found).toEqual([data.qrPayload]);
      });

      it(`raster ${width} mm: GS ( k carries "${data.qrPayload}" and its modelled symbol decodes`, () => {
        // Native QR: the printer draws the symbol. We check the payload in the command, and that a symbol
        // built with the same parameters (our model of the printer, not the printer) reads back.
        const items = decodeEscPos(renderTicket(data, { width, profile: 'raster' }));
        const qrs = items.filter((i) => i.type === 'qr');
        expect(qrs.map((q) => q.payload)).toEqual([data.qrPayload]);
        const q = qrs[0]!;
        expect(q.errorLevel).toBe('M');
        expect(readQr(bitmapToRgba(nativeQrToBitmap(q.payload, q.moduleSize, q.errorLevel)))).toBe(
          data.qrPayload,
        );
      });
    }
  }

  it('the --png preview of a whole ticket shows a readable QR code', async () => {
    const items = decodeEscPos(renderTicket(PRIORITY_TICKET, { width: 80, profile: 'raster' }));
    const image = await loadImage(renderPreview(items, 576));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height);
    expect(readQr({ width: pixels.width, height: pixels.height, data: pixels.data })).toBe(
      PRIORITY_TICKET.qrPayload,
    );
  });
});
