import { fileURLToPath } from 'node:url';

/** The shipped example configurations (see shared/config-examples/). */
export const exampleConfigPaths = {
  provincial: fileURLToPath(new URL('../../config-examples/provincial.json', import.meta.url)),
  district: fileURLToPath(new URL('../../config-examples/district.json', import.meta.url)),
} as const;
