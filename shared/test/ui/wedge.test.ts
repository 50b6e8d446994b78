import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeOutcome } from '../../ui/wedge.js';

/** Feeds `text` then Enter, one key every `gapMs` from `start`; returns every outcome. */
function type(d: WedgeDetector, text: string, gapMs: number, start = 1000): WedgeOutcome[] {
  const out = Array.from(text).map((ch, i) => d.feed(ch, start + i * gapMs));
  out.push(d.feed('Enter', start + text.length * gapMs));
  return out;
}
const scans = (o: WedgeOutcome[]): string[] => o.flatMap((x) => (x.kind === 'scan' ? [x.text] : []));

describe('WedgeDetector', () => {
  it('a fast burst ending in Enter is a scan', () => {
    expect(scans(type(new WedgeDetector(), '000.00.19.H33-261201-0001', 8))).toEqual([
      '000.00.19.H33-261201-0001',
    ]);
  });

  it('a person typing the same code is not a scan', () => {
    expect(scans(type(new WedgeDetector(), '000.00.19.H33-261201-0001', 150))).toEqual([]);
  });

  it('a burst shorter than minLength is left to the screen', () => {
    expect(scans(type(new WedgeDetector({ minLength: 4 }), '123', 5))).toEqual([]);
  });

  it('Shift between characters (capitals) is not text and does not break the burst', () => {
    const d = new WedgeDetector();
    const keys = ['Shift', 'H', '3', '3', 'Shift', 'A', 'b', 'c'];
    keys.forEach((k, i) => d.feed(k, 100 + i * 5));
    expect(d.feed('Enter', 100 + keys.length * 5)).toEqual({ kind: 'scan', text: 'H33Abc' });
  });

  it('typing slowly then a scan: only the scanned characters are the scan', () => {
    const d = new WedgeDetector();
    d.feed('x', 0);
    d.feed('y', 400);
    expect(scans(type(d, 'vt-hcc:2026-12-01:hotich:12', 6, 1000))).toEqual(['vt-hcc:2026-12-01:hotich:12']);
  });

  it('a pause before Enter means the Enter was typed by a person', () => {
    const d = new WedgeDetector();
    Array.from('ABCDEF').forEach((c, i) => d.feed(c, i * 5));
    expect(d.feed('Enter', 30 + 500).kind).toBe('typing');
  });

  it('property: bursts faster than the gap are scans, slower ones never', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:')),
          minLength: 4,
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 51, max: 1000 }),
        (text, fast, slow) => {
          expect(scans(type(new WedgeDetector({ maxGapMs: 50 }), text, fast))).toEqual([text]);
          expect(scans(type(new WedgeDetector({ maxGapMs: 50 }), text, slow))).toEqual([]);
        },
      ),
    );
  });
});
