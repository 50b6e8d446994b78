/**
 * `motcua search "<query>" [--catalogue <file>] [--config <file>] [--limit n] [--json]`: the look-up
 * terminal's search from the command line. Node only (reads files); the lead wires it into the CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, loadConfigFile } from '../config/load.js';
import type { CentreConfig } from '../config/schema.js';
import { checkCatalogueAgainstConfig, placeOf } from './config-check.js';
import { exampleCataloguePaths, loadCatalogueFile } from './files.js';
import { CatalogueError, type Catalogue } from './schema.js';
import { buildIndex, IndexMismatchError, loadIndex, type CatalogueIndex } from './search.js';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

const USAGE =
  'usage: motcua search "<query>" [--catalogue <file>] [--config <file>] [--limit n] [--json]\n' +
  '  default catalogue: the provincial sample; --config adds the counters serving each result';

/** A catalogue made for another centre fails on every procedure; the first screenful says enough. */
const MAX_PROBLEMS = 20;

interface Args {
  query: string;
  catalogue: string;
  config?: string;
  limit: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let query: string | undefined;
  let catalogue = exampleCataloguePaths.provincial;
  let config: string | undefined;
  let limit = 10;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '--json') json = true;
    else if (a === '--catalogue' || a === '--config' || a === '--limit') {
      const v = value();
      if (v === undefined) return `${a} needs a value`;
      if (a === '--catalogue') catalogue = v;
      else if (a === '--config') config = v;
      else {
        limit = Number(v);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) return '--limit needs a whole number 1-500';
      }
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (query === undefined) query = a;
    else return 'give the query as one argument (in quotes)';
  }
  if (query === undefined) return 'missing query';
  return { query, catalogue, ...(config === undefined ? {} : { config }), limit, json };
}

/** The pre-built index next to the catalogue (x.json → x.index.json) when it matches; else built here. */
function openIndex(path: string, catalogue: Catalogue, io: CliIo): CatalogueIndex {
  const indexPath = path.replace(/\.json$/, '.index.json');
  if (indexPath !== path && existsSync(indexPath)) {
    try {
      return loadIndex(readFileSync(indexPath, 'utf8'), catalogue);
    } catch (e) {
      if (!(e instanceof IndexMismatchError) && !(e instanceof SyntaxError)) throw e;
      io.err(`${indexPath}: ${e.message}; building the index instead`);
    }
  }
  return buildIndex(catalogue);
}

export async function searchCommand(argv: string[], io: CliIo): Promise<number> {
  await Promise.resolve();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`motcua search: ${args}\n${USAGE}`);
    return 2;
  }
  let catalogue: Catalogue;
  let config: CentreConfig | undefined;
  try {
    catalogue = loadCatalogueFile(args.catalogue);
    if (args.config !== undefined) {
      config = loadConfigFile(args.config);
      const problems = checkCatalogueAgainstConfig(catalogue, config);
      if (problems.length > 0) throw new CatalogueError(problems);
    }
  } catch (e) {
    if (!(e instanceof CatalogueError) && !(e instanceof ConfigError)) throw e;
    const what =
      e instanceof ConfigError
        ? `${args.config ?? ''}: invalid configuration`
        : `${args.catalogue}: invalid catalogue`;
    io.err(what);
    for (const p of e.problems.slice(0, MAX_PROBLEMS)) io.err(`  ${p.field}: ${p.message}`);
    if (e.problems.length > MAX_PROBLEMS) io.err(`  … and ${e.problems.length - MAX_PROBLEMS} more problems`);
    return 1;
  }
  const hits = openIndex(args.catalogue, catalogue, io)
    .search(args.query, args.limit)
    .map((h) => {
      const hit = { id: h.id, name: h.name, score: Math.round(h.score * 100) / 100 };
      if (config === undefined) return hit;
      const p = catalogue.procedures.find((x) => x.id === h.id)!;
      return { ...hit, counters: placeOf(p, config)?.counters ?? [] };
    });
  if (args.json) io.out(JSON.stringify(hits, null, 2));
  else if (hits.length === 0) io.out('Không tìm thấy thủ tục phù hợp. (No matching procedure.)');
  else
    hits.forEach((h, i) => {
      const counters = 'counters' in h ? `  [quầy ${h.counters.join(', ')}]` : '';
      io.out(`${String(i + 1).padStart(2)}. ${h.name}  (${h.id}, ${h.score})${counters}`);
    });
  return 0;
}

/** `motcua bench search [--json] [--procedures n] [--rounds n]`: prints benchSearch's figures. */
export async function benchSearchCommand(argv: string[], io: CliIo): Promise<number> {
  const num = (name: string): number | undefined | string => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = Number(argv[i + 1]);
    return Number.isInteger(v) && v >= 1 && v <= 100_000 ? v : `--${name} needs a whole number 1-100000`;
  };
  const procedures = num('procedures');
  const rounds = num('rounds');
  const unknown = argv.filter(
    (a) => a.startsWith('--') && !['--json', '--procedures', '--rounds'].includes(a),
  );
  const problem =
    [procedures, rounds].find((x) => typeof x === 'string') ??
    (unknown[0] === undefined ? undefined : `unknown option ${unknown[0]}`);
  if (problem !== undefined) {
    io.err(
      `motcua bench search: ${problem}\nusage: motcua bench search [--json] [--procedures n] [--rounds n]`,
    );
    return 2;
  }
  const { benchSearch } = await import('./bench.js');
  const r = benchSearch({
    ...(typeof procedures === 'number' ? { procedures } : {}),
    ...(typeof rounds === 'number' ? { rounds } : {}),
  });
  if (argv.includes('--json')) io.out(JSON.stringify(r, null, 2));
  else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(30)} ${String(v)}`);
  return 0;
}
