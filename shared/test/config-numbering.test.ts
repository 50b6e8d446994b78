/**
 * The config keeps every area's numbers out of the kiosks' offline series (90000 and up) and allows at most 50
 * kiosks, so every kiosk's series fits below 100000; each refusal names the field.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  KIOSK_SERIES_BASE,
  MAX_KIOSKS,
  exampleConfigPaths,
  loadConfigFile,
  parseConfig,
} from '../src/config.js';

const district = loadConfigFile(exampleConfigPaths.district);

function problemsOf(
  mutate: (c: { areas: { numberRange: { from: number; to: number } }[]; kiosks: unknown[] }) => void,
): string[] {
  const raw = JSON.parse(JSON.stringify(district)) as Parameters<typeof mutate>[0];
  mutate(raw);
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('number ranges and the kiosk series', () => {
  it('a range ending at 89999 is accepted', () => {
    expect(
      problemsOf((c) => {
        c.areas[1]!.numberRange = { from: 89_000, to: KIOSK_SERIES_BASE - 1 };
      }),
    ).toEqual([]);
  });

  it('a range reaching 90000 is refused, naming the field and why', () => {
    const p = problemsOf((c) => {
      c.areas[1]!.numberRange = { from: 89_000, to: 90_000 };
    });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^areas\[1\]\.numberRange\.to: must be at most 89999: .*kiosks' offline series/);
  });

  it('a range lying wholly inside the series is refused on both ends', () => {
    const p = problemsOf((c) => {
      c.areas[0]!.numberRange = { from: 95_000, to: 99_999 };
    });
    expect(p.map((x) => x.split(':')[0])).toEqual(['areas[0].numberRange.from', 'areas[0].numberRange.to']);
  });

  it(`${MAX_KIOSKS} kiosks are accepted, ${MAX_KIOSKS + 1} refused with the field named`, () => {
    const kiosks = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `kiosk-${i + 1}` }));
    expect(
      problemsOf((c) => {
        c.kiosks = kiosks(MAX_KIOSKS);
      }),
    ).toEqual([]);
    expect(
      problemsOf((c) => {
        c.kiosks = kiosks(MAX_KIOSKS + 1);
      }),
    ).toEqual([`kiosks: must have at most ${MAX_KIOSKS} items`]);
  });
});
