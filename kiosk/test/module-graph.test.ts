/**
 * What a kiosk process loads: the kiosk runtime's static module graph (what Node loads when the runtime is
 * imported) carries neither the look-up terminal's catalogue search (MiniSearch) nor `qrcode` (only a profile
 * that draws its QR code as a bitmap needs it, loaded on first use). Each costs resident memory in every kiosk
 * (the runtime's RSS target is 150 MB). The look-up terminal's runtime is the control: it does load MiniSearch.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Third-party packages and our own source files reachable from `entry` through static imports. */
async function staticGraph(entry: string): Promise<{ packages: Set<string>; files: Set<string> }> {
  const r = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'third-party-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            a.path.startsWith('@motcua/') ? undefined : { path: a.path, external: true },
          );
        },
      },
    ],
  });
  const files = new Set(Object.keys(r.metafile.inputs));
  const packages = new Set<string>();
  for (const input of Object.values(r.metafile.inputs))
    for (const i of input.imports)
      if (i.external && i.kind === 'import-statement')
        packages.add(i.path.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1'));
  return { packages, files };
}

describe("the kiosk runtime's module graph", () => {
  it('leaves out the catalogue search and qrcode, and keeps what a kiosk uses', async () => {
    const { packages, files } = await staticGraph('../src/runtime/kiosk.ts');
    expect(packages).not.toContain('minisearch');
    expect(packages).not.toContain('qrcode');
    expect([...files].filter((f) => f.includes('catalogue/search'))).toEqual([]);
    // What a kiosk does use is found by the same walk: the store, the sync, the ticket drawing.
    for (const p of ['better-sqlite3', 'mqtt', '@napi-rs/canvas']) expect(packages).toContain(p);
  });

  it('control: the look-up terminal runtime does load MiniSearch', async () => {
    const { packages } = await staticGraph('../src/runtime/lookup.ts');
    expect(packages).toContain('minisearch');
  });
});
