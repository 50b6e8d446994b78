import { describe, expect, it } from 'vitest';
import { feeLines, formatVnd, processingTime } from '../../src/catalogue/present.js';
import { idOf, sample } from './helpers.js';

const byName = (name: string) => sample.procedures.find((p) => p.id === idOf(name))!;

describe('how a procedure reads on the screen', () => {
  it('writes amounts the Vietnamese way', () => {
    expect(formatVnd(8000)).toBe('8.000 đồng');
    expect(formatVnd(1_500_000)).toBe('1.500.000 đồng');
    expect(formatVnd(500)).toBe('500 đồng');
  });

  it('gives the processing time in words, preferring the catalogue’s own text', () => {
    expect(processingTime({ processingDays: 3 })).toEqual({ vi: '03 ngày làm việc', en: '3 working days' });
    expect(processingTime({ processingDays: 15 }).vi).toBe('15 ngày làm việc');
    expect(processingTime({ processingDays: 0 })).toEqual({
      vi: 'Trong ngày làm việc',
      en: 'Same working day',
    });
    expect(processingTime(byName('Đăng ký khai sinh')).vi).toMatch(
      /^Trong ngày làm việc; hồ sơ nhận sau 15 giờ/,
    );
  });

  it('lists fees, and says plainly when there is none', () => {
    expect(feeLines(byName('Cấp Phiếu lý lịch tư pháp số 1'))[0]).toEqual({
      label: 'Phí cấp Phiếu lý lịch tư pháp',
      value: '200.000 đồng',
    });
    expect(feeLines({ fees: [] })).toEqual([{ label: 'Phí, lệ phí', value: 'Không thu phí, lệ phí' }]);
    expect(feeLines({ fees: [{ label: 'Lệ phí', amountVnd: 0 }] })[0]!.value).toBe('Miễn phí');
    expect(
      feeLines({ fees: [{ label: 'Lệ phí', text: 'Theo mức do Hội đồng nhân dân tỉnh quy định' }] })[0]!
        .value,
    ).toBe('Theo mức do Hội đồng nhân dân tỉnh quy định');
  });
});
