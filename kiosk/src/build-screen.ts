/** Builds the kiosk screen (Vite, the shared screen config) into `outDir` (default kiosk/dist/screen). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '@motcua/shared/ui/vite';
import { DEFAULT_SCREEN_DIR } from './browser-mode.js';

export const SCREEN_ROOT = fileURLToPath(new URL('./screen/', import.meta.url));

export async function buildKioskScreen(outDir: string = DEFAULT_SCREEN_DIR): Promise<string> {
  await build({ ...defineScreenConfig({ root: SCREEN_ROOT, outDir }), logLevel: 'warn' });
  return outDir;
}

/** Tests and benchmarks: a fresh temporary folder each time. */
export function buildKioskScreenToTemp(): Promise<string> {
  return buildKioskScreen(mkdtempSync(join(tmpdir(), 'motcua-kiosk-screen-')));
}
