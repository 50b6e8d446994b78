import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { ensureFonts, PREVIEW_MONO_FAMILY } from '../raster.js';
import type { DecodedItem, QrErrorLevel } from './decoder.js';

/** A black-and-white picture: 1 = black. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly dots: Uint8Array;
}

export function rasterToBitmap(item: { width: number; height: number; bits: Uint8Array }): Bitmap {
  const dots = new Uint8Array(item.width * item.height);
  const rowBytes = item.width / 8;
  for (let y = 0; y < item.height; y++)
    for (let x = 0; x < item.width; x++)
      dots[y * item.width + x] = ((item.bits[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
  return { width: item.width, height: item.height, dots };
}

/**
 * The QR symbol a printer draws for a GS ( k payload. This is our model of the printer's QR generator
 * (the `qrcode` package with the same model-2 error level and module size), not the printer's own output.
 */
export function nativeQrToBitmap(payload: string, moduleSize: number, errorLevel: QrErrorLevel): Bitmap {
  const qr = QRCode.create(payload, { errorCorrectionLevel: errorLevel });
  const n = qr.modules.size;
  const side = (n + 8) * moduleSize;
  const dots = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / moduleSize) - 4;
      const my = Math.floor(y / moduleSize) - 4;
      if (mx >= 0 && my >= 0 && mx < n && my < n) dots[y * side + x] = qr.modules.data[my * n + mx] ?? 0;
    }
  }
  return { width: side, height: side, dots };
}

/** RGBA pixels (white paper, black dots), scaled by an integer factor; the form jsqr and PNG want. */
export function bitmapToRgba(
  bitmap: Bitmap,
  scale = 1,
): { width: number; height: number; data: Uint8ClampedArray } {
  const width = bitmap.width * scale;
  const height = bitmap.height * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = bitmap.dots[Math.floor(y / scale) * bitmap.width + Math.floor(x / scale)] === 1 ? 0 : 255;
      const o = (y * width + x) * 4;
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  return { width, height, data };
}

export function bitmapToPng(bitmap: Bitmap, scale = 1): Buffer {
  const rgba = bitmapToRgba(bitmap, scale);
  const png = new PNG({ width: rgba.width, height: rgba.height });
  png.data = Buffer.from(rgba.data.buffer, rgba.data.byteOffset, rgba.data.byteLength);
  return PNG.sync.write(png);
}

/** Adds a white border (for OCR and QR readers, which want a margin around the ink). */
export function padBitmap(bitmap: Bitmap, margin: number): Bitmap {
  const width = bitmap.width + 2 * margin;
  const height = bitmap.height + 2 * margin;
  const dots = new Uint8Array(width * height);
  for (let y = 0; y < bitmap.height; y++)
    dots.set(bitmap.dots.subarray(y * bitmap.width, (y + 1) * bitmap.width), (y + margin) * width + margin);
  return { width, height, dots };
}

const FONT_A = { width: 12, height: 24, lineDots: 30 };

/**
 * A picture of the whole printed ticket, `paperDots` wide. Raster images and QR codes are drawn dot for
 * dot; printer-font text is an approximation (DejaVu Sans Mono in font A's 12×24 cell, magnified).
 */
export function renderPreview(items: readonly DecodedItem[], paperDots: number): Buffer {
  type Op = { height: number; draw: (ctx: import('@napi-rs/canvas').SKRSContext2D, y: number) => void };
  const ops: Op[] = [];
  const blit = (bm: Bitmap, align: string): Op => ({
    height: bm.height,
    draw: (ctx, y) => {
      const x0 =
        align === 'center'
          ? Math.floor((paperDots - bm.width) / 2)
          : align === 'right'
            ? paperDots - bm.width
            : 0;
      ctx.fillStyle = '#000';
      for (let yy = 0; yy < bm.height; yy++)
        for (let xx = 0; xx < bm.width; xx++)
          if (bm.dots[yy * bm.width + xx] === 1) ctx.fillRect(x0 + xx, y + yy, 1, 1);
    },
  });
  for (const item of items) {
    switch (item.type) {
      case 'text': {
        const hMag = Math.max(1, ...item.segments.map((s) => s.heightMag));
        ops.push({
          height: Math.max(FONT_A.lineDots, FONT_A.height * hMag + 6),
          draw: (ctx, y) => {
            let cells = 0;
            for (const s of item.segments) cells += Array.from(s.text).length * s.widthMag;
            let x = item.align === 'center' ? Math.floor((paperDots - cells * FONT_A.width) / 2) : 0;
            if (item.align === 'right') x = paperDots - cells * FONT_A.width;
            for (const s of item.segments) {
              ctx.save();
              ctx.font = `${s.bold ? 'bold ' : ''}20px "${PREVIEW_MONO_FAMILY}"`;
              ctx.fillStyle = '#000';
              ctx.translate(x, y + FONT_A.height * hMag - 5 * s.heightMag);
              ctx.scale(s.widthMag, s.heightMag);
              let cx = 0;
              for (const ch of s.text) {
                ctx.fillText(ch, cx, 0);
                cx += FONT_A.width;
              }
              ctx.restore();
              x += Array.from(s.text).length * FONT_A.width * s.widthMag;
            }
          },
        });
        break;
      }
      case 'raster':
        ops.push(blit(rasterToBitmap(item), item.align));
        break;
      case 'qr':
        ops.push(blit(nativeQrToBitmap(item.payload, item.moduleSize, item.errorLevel), item.align));
        break;
      case 'feed':
        ops.push({ height: item.dots, draw: () => undefined });
        break;
      case 'cut':
        ops.push({
          height: 12,
          draw: (ctx, y) => {
            ctx.fillStyle = '#888';
            for (let x = 0; x < paperDots; x += 12) ctx.fillRect(x, y + 6, 6, 1);
          },
        });
        break;
      case 'initialize':
      case 'status-request':
        break;
    }
  }
  ensureFonts();
  const height = Math.max(
    1,
    ops.reduce((h, o) => h + o.height, 0),
  );
  const canvas = createCanvas(paperDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, paperDots, height);
  let y = 0;
  for (const op of ops) {
    op.draw(ctx, y);
    y += op.height;
  }
  return canvas.toBuffer('image/png');
}
