/**
 * A catalogue too big for one message: cut by the hub into parts plus a manifest, put back together on the
 * device only when every part of the manifest's revision is there and length and SHA-256 match.
 */
import { describe, expect, it } from 'vitest';
import { scaleCatalogue } from '../../src/catalogue/scale.js';
import {
  CatalogueAssembler,
  CatalogueSizeError,
  packCatalogue,
  type PackedCatalogue,
} from '../../src/sync/catalogue-parts.js';
import { MAX_CATALOGUE_BYTES, parseTopic, cataloguePartTopic } from '../../src/sync/topics.js';
import { sample } from '../catalogue/helpers.js';

const LIMIT = 1_048_576;
const big = { ...scaleCatalogue(sample, 2000), revision: 9 };

function parts(p: PackedCatalogue): Extract<PackedCatalogue, { kind: 'parts' }> {
  if (p.kind !== 'parts') throw new Error('expected parts');
  return p;
}

describe('packCatalogue', () => {
  it('keeps a catalogue that fits one message whole (older terminals read it)', () => {
    const p = packCatalogue(sample, LIMIT);
    expect(p.kind).toBe('inline');
    expect(JSON.parse(p.kind === 'inline' ? p.message : '')).toEqual({
      revision: sample.revision,
      catalogue: sample,
    });
  });

  it('cuts a 2,000-procedure catalogue into parts that each fit a packet', () => {
    const p = parts(packCatalogue(big, LIMIT));
    expect(p.bytes).toBeGreaterThan(LIMIT);
    expect(p.manifest).toMatchObject({ revision: 9, parts: p.parts.length, bytes: p.bytes });
    expect(p.parts.length).toBeGreaterThanOrEqual(2);
    for (const part of p.parts) expect(part.length).toBeLessThan(LIMIT - 512);
  });

  it('uses smaller parts under a smaller broker packet limit', () => {
    const p = parts(packCatalogue(big, 200_000));
    for (const part of p.parts) expect(part.length).toBeLessThan(200_000);
    expect(p.parts.length).toBeGreaterThan(parts(packCatalogue(big, LIMIT)).parts.length);
  });

  it(`refuses a catalogue above ${MAX_CATALOGUE_BYTES} bytes with a reason`, () => {
    // Size is all that matters here: one procedure repeated is cheap to build.
    const huge = { ...sample, procedures: Array.from({ length: 60_000 }, () => sample.procedures[0]!) };
    expect(() => packCatalogue(huge, LIMIT)).toThrow(CatalogueSizeError);
  });

  it('refuses a catalogue that would need too many parts at a tiny packet limit', () => {
    expect(() => packCatalogue(big, 16_384)).toThrow(/parts/);
  });
});

describe('CatalogueAssembler', () => {
  const packed = parts(packCatalogue(big, LIMIT));

  it('assembles parts arriving before or after the manifest, in any order', () => {
    for (const manifestFirst of [true, false]) {
      const a = new CatalogueAssembler();
      const results = [];
      if (manifestFirst) results.push(a.onManifest(packed.manifest));
      for (const i of [...packed.parts.keys()].reverse()) results.push(a.onPart(i, packed.parts[i]!));
      if (!manifestFirst) results.push(a.onManifest(packed.manifest));
      const last = results.at(-1);
      expect(results.slice(0, -1).every((r) => r.kind === 'waiting')).toBe(true);
      expect(last).toEqual({
        kind: 'complete',
        revision: 9,
        catalogue: JSON.parse(JSON.stringify(big)) as unknown,
      });
    }
  });

  it('refuses a corrupted part (hash mismatch) and a part of the wrong length', () => {
    const bad = Buffer.from(packed.parts[1]!);
    bad[bad.length - 10] = bad[bad.length - 10]! ^ 0x01;
    const b = new CatalogueAssembler();
    const results = [
      b.onManifest(packed.manifest),
      ...[...packed.parts.keys()].map((i) => b.onPart(i, i === 1 ? bad : packed.parts[i]!)),
    ];
    expect(results.at(-1)).toMatchObject({ kind: 'refused', revision: 9, reason: 'sha256 does not match' });

    const c = new CatalogueAssembler();
    c.onManifest({ ...packed.manifest, bytes: packed.manifest.bytes + 1 });
    const last = [...packed.parts.keys()].map((i) => c.onPart(i, packed.parts[i]!)).at(-1);
    expect(last).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('manifest says') as string,
    });
  });

  it('says which parts are missing and completes nothing without them', () => {
    const a = new CatalogueAssembler();
    a.onManifest(packed.manifest);
    a.onPart(0, packed.parts[0]!);
    expect(a.missing()).toEqual([...packed.parts.keys()].slice(1));
  });

  it('ignores parts of an older revision than the manifest, and a newer manifest drops them', () => {
    const older = parts(packCatalogue({ ...big, revision: 8 }, LIMIT));
    const a = new CatalogueAssembler();
    a.onManifest(packed.manifest);
    expect(a.onPart(0, older.parts[0]!)).toMatchObject({ kind: 'ignored' });

    const b = new CatalogueAssembler();
    for (const [i, p] of older.parts.entries()) b.onPart(i, p);
    expect(b.onManifest(packed.manifest)).toEqual({ kind: 'waiting' });
    expect(b.missing()).toEqual([...packed.parts.keys()]);
  });

  it('holds nothing of a revision already stored (retained parts after every reconnect)', () => {
    const a = new CatalogueAssembler();
    a.onPart(0, packed.parts[0]!);
    a.settle(9);
    expect(a.onPart(1, packed.parts[1]!)).toMatchObject({ kind: 'ignored', routine: true });
    expect(a.onManifest(packed.manifest)).toMatchObject({ kind: 'ignored', routine: true });
    expect(a.pendingRevision).toBeNull();
    const newer = parts(packCatalogue({ ...big, revision: 10 }, LIMIT));
    const results = [a.onManifest(newer.manifest), ...newer.parts.map((p, i) => a.onPart(i, p))];
    expect(results.at(-1)).toMatchObject({ kind: 'complete', revision: 10 });
  });

  it('refuses a manifest announcing more than the bound, and malformed parts', () => {
    const a = new CatalogueAssembler();
    expect(a.onManifest({ ...packed.manifest, bytes: MAX_CATALOGUE_BYTES + 1 })).toMatchObject({
      kind: 'ignored',
      reason: expect.stringContaining('bytes') as string,
    });
    expect(a.pendingRevision).toBeNull();
    expect(a.onPart(0, Buffer.from('no header line'))).toMatchObject({ kind: 'ignored' });
    expect(a.onPart(0, Buffer.from('{"revision":9,"index":1}\nxx'))).toMatchObject({ kind: 'ignored' });
    expect(a.onPart(0, Buffer.alloc(0))).toMatchObject({ kind: 'ignored', reason: 'empty part' });
  });

  it('has part topics only for canonical indexes below the limit', () => {
    expect(parseTopic(cataloguePartTopic('q1-hcm', 3))).toEqual({
      kind: 'cataloguePart',
      centreId: 'q1-hcm',
      index: 3,
    });
    for (const t of ['part/03', 'part/64', 'part/-1', 'part/x', 'part', 'part/1/2'])
      expect(parseTopic(`motcua/v1/q1-hcm/catalogue/${t}`)).toBeNull();
    expect(() => cataloguePartTopic('q1-hcm', 64)).toThrow();
  });
});
