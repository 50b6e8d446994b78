/**
 * Where the shipped example configurations are on disk (see shared/config-examples/). Kept out of config/,
 * which is pure and runs anywhere (a screen has no file paths).
 */
import { fileURLToPath } from 'node:url';

export const exampleConfigPaths = {
  provincial: fileURLToPath(new URL('../config-examples/provincial.json', import.meta.url)),
  district: fileURLToPath(new URL('../config-examples/district.json', import.meta.url)),
} as const;
