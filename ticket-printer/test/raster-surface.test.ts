import { describe, expect, it, vi } from 'vitest';
import type { RasterLine, RasterTextStyle } from '../src/raster.js';

/**
 * Lines are drawn on drawing surfaces kept by size (raster.ts). A line drawn on a surface that another line
 * inked before must come out as the same line drawn by a fresh module: nothing of the earlier ink is left.
 */
type Rasterize = (text: string, style: RasterTextStyle, paperDots: number) => RasterLine;

async function fresh(): Promise<Rasterize> {
  vi.resetModules();
  return (await import('../src/raster.js')).rasterizeLine;
}

const hex = (l: RasterLine): string =>
  `${l.feedBefore}|${l.feedAfter}|${l.image.width}x${l.image.height}|${Buffer.from(l.image.data).toString('hex')}`;

describe('raster lines on reused surfaces', () => {
  // Digits advance alike in DejaVu Sans, so these lines are the same size: the second reuses the first's surface.
  const styles: RasterTextStyle[] = [
    { px: 24, bold: false, align: 'left' },
    { px: 26, bold: true, align: 'center' },
  ];
  for (const style of styles) {
    it(`${String(style.px)} px ${style.align}: a line drawn after another is the line drawn alone`, async () => {
      const alone = hex((await fresh())('Quầy 1 – Hộ tịch', style, 576));
      const rasterize = await fresh();
      const other = rasterize('Quầy 8 – Hộ tịch', style, 576);
      const after = rasterize('Quầy 1 – Hộ tịch', style, 576);
      expect(other.image.width).toBe(after.image.width);
      expect(hex(other)).not.toBe(alone);
      expect(hex(after)).toBe(alone);
    });
  }
});
