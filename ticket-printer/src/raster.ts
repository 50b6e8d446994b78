import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type QRCodeModule from 'qrcode';

/**
 * Text drawn as bitmaps with a bundled font (DejaVu Sans, from the `dejavu-fonts-ttf` package), so that
 * Vietnamese prints right on printers without a Vietnamese code table.
 *
 * Bytes cost paper-feed time on a 9600-baud serial link, so each line is cropped to its ink: left-aligned
 * lines stop at the last dark column, every line keeps only the rows with ink and the blank rows are
 * paper feed (ESC J) instead of white pixels. Centred lines are padded on the left inside the bitmap
 * rather than relying on ESC a, which clones do not all apply to raster images.
 */
export const RASTER_FONT_FAMILY = 'MotCua Sans';
/** Used only to preview printer-font text (font A is a 12×24 cell; DejaVu Sans Mono at 20 px advances 12). */
export const PREVIEW_MONO_FAMILY = 'MotCua Mono';
const require = createRequire(import.meta.url);
let fontsRegistered = false;

export function ensureFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), RASTER_FONT_FAMILY);
  GlobalFonts.registerFromPath(
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    RASTER_FONT_FAMILY,
  );
  GlobalFonts.registerFromPath(
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
    PREVIEW_MONO_FAMILY,
  );
  GlobalFonts.registerFromPath(
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf'),
    PREVIEW_MONO_FAMILY,
  );
  fontsRegistered = true;
}

/** An 8-bit RGBA image, the shape the encoder's image() accepts as a plain object. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export interface RasterLine {
  /** Dots of paper to feed before the bitmap. */
  readonly feedBefore: number;
  readonly image: RgbaImage;
  readonly feedAfter: number;
}

export interface RasterTextStyle {
  readonly px: number;
  readonly bold: boolean;
  readonly align: 'left' | 'center';
}

/**
 * `qrcode` (with its PNG, SVG and terminal renderers) is loaded on the first QR drawn here: only the profiles
 * that draw the QR code as a bitmap need it, and a kiosk process should not carry it otherwise.
 */
let qrcode: typeof QRCodeModule | undefined;
function qrModule(): typeof QRCodeModule {
  qrcode ??= require('qrcode') as typeof QRCodeModule;
  return qrcode;
}

let measureCtx: SKRSContext2D | undefined;

/**
 * Drawing surfaces by size, reused: a ticket's lines come in a few sizes (one per style and paper width), and a
 * fresh Skia canvas per line is native memory that waits for a garbage collection to be freed (hundreds of
 * tickets' worth on a quiet kiosk, fragmenting the malloc heap). Each use paints the whole surface white first.
 */
const surfaces = new Map<string, SKRSContext2D>();
const SURFACES_MAX = 16;
function surface(width: number, height: number): SKRSContext2D {
  const key = `${width}x${height}`;
  let ctx = surfaces.get(key);
  if (ctx === undefined) {
    ctx = createCanvas(width, height).getContext('2d');
    surfaces.set(key, ctx);
    if (surfaces.size > SURFACES_MAX) {
      const oldest = surfaces.keys().next();
      if (oldest.done !== true) surfaces.delete(oldest.value);
    }
  }
  return ctx;
}
function measurer(): SKRSContext2D {
  ensureFonts();
  measureCtx ??= createCanvas(8, 8).getContext('2d');
  return measureCtx;
}

function fontSpec(style: RasterTextStyle): string {
  return `${style.bold ? 'bold ' : ''}${style.px}px "${RASTER_FONT_FAMILY}"`;
}

/** Greedy word wrap by measured width; a single word longer than the line is broken by characters. */
export function wrapRasterText(text: string, style: RasterTextStyle, maxWidth: number): string[] {
  const ctx = measurer();
  ctx.font = fontSpec(style);
  const fits = (s: string): boolean => ctx.measureText(s).width <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = '';
    let piece = '';
    for (const ch of word) {
      if (fits(piece + ch)) piece += ch;
      else {
        lines.push(piece);
        piece = ch;
      }
    }
    current = piece;
  }
  if (current !== '') lines.push(current);
  return lines.length === 0 ? [''] : lines;
}

/** Draws one line (already wrapped to fit `paperDots`), cropped to its ink. */
export function rasterizeLine(text: string, style: RasterTextStyle, paperDots: number): RasterLine {
  const ctx0 = measurer();
  ctx0.font = fontSpec(style);
  const textWidth = Math.ceil(ctx0.measureText(text).width);
  const pitch = Math.round(style.px * 1.3);
  // Room above the em box for stacked Vietnamese marks (Ấ, Ỗ) and below for descenders.
  const top = Math.round(style.px * 0.35);
  const slot = top + pitch;
  const x = style.align === 'center' ? Math.max(0, Math.floor((paperDots - textWidth) / 2)) : 0;
  const width = Math.min(paperDots, Math.max(8, Math.ceil((x + textWidth + 1) / 8) * 8));
  const ctx = surface(width, slot);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, slot);
  ctx.fillStyle = '#000';
  ctx.font = fontSpec(style);
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, x, top + Math.round(style.px * 0.95));
  const full = ctx.getImageData(0, 0, width, slot);
  let inkTop = -1;
  let inkBottom = -1;
  for (let y = 0; y < slot; y++) {
    const row = full.data.subarray(y * width * 4, (y + 1) * width * 4);
    let dark = false;
    for (let i = 0; i < row.length; i += 4) {
      if ((row[i] ?? 255) < 128) {
        dark = true;
        break;
      }
    }
    if (dark) {
      if (inkTop < 0) inkTop = y;
      inkBottom = y + 1;
    }
  }
  if (inkTop < 0) {
    return {
      feedBefore: 0,
      image: { width: 8, height: 1, data: new Uint8ClampedArray(32).fill(255) },
      feedAfter: pitch - 1,
    };
  }
  const height = inkBottom - inkTop;
  const data = new Uint8ClampedArray(
    full.data.buffer,
    full.data.byteOffset + inkTop * width * 4,
    height * width * 4,
  );
  // Lines share a baseline pitch: ink above the em box eats into the line above's feed, never below 0.
  const feedBefore = Math.max(0, inkTop - top);
  const feedAfter = Math.max(0, slot - inkBottom);
  return { feedBefore, image: { width, height, data: new Uint8ClampedArray(data) }, feedAfter };
}

/**
 * A QR code drawn as a bitmap (`moduleDots` per module), centred on the paper. The quiet zone is left to
 * the caller (paper feed above and below, blank paper beside), so it costs no bytes.
 */
export function rasterizeQr(payload: string, moduleDots: number, paperDots: number): RgbaImage {
  const qr = qrModule().create(payload, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = size * moduleDots;
  const x0 = Math.max(0, Math.floor((paperDots - side) / 2));
  const width = Math.min(paperDots, Math.ceil((x0 + side) / 8) * 8);
  const data = new Uint8ClampedArray(width * side * 4).fill(255);
  for (let my = 0; my < size; my++) {
    for (let mx = 0; mx < size; mx++) {
      if (qr.modules.data[my * size + mx] !== 1) continue;
      for (let dy = 0; dy < moduleDots; dy++) {
        const y = my * moduleDots + dy;
        for (let dx = 0; dx < moduleDots; dx++) {
          const xx = x0 + mx * moduleDots + dx;
          const o = (y * width + xx) * 4;
          data[o] = 0;
          data[o + 1] = 0;
          data[o + 2] = 0;
        }
      }
    }
  }
  return { width, height: side, data };
}
