/** The domain's own SHA-256 gives exactly what node:crypto gives, at every padding boundary and in UTF-8. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/domain/sha256.js';

fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

const node = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('the FIPS test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto at lengths around the 55/56/64-byte padding edges and on Vietnamese text', () => {
    for (let n = 0; n < 200; n++) expect(sha256Hex('x'.repeat(n)), `length ${n}`).toBe(node('x'.repeat(n)));
    const vi = 'Trung tâm Phục vụ hành chính công — Quầy 12, Chứng thực';
    expect(sha256Hex(vi)).toBe(node(vi));
  });

  it('agrees with node:crypto on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === node(s)),
      { numRuns: 300 },
    );
  });
});
