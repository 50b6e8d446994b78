/**
 * The demo builds the screens it serves (kiosk and look-up, counter-display) once, into its data folder, and
 * again only when a source file is newer than the last build: `npm start` works on a fresh clone with no build
 * step, and a second start is quick.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKioskScreen, SCREEN_ROOT as KIOSK_ROOT } from '@motcua/kiosk/build-screen';
import { buildCounterScreen, SCREEN_ROOT as COUNTER_ROOT } from '@motcua/counter-display/build-screen';
import { fileURLToPath } from 'node:url';

const SHARED_UI = fileURLToPath(new URL('../../../shared/ui/', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

async function buildIfStale(
  root: string,
  outDir: string,
  build: (out: string) => Promise<string>,
): Promise<string> {
  const marker = join(outDir, '.built');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built === 0 || Math.max(newestMtime(root), newestMtime(SHARED_UI)) > built) {
    await build(outDir);
    writeFileSync(marker, new Date().toISOString());
  }
  return outDir;
}

export interface DemoScreens {
  readonly kiosk: string;
  readonly counter: string;
}

export async function buildDemoScreens(dataDir: string): Promise<DemoScreens> {
  const base = join(dataDir, 'screens');
  return {
    kiosk: await buildIfStale(KIOSK_ROOT, join(base, 'kiosk'), buildKioskScreen),
    counter: await buildIfStale(COUNTER_ROOT, join(base, 'counter-display'), buildCounterScreen),
  };
}
