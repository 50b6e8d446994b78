import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/catalogue');

/** Follows relative imports from the screens' entry and returns every module reached. */
function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) visit(join(dirname(file), `${m[1]!}.ts`));
  };
  visit(entry);
  return seen;
}

describe('catalogue modules for the screens', () => {
  it('import nothing from Node, directly or through other modules, so a browser bundle can hold them', () => {
    const modules = reachable(join(dir, 'index.ts'));
    expect(modules.size).toBeGreaterThan(8);
    for (const [file, text] of modules) {
      expect(text, file).not.toMatch(/from 'node:|require\(|from '(fs|path|os|crypto)'/);
    }
  });
});
