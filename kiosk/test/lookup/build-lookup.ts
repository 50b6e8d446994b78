/** Test support: builds the look-up screen (or the with-printer test entry) with the shared Vite config. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '@motcua/shared/ui/vite';

export const LOOKUP_ROOT = fileURLToPath(new URL('../../src/screen/lookup/', import.meta.url));
/** LookupApp with `takeNumber` wired to a `take` command: a kiosk that also looks up. */
export const WITH_PRINTER_ROOT = fileURLToPath(new URL('./with-printer/', import.meta.url));

export async function buildLookup(
  root = LOOKUP_ROOT,
  outDir = mkdtempSync(join(tmpdir(), 'motcua-lookup-')),
): Promise<string> {
  await build({ ...defineScreenConfig({ root, outDir }), logLevel: 'warn' });
  return outDir;
}
