/**
 * Writes the sample catalogue for the provincial example centre and its pre-built search index:
 *   npx tsx shared/scripts/make-sample-catalogue.ts
 * The procedures are hand-written in catalogue-data/; ids, national-style codes and the sample dossiers are
 * derived here deterministically, so running it twice gives the same files. Procedure codes follow the
 * national database's shape but are illustrative, not the official codes.
 */
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { loadConfigFile } from '../src/config/load.js';
import { exampleConfigPaths } from '../src/example-configs.js';
import { foldDiacritics } from '../src/catalogue/normalise.js';
import {
  parseCatalogue,
  CatalogueError,
  type CatalogueInput,
  type DossierRecord,
  type Procedure,
} from '../src/catalogue/schema.js';
import { checkCatalogueAgainstConfig } from '../src/catalogue/config-check.js';
import { DOSSIER_STATUSES, type DossierStatus } from '../src/catalogue/dossier-status.js';
import { buildIndex } from '../src/catalogue/search.js';
import { exampleCataloguePaths } from '../src/catalogue/files.js';
import type { SampleArea } from './catalogue-data/types.js';
import { justice } from './catalogue-data/justice.js';
import { business } from './catalogue-data/business.js';
import { land } from './catalogue-data/land.js';
import { transportTrade } from './catalogue-data/transport-trade.js';
import { social } from './catalogue-data/social.js';
import { other } from './catalogue-data/other.js';

const REVISION = 1;
const LEVEL_DIGIT = { province: 1, district: 2, commune: 3 } as const;

function slug(name: string): string {
  const words = foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  let out = '';
  for (const w of words) {
    const next = out === '' ? w : `${out}-${w}`;
    if (next.length > 60) break;
    out = next;
  }
  return out;
}

function parseDoc(s: string): Procedure['documents'][number] {
  const m = /^(\d+)×\s*/.exec(s);
  const copies = m === null ? 1 : Number(m[1]);
  const rest = m === null ? s : s.slice(m[0].length);
  const [name, note] = rest.split(' | ');
  return note === undefined ? { name: name!, copies } : { name: name!, copies, note };
}

function procedures(areas: readonly SampleArea[]): Procedure[] {
  const out: Procedure[] = [];
  const ids = new Set<string>();
  areas.forEach((area, a) => {
    area.procedures.forEach((p, i) => {
      let id = slug(p.n);
      for (let k = 2; ids.has(id); k++) id = `${slug(p.n).slice(0, 56)}-${k}`;
      ids.add(id);
      const level = p.lv ?? area.level;
      out.push({
        id,
        code: `${LEVEL_DIGIT[level]}.0${String(10 + a)}${String(i + 1).padStart(3, '0')}`,
        name: p.n,
        shortNames: p.s ?? [],
        departmentId: area.departmentId,
        areaId: area.areaId,
        level,
        documents: p.docs.map(parseDoc),
        processingDays: p.d,
        ...(p.t === undefined ? {} : { processingText: p.t }),
        fees: p.f ?? [],
      });
    });
  });
  return out;
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function addWorkingDays(ms: number, days: number): number {
  let t = ms;
  for (let left = days; left > 0;) {
    t += DAY;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return t;
}

/** Days before 2026-12-01 each status's dossiers were received, so their dates read naturally. */
const AGE: Record<DossierStatus, readonly number[]> = {
  received: [0, 1, 0],
  processing: [2, 5, 8],
  'needs-supplement': [4, 6, 9],
  ready: [10, 15, 21],
  returned: [25, 30, 40],
  overdue: [35, 45, 60],
  rejected: [12, 20, 28],
  withdrawn: [7, 18, 33],
};

const DOSSIER_PROCEDURES = [
  'dang-ky-khai-sinh',
  'cap-phieu-ly-lich-tu-phap-so-1',
  'dang-ky-thanh-lap-ho-kinh-doanh',
  'cap-doi-giay-phep-lai-xe-do-nganh-giao-thong-van-tai-cap',
  'dang-ky-bien-dong-quyen-su-dung-dat-quyen-so-huu-tai-san-gan',
  'cap-giay-phep-xay-dung-moi-doi-voi-nha-o-rieng-le',
  'dang-ky-thanh-lap-cong-ty-trach-nhiem-huu-han-mot-thanh-vien',
  'cap-ho-chieu-pho-thong-lan-dau',
];

function dossiers(procs: readonly Procedure[], departmentIds: readonly string[]): DossierRecord[] {
  const today = Date.UTC(2026, 11, 1);
  const byId = new Map(procs.map((p) => [p.id, p]));
  const seqByDay = new Map<string, number>();
  const out: DossierRecord[] = [];
  let k = 0;
  for (const status of DOSSIER_STATUSES) {
    for (const age of AGE[status]) {
      const p = byId.get(DOSSIER_PROCEDURES[k++ % DOSSIER_PROCEDURES.length]!);
      if (p === undefined) throw new Error(`sample dossier procedure missing (${String(k)})`);
      let received = today - age * DAY;
      while ([0, 6].includes(new Date(received).getUTCDay())) received -= DAY;
      const agency = `000.00.${String(10 + departmentIds.indexOf(p.departmentId))}.H33`;
      const day = iso(received);
      const seq = (seqByDay.get(`${agency}${day}`) ?? 0) + 1;
      seqByDay.set(`${agency}${day}`, seq);
      out.push({
        code: `${agency}-${day.slice(2).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
        procedureId: p.id,
        status,
        receivedDate: day,
        dueDate: iso(addWorkingDays(received, Math.max(p.processingDays, 1))),
      });
    }
  }
  return out;
}

export function makeSampleCatalogue(): CatalogueInput {
  const config = loadConfigFile(exampleConfigPaths.provincial);
  const procs = procedures([...justice, ...business, ...land, ...transportTrade, ...social, ...other]);
  const raw: CatalogueInput = {
    version: 1,
    revision: REVISION,
    procedures: procs,
    dossiers: dossiers(
      procs,
      config.departments.map((d) => d.id),
    ),
  };
  const parsed = parseCatalogue(raw);
  const problems = checkCatalogueAgainstConfig(parsed, config);
  if (problems.length > 0) throw new CatalogueError(problems);
  return raw;
}

const catalogue = makeSampleCatalogue();
// Formatted as the repository's Prettier check expects; the index is a generated blob (see .prettierignore).
writeFileSync(
  exampleCataloguePaths.provincial,
  await format(JSON.stringify(catalogue), { parser: 'json', printWidth: 110 }),
);
const index = buildIndex(parseCatalogue(catalogue));
writeFileSync(exampleCataloguePaths.provincialIndex, JSON.stringify(index.toJSON()));
console.log(
  `${exampleCataloguePaths.provincial}: ${catalogue.procedures.length} procedures, ` +
    `${String(catalogue.dossiers?.length ?? 0)} dossiers; index ${index.size} documents`,
);
