/**
 * Test support around the product's Mosquitto launcher (`@motcua/centre/mosquitto`): the production config
 * rewritten for a test's port and temp dir.
 */
import { join } from 'node:path';
import { isRoot, type ConfContext } from '@motcua/centre/mosquitto';

export * from '@motcua/centre/mosquitto';

/**
 * Replaces the values of directives in a Mosquitto config (every uncommented occurrence); `null`
 * comments the directive out. Throws if a directive is missing, so a test notices when the production
 * file stops declaring something it relies on.
 */
export function rewriteConf(text: string, replacements: Readonly<Record<string, string | null>>): string {
  const found = new Set<string>();
  const out = text.split('\n').map((line) => {
    const m = /^(\s*)([a-z_]+)(\s+)(.*)$/.exec(line);
    if (m === null) return line;
    const directive = m[2]!;
    const value = replacements[directive];
    if (value === undefined) return line;
    found.add(directive);
    if (value === null) return `# (removed for test) ${line}`;
    return `${m[1]!}${directive}${m[3]!}${value}`;
  });
  const missing = Object.keys(replacements).filter((d) => !found.has(d));
  if (missing.length > 0) throw new Error(`config lacks directive(s): ${missing.join(', ')}`);
  return out.join('\n');
}

/**
 * The production config (build/mosquitto/mosquitto.conf) pointed at the test's port and temp dir:
 * only the `[templated]` directives change. The files `passwd` and `acl` must be given in `files`.
 */
export function productionConfForTest(text: string): (ctx: ConfContext) => string {
  return (ctx) => {
    const rewritten = rewriteConf(text, {
      listener: `${ctx.port} ${ctx.host}`,
      password_file: join(ctx.dir, 'passwd'),
      acl_file: join(ctx.dir, 'acl'),
      persistence_location: ctx.dataDir,
      log_dest: 'stderr',
      ...(isRoot() ? { user: 'root' } : {}),
    });
    return rewritten;
  };
}
