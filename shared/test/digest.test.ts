/** The state digest: the same text always gives the same digest, and any change to the text changes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestHex } from '../src/domain/digest.js';

fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

describe('digestHex', () => {
  it('is 28 hex digits and depends only on the text', () => {
    const text = 'Trung tâm Phục vụ hành chính công — Quầy 12';
    expect(digestHex(text)).toMatch(/^[0-9a-f]{28}$/);
    expect(digestHex(text)).toBe(digestHex(text.slice(0, 5) + text.slice(5)));
    expect(digestHex('')).toMatch(/^[0-9a-f]{28}$/);
  });

  it('one changed, added or removed character changes both halves', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }),
        fc.nat(),
        fc.nat(),
        (s, at, by) => {
          const i = at % s.length;
          const changed =
            s.slice(0, i) +
            String.fromCharCode((s.charCodeAt(i) + 1 + (by % 1000)) % 0x10000) +
            s.slice(i + 1);
          for (const other of [changed, `${s}x`, s.slice(1)]) {
            if (other === s) continue;
            const [a, b] = [digestHex(s), digestHex(other)];
            expect(a.slice(0, 14)).not.toBe(b.slice(0, 14));
            expect(a.slice(14)).not.toBe(b.slice(14));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no two of 100 000 distinct ticket-like texts share a digest', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(digestHex(`test:2026-11-23:a:${i}|done|c${i % 29}`));
    expect(seen.size).toBe(100_000);
  });
});
