/** Test support: builds the example screen with the shared Vite config into a fresh temporary folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '../../ui/vite.js';

export const EXAMPLE_ROOT = fileURLToPath(new URL('../../ui/example/', import.meta.url));

export async function buildExample(outDir = mkdtempSync(join(tmpdir(), 'motcua-example-'))): Promise<string> {
  await build({ ...defineScreenConfig({ root: EXAMPLE_ROOT, outDir }), logLevel: 'warn' });
  return outDir;
}
