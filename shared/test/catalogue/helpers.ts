import { readFileSync } from 'node:fs';
import { exampleCataloguePaths, loadCatalogueFile } from '../../src/catalogue/files.js';
import type { Catalogue } from '../../src/catalogue/schema.js';

/** The committed sample, parsed once per test file. */
export const sample: Catalogue = loadCatalogueFile(exampleCataloguePaths.provincial);

/** The committed sample as raw JSON, for tests that break it on purpose. */
export function rawSample(): Record<string, unknown> {
  return JSON.parse(readFileSync(exampleCataloguePaths.provincial, 'utf8')) as Record<string, unknown>;
}

export function idOf(name: string): string {
  const p = sample.procedures.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no procedure named "${name}" in the sample`);
  return p.id;
}
