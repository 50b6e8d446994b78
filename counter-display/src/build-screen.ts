/** Builds the counter-display screens (Vite, the shared screen config) into `outDir` (default counter-display/dist/screen). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '@motcua/shared/ui/vite';

export const SCREEN_ROOT = fileURLToPath(new URL('./screen/', import.meta.url));
/** Where the browser mode serves the built screen from by default. */
export const DEFAULT_SCREEN_DIR = fileURLToPath(new URL('../dist/screen/', import.meta.url));

export async function buildCounterScreen(outDir: string = DEFAULT_SCREEN_DIR): Promise<string> {
  await build({ ...defineScreenConfig({ root: SCREEN_ROOT, outDir }), logLevel: 'warn' });
  return outDir;
}

/** Tests and benchmarks: a fresh temporary folder each time. */
export function buildCounterScreenToTemp(): Promise<string> {
  return buildCounterScreen(mkdtempSync(join(tmpdir(), 'motcua-counter-screen-')));
}
