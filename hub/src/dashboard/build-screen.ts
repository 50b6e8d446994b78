/** Builds the dashboard's screen (Vite, the shared screen config) into `outDir` (default hub/dist/dashboard). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineScreenConfig } from '@motcua/shared/ui/vite';
import { DEFAULT_DASHBOARD_DIR } from './server.js';

export const DASHBOARD_SCREEN_ROOT = fileURLToPath(new URL('./screen/', import.meta.url));

export async function buildDashboardScreen(outDir: string = DEFAULT_DASHBOARD_DIR): Promise<string> {
  await build({ ...defineScreenConfig({ root: DASHBOARD_SCREEN_ROOT, outDir }), logLevel: 'warn' });
  return outDir;
}

/** Tests and benchmarks: a fresh temporary folder each time. */
export function buildDashboardScreenToTemp(): Promise<string> {
  return buildDashboardScreen(mkdtempSync(join(tmpdir(), 'motcua-dashboard-screen-')));
}
