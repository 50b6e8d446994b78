/** The estimated-wait line on the ticket: an unknown wait (no counter open) must not read as "now". */
import { describe, expect, it } from 'vitest';
import { formatWait } from '../src/ticket.js';

describe('formatWait', () => {
  it('minutes, hours and minutes, "now" for zero', () => {
    expect(formatWait(15)).toBe('Dự kiến chờ: khoảng 15 phút');
    expect(formatWait(65)).toBe('Dự kiến chờ: khoảng 1 giờ 5 phút');
    expect(formatWait(0)).toBe('Dự kiến chờ: ngay bây giờ');
  });
  it('null (no counter open for the area): "not known yet", not "now"', () => {
    expect(formatWait(null)).toBe('Dự kiến chờ: chưa xác định');
  });
});
