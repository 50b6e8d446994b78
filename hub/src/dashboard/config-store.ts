/**
 * Configuration changes made on the dashboard: each accepted change is a new revision, kept as a file in the
 * hub's data folder (`dashboard/config/r<revision>.json`), written to an append-only audit log
 * (`dashboard/audit.jsonl`: who, when, what changed) and published as the retained config devices follow.
 *
 * The `dashboard` block (accounts and their password hashes) is not editable here and never shown: accounts
 * are managed in the config file with `motcua dashboard-password-hash`, so no one can lock every admin out
 * from a browser, and the hashes stay on the hub.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig, type CentreConfig } from '@motcua/shared';

export interface AuditEntry {
  readonly revision: number;
  readonly at: number;
  readonly by: { readonly username: string; readonly name: string };
  readonly changes: readonly string[];
}

export type ApplyResult =
  | { readonly ok: true; readonly revision: number; readonly changes: readonly string[] }
  | {
      readonly ok: false;
      readonly reason: 'invalid-config';
      readonly problems: readonly { field: string; message: string }[];
    }
  | {
      readonly ok: false;
      readonly reason: 'unsafe-change';
      readonly problems: readonly { field: string; message: string }[];
    }
  | { readonly ok: false; readonly reason: 'stale-revision'; readonly current: number }
  | { readonly ok: false; readonly reason: 'no-change' };

const folder = (dataDir: string): string => join(dataDir, 'dashboard');
const versions = (dataDir: string): string => join(folder(dataDir), 'config');

/** The config as an admin edits it: everything but the dashboard block. */
export function editableConfig(c: CentreConfig): Omit<CentreConfig, 'dashboard'> {
  const { dashboard: _dashboard, ...rest } = c;
  return rest;
}

/**
 * The newest configuration: the file's, or a revision saved from the dashboard when it is newer. The file's
 * dashboard block (accounts) always wins: it is only ever edited in the file.
 */
export function newestStoredConfig(fileConfig: CentreConfig, dataDir: string): CentreConfig {
  const dir = versions(dataDir);
  if (!existsSync(dir)) return fileConfig;
  const revs = readdirSync(dir)
    .map((f) => /^r(\d+)\.json$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  const newest = revs[0];
  if (newest === undefined || newest <= fileConfig.revision) return fileConfig;
  const raw = JSON.parse(readFileSync(join(dir, `r${newest}.json`), 'utf8')) as Record<string, unknown>;
  return parseConfig({ ...raw, dashboard: fileConfig.dashboard });
}

/** "What changed", one line per changed field (array items matched by id when they have one), at most 40. */
export function diffSummary(before: unknown, after: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 40) return out;
  const show = (v: unknown): string => {
    // JSON.stringify(undefined) is undefined at run time, whatever its typing says.
    const s = v === undefined ? 'undefined' : JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  };
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const idOf = (v: unknown): string | undefined => (isObj(v) && typeof v.id === 'string' ? v.id : undefined);
  const list = (v: unknown): readonly unknown[] | null => (Array.isArray(v) ? (v as unknown[]) : null);
  const bl = list(before);
  const al = list(after);
  if (bl !== null && al !== null && [...bl, ...al].every((x) => idOf(x) !== undefined)) {
    const b = new Map(bl.map((x) => [idOf(x)!, x]));
    const a = new Map(al.map((x) => [idOf(x)!, x]));
    for (const id of b.keys()) if (!a.has(id)) out.push(`${path}[${id}] removed`);
    for (const [id, v] of a)
      if (!b.has(id)) out.push(`${path}[${id}] added`);
      else diffSummary(b.get(id), v, `${path}[${id}]`, out);
    return out.slice(0, 40);
  }
  if (isObj(before) && isObj(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      diffSummary(before[k], after[k], path === '' ? k : `${path}.${k}`, out);
    return out.slice(0, 40);
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push(`${path}: ${show(before)} → ${show(after)}`);
  return out.slice(0, 40);
}

export class ConfigStore {
  private current: CentreConfig;
  constructor(
    private readonly dataDir: string,
    initial: CentreConfig,
    private readonly publish: (c: CentreConfig) => Promise<void>,
    /**
     * Problems that make a valid change unsafe to apply now (the hub's live rules, hub/src/live-config.ts);
     * such a change is refused whole, nothing saved. Called synchronously just before saving, so nothing the
     * hub handles can come between the check and the switch (`publish` applies it before it awaits anything).
     */
    private readonly vet: (
      current: CentreConfig,
      next: CentreConfig,
    ) => readonly { field: string; message: string }[] = () => [],
  ) {
    this.current = initial;
    mkdirSync(versions(dataDir), { recursive: true, mode: 0o700 });
  }

  get config(): CentreConfig {
    return this.current;
  }

  /**
   * Validates `raw` (the editable part) through the centre's schema; on success saves it as the next
   * revision, audits it and publishes it. `baseRevision` is the revision the admin edited: a change made
   * meanwhile by someone else is not overwritten silently.
   */
  async apply(
    raw: unknown,
    baseRevision: number,
    by: { username: string; name: string },
    now: number,
  ): Promise<ApplyResult> {
    if (baseRevision !== this.current.revision)
      return { ok: false, reason: 'stale-revision', current: this.current.revision };
    const revision = this.current.revision + 1;
    let next: CentreConfig;
    try {
      const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : { '(root)': raw };
      // The dashboard block is the file's; the revision is ours to assign.
      next = parseConfig({ ...input, revision, dashboard: this.current.dashboard });
    } catch (e) {
      if (e instanceof ConfigError) return { ok: false, reason: 'invalid-config', problems: e.problems };
      throw e;
    }
    const changes = diffSummary(
      { ...editableConfig(this.current), revision: 0 },
      { ...editableConfig(next), revision: 0 },
    );
    if (changes.length === 0) return { ok: false, reason: 'no-change' };
    const problems = this.vet(this.current, next);
    if (problems.length > 0) return { ok: false, reason: 'unsafe-change', problems };
    const file = join(versions(this.dataDir), `r${revision}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(editableConfig(next), null, 2), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    const entry: AuditEntry = { revision, at: now, by, changes };
    appendFileSync(join(folder(this.dataDir), 'audit.jsonl'), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    this.current = next;
    await this.publish(next);
    return { ok: true, revision, changes };
  }

  /** Newest first, at most `limit`. */
  history(limit = 50): AuditEntry[] {
    const file = join(folder(this.dataDir), 'audit.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as AuditEntry)
      .reverse()
      .slice(0, limit);
  }
}
