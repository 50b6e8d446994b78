/** Reading catalogue files on a Node device or the hub (not bundled into screens: uses node:fs). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogueError, parseCatalogue, type Catalogue } from './schema.js';

/** The shipped sample catalogue (see shared/catalogue-examples/). */
export const exampleCataloguePaths = {
  provincial: fileURLToPath(new URL('../../catalogue-examples/provincial.json', import.meta.url)),
  provincialIndex: fileURLToPath(new URL('../../catalogue-examples/provincial.index.json', import.meta.url)),
} as const;

export function loadCatalogueFile(path: string): Catalogue {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CatalogueError([{ field: '(file)', message: `cannot read ${path}: ${(e as Error).message}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CatalogueError([
      { field: '(file)', message: `${path} is not valid JSON: ${(e as Error).message}` },
    ]);
  }
  return parseCatalogue(raw);
}
