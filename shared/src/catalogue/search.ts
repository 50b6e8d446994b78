/**
 * Search-as-you-type over the procedure catalogue, on MiniSearch with the Vietnamese normaliser.
 *
 * - Every term goes through `normaliseTerm` (diacritics, đ, ký/kí), in the index and in the query.
 * - Citizen short names are indexed with the procedures they stand for (see synonyms.ts).
 * - The last term is a prefix while the citizen is still typing it (no space after it yet); a lone
 *   letter being typed after other words is ignored until the second letter, so results do not jump.
 * - Tiers, first non-empty wins: AND exact/prefix; AND with fuzzy; OR with fuzzy. AND first so each extra
 *   word narrows; fuzzy only when exact words found nothing (it multiplies the terms looked up, which
 *   costs time on every keystroke); OR when a stray word or a typo left nothing. When an extra word left
 *   AND with only one or two procedures, OR results follow them ("khai sinh cho trẻ").
 * - Fuzzy (20% of the length) only for terms of 4+ characters: shorter fuzzy terms match half the
 *   vocabulary. Adjacent letters swapped ("sihn") cost 2 edits, so a swap that yields a known word is
 *   corrected first.
 * - The index ships pre-built (`toJSON` / `loadIndex`), with a fingerprint of what it indexed so a stale
 *   index is refused rather than silently answering for another catalogue.
 * Pure: no Node imports.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { memoisedNormaliser, normaliseWords, tokenise, type TermNormaliser } from './normalise.js';
import { prepareSynonyms, type PreparedSynonyms } from './synonyms.js';
import type { Catalogue } from './schema.js';

export interface SearchHit {
  id: string;
  name: string;
  score: number;
}

interface IndexedDoc {
  id: string;
  name: string;
  aliases: string;
  code: string;
}

/** Bumped whenever the indexed fields, tokenising or normalising change: old pre-built indexes are refused. */
const INDEX_FORMAT = 1;

const BOOST = { name: 3, aliases: 2, code: 1 };
const fuzzy = (term: string): number | false => (term.length >= 4 ? 0.2 : false);
/** Fewer AND results than this, for a query of several words, and OR results are added after them. */
const FEW = 3;

function options(normalise: TermNormaliser): Options<IndexedDoc> {
  return {
    fields: ['name', 'aliases', 'code'],
    storeFields: [],
    tokenize: tokenise,
    processTerm: normalise,
    searchOptions: { boost: BOOST },
  };
}

/** Words that only say "I want a procedure"; dropped from a query unless nothing else is left. */
const QUERY_NOISE = ['thu tuc', 'ho so', 'o dau', 'nhu the nao', 'bao nhieu', 'lam', 'xin', 'muon'].map((p) =>
  p.split(' '),
);

export class IndexMismatchError extends Error {
  readonly reason = 'index-stale';
  constructor(detail: string) {
    super(`pre-built search index does not match the catalogue: ${detail}`);
    this.name = 'IndexMismatchError';
  }
}

function documentsOf(catalogue: Pick<Catalogue, 'procedures'>, synonyms: PreparedSynonyms): IndexedDoc[] {
  return catalogue.procedures.map((p) => ({
    id: p.id,
    name: p.name,
    aliases: [...new Set([...p.shortNames, ...synonyms.aliasesFor(p.name, p.shortNames)])].join('; '),
    code: p.code,
  }));
}

/** FNV-1a, 32 bits: enough to notice an index built from different documents. */
function fingerprint(docs: readonly IndexedDoc[]): string {
  let h = 0x811c9dc5;
  const s = `${INDEX_FORMAT}\n${JSON.stringify(docs)}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function dropNoise(terms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length;) {
    const run = QUERY_NOISE.find((n) => n.every((w, j) => terms[i + j] === w));
    if (run === undefined) out.push(terms[i++]!);
    else i += run.length;
  }
  return out.length > 0 ? out : terms;
}

export class CatalogueIndex {
  private readonly names: Map<string, string>;
  private readonly vocabulary: Set<string>;
  private readonly sortedVocabulary: string[];

  constructor(
    private readonly mini: MiniSearch<IndexedDoc>,
    private readonly normalise: TermNormaliser,
    private readonly synonyms: PreparedSynonyms,
    docs: readonly IndexedDoc[],
    readonly fingerprint: string,
    readonly revision: number,
  ) {
    this.names = new Map(docs.map((d) => [d.id, d.name]));
    this.vocabulary = new Set(docs.flatMap((d) => normaliseWords(`${d.name} ${d.aliases}`, normalise)));
    this.sortedVocabulary = [...this.vocabulary].sort();
  }

  get size(): number {
    return this.mini.documentCount;
  }

  private startsAWord(prefix: string): boolean {
    let lo = 0;
    let hi = this.sortedVocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedVocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return this.sortedVocabulary[lo]?.startsWith(prefix) ?? false;
  }

  /** "sihn" → "sinh" when only a swap of two neighbouring letters separates it from a known word. */
  private unswap(term: string, typing: boolean): string {
    if (term.length < 3 || this.vocabulary.has(term) || (typing && this.startsAWord(term))) return term;
    for (let i = 0; i + 1 < term.length; i++) {
      const t = term.slice(0, i) + term[i + 1]! + term[i]! + term.slice(i + 2);
      if (this.vocabulary.has(t)) return t;
    }
    return term;
  }

  /**
   * Ranked procedures for what the citizen has typed so far. [] until there are two letters to go on:
   * one letter matches half the catalogue and says nothing.
   */
  search(query: string, limit = 10): SearchHit[] {
    // Still typing the last word unless the query ends with a space.
    const typing = !/[\s\p{P}]$/u.test(query);
    let terms = dropNoise(normaliseWords(query, this.normalise));
    if (typing && terms.length > 1 && terms[terms.length - 1]!.length === 1) terms = terms.slice(0, -1);
    if (terms.length === 0 || (terms.length === 1 && terms[0]!.length < 2)) return [];
    const last = terms.length - 1;
    const fixed = terms.map((t, i) => this.unswap(t, typing && i === last));
    const phrases = this.synonyms.phrasesIn(fixed);
    // Joined citizen phrases go first so that the last typed term stays last and keeps its prefix match.
    const q = [...phrases, ...fixed].join(' ');
    const prefix = (_t: string, i: number, all: string[]): boolean => typing && i === all.length - 1;
    const hit = (r: { id: unknown; score: number }): SearchHit => {
      const id = String(r.id);
      return { id, name: this.names.get(id) ?? id, score: r.score };
    };
    const strict = this.mini.search(q, { combineWith: 'AND', prefix });
    if (strict.length >= FEW || (strict.length > 0 && terms.length === 1))
      return strict.slice(0, limit).map(hit);
    if (strict.length > 0) {
      // An extra word narrowed AND to one or two procedures: keep them first, then what matches most of the
      // whole words (no prefix here: a half-typed word matching dozens of words made this the slowest case).
      const seen = new Set(strict.map((r) => r.id as unknown));
      const loose = this.mini.search(q, { combineWith: 'OR' }).filter((r) => !seen.has(r.id));
      return [...strict, ...loose].slice(0, limit).map(hit);
    }
    for (const tier of [
      { combineWith: 'AND', prefix, fuzzy },
      { combineWith: 'OR', prefix, fuzzy },
    ] satisfies SearchOptions[]) {
      const results = this.mini.search(q, tier);
      if (results.length > 0) return results.slice(0, limit).map(hit);
    }
    return [];
  }

  /** The pre-built index file's content. */
  toJSON(): PrebuiltIndex {
    return {
      format: 'motcua-catalogue-index',
      formatVersion: INDEX_FORMAT,
      catalogueRevision: this.revision,
      fingerprint: this.fingerprint,
      index: this.mini.toJSON(),
    };
  }
}

export interface PrebuiltIndex {
  format: 'motcua-catalogue-index';
  formatVersion: number;
  catalogueRevision: number;
  fingerprint: string;
  index: unknown;
}

export function buildIndex(catalogue: Pick<Catalogue, 'procedures' | 'revision'>): CatalogueIndex {
  const normalise = memoisedNormaliser();
  const synonyms = prepareSynonyms(undefined, normalise);
  const docs = documentsOf(catalogue, synonyms);
  const mini = new MiniSearch<IndexedDoc>(options(normalise));
  mini.addAll(docs);
  return new CatalogueIndex(mini, normalise, synonyms, docs, fingerprint(docs), catalogue.revision);
}

/**
 * Loads a pre-built index (the parsed or raw JSON of `toJSON()`) for this catalogue. Throws
 * IndexMismatchError when it was built from other procedures or by another index format.
 */
export function loadIndex(
  json: string | PrebuiltIndex,
  catalogue: Pick<Catalogue, 'procedures' | 'revision'>,
): CatalogueIndex {
  const raw: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== 'motcua-catalogue-index'
  )
    throw new IndexMismatchError('not a catalogue index file');
  const pre = raw as PrebuiltIndex;
  if (pre.formatVersion !== INDEX_FORMAT)
    throw new IndexMismatchError(
      `index format ${String(pre.formatVersion)}, this software uses ${INDEX_FORMAT}`,
    );
  const normalise = memoisedNormaliser();
  const synonyms = prepareSynonyms(undefined, normalise);
  const docs = documentsOf(catalogue, synonyms);
  const fp = fingerprint(docs);
  if (pre.fingerprint !== fp)
    throw new IndexMismatchError(
      `built for catalogue revision ${String(pre.catalogueRevision)} (${pre.fingerprint}), ` +
        `this is revision ${catalogue.revision} (${fp})`,
    );
  const mini = MiniSearch.loadJSON<IndexedDoc>(JSON.stringify(pre.index), options(normalise));
  return new CatalogueIndex(mini, normalise, synonyms, docs, fp, catalogue.revision);
}
