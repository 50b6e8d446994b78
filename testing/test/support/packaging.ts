/**
 * What electron-builder.yml packages, computed the way electron-builder reads its `files:` list: globs relative
 * to the repository root, applied in order, a later `!pattern` excluding what an earlier one included (the last
 * matching pattern decides). Enough glob for the patterns the file uses: `**`, `*`, `?`.
 */

/** The `files:` list of electron-builder.yml, in order, quotes removed. */
export function parseBuilderFiles(yml: string): string[] {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^files:\s*$/.test(l));
  if (start < 0) throw new Error('electron-builder.yml has no files: list');
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^\S/.test(l)) break; // the next top-level key
    const m = /^\s+-\s+(.+?)\s*$/.exec(l);
    if (m) out.push(m[1]!.replace(/^'(.*)'$|^"(.*)"$/, '$1$2'));
  }
  return out;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      const atStart = i === 0 || glob[i - 1] === '/';
      if (slashAfter && atStart) {
        re += '(?:.*/)?'; // "**/": any number of folders, none included
        i += 2;
      } else if (atStart && i + 2 === glob.length && re.endsWith('/')) {
        re = `${re.slice(0, -1)}(?:/.*)?`; // "dir/**": the folder's whole tree
        i += 1;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The files (repository-relative, posix) that the patterns package. */
export function packagedFiles(patterns: readonly string[], files: readonly string[]): string[] {
  const rules = patterns.map((p) => ({
    include: !p.startsWith('!'),
    re: globToRegExp(p.replace(/^!/, '')),
  }));
  return files.filter((f) => {
    let included = false;
    for (const r of rules) if (r.re.test(f)) included = r.include;
    return included;
  });
}
