/**
 * The few ESC/POS commands we build by hand instead of through the encoder library: raster images (the
 * library pads every image to a multiple of 8 rows and adds a line feed after it, which costs bytes and a
 * 30-dot gap per text line) and paper feed by dots.
 */

/** Rows per GS v 0 command: some firmware reads only the low byte of the row count. */
const RASTER_CHUNK_ROWS = 255;

export interface RgbaLike {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** GS v 0 commands printing `image` (width a multiple of 8); a pixel darker than 128 is a dot. */
export function rasterImage(image: RgbaLike): Uint8Array {
  if (image.width % 8 !== 0) throw new RangeError(`Raster width ${image.width} is not a multiple of 8`);
  const rowBytes = image.width / 8;
  const chunks = Math.ceil(image.height / RASTER_CHUNK_ROWS);
  const out = new Uint8Array(chunks * 8 + rowBytes * image.height);
  let o = 0;
  for (let y0 = 0; y0 < image.height; y0 += RASTER_CHUNK_ROWS) {
    const rows = Math.min(RASTER_CHUNK_ROWS, image.height - y0);
    out.set([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8], o);
    o += 8;
    for (let y = y0; y < y0 + rows; y++) {
      let p = y * image.width * 4;
      for (let bx = 0; bx < rowBytes; bx++) {
        let v = 0;
        for (let bit = 0; bit < 8; bit++, p += 4) {
          // Integer luminance (×1000) composited over white paper.
          const a = image.data[p + 3] ?? 255;
          const lum =
            299 * (image.data[p] ?? 255) +
            587 * (image.data[p + 1] ?? 255) +
            114 * (image.data[p + 2] ?? 255);
          if ((lum * a + 255_000 * (255 - a)) / 255 < 128_000) v |= 0x80 >> bit;
        }
        out[o++] = v;
      }
    }
  }
  return out;
}

/** ESC J: feed `dots` of paper (split in steps of at most 255). */
export function feedDots(dots: number): Uint8Array {
  const parts: number[] = [];
  for (let left = Math.round(dots); left > 0; left -= 255) parts.push(0x1b, 0x4a, Math.min(255, left));
  return Uint8Array.from(parts);
}
