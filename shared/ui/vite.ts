/**
 * The one Vite configuration every screen builds with (kiosk, look-up, counter, board…), so the rules hold
 * everywhere: Preact, and output that runs under `script-src 'self'` (no inline script: the modulepreload
 * polyfill, Vite's only inline script, is off; assets are never inlined as data: URLs, which `font-src` and
 * `default-src 'self'` would refuse).
 */
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { InlineConfig } from 'vite';

export interface ScreenConfigOptions {
  /** The folder holding the screen's index.html. */
  readonly root: string;
  /**
   * Where the built screen goes (what `serveScreen`'s `staticDir` or the Electron protocol serves). A relative
   * path is taken from the working directory, as the caller means it (Vite alone would take it from `root`:
   * `npm start` with its default `--data .motcua` built into the kiosk's source folder and then failed).
   */
  readonly outDir: string;
}

export function defineScreenConfig(opts: ScreenConfigOptions): InlineConfig {
  return {
    root: opts.root,
    base: './',
    configFile: false,
    envDir: false,
    publicDir: false,
    plugins: [preact({ prerender: { enabled: false }, devToolsEnabled: false })],
    build: {
      outDir: resolve(opts.outDir),
      emptyOutDir: true,
      // Chromium on the device and Electron's Chromium are both current: no legacy transforms.
      target: 'chrome120',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      sourcemap: false,
      reportCompressedSize: false,
    },
  };
}
