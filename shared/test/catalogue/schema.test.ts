import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueError, parseCatalogue } from '../../src/catalogue/schema.js';
import { loadCatalogueFile } from '../../src/catalogue/files.js';
import { checkCatalogueAgainstConfig, placeOf } from '../../src/catalogue/config-check.js';
import { exampleConfigPaths, loadConfigFile } from '../../src/config.js';
import { rawSample, sample } from './helpers.js';

type Raw = Record<string, unknown>;
const procs = (c: Raw): Raw[] => c.procedures as Raw[];
const dossiers = (c: Raw): Raw[] => c.dossiers as Raw[];

function problemsOf(mutate: (c: Raw) => void): string[] {
  const raw = rawSample();
  mutate(raw);
  try {
    parseCatalogue(raw);
  } catch (e) {
    if (e instanceof CatalogueError) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('an invalid catalogue is refused with the field named', () => {
  const cases: [string, (c: Raw) => void, string][] = [
    ['missing name', (c) => delete procs(c)[4]!.name, 'procedures[4].name: is required'],
    ['empty name', (c) => (procs(c)[4]!.name = '  '), 'procedures[4].name: must not be empty'],
    [
      'decomposed (NFD) text',
      (c) => (procs(c)[2]!.name = 'Đăng ký kết hôn'.normalize('NFD')),
      'procedures[2].name: must be Unicode NFC',
    ],
    [
      'bad national code',
      (c) => (procs(c)[0]!.code = 'TTHC-1'),
      'procedures[0].code: must be a national procedure code',
    ],
    ['unknown level', (c) => (procs(c)[0]!.level = 'national'), 'procedures[0].level:'],
    [
      'no documents',
      (c) => (procs(c)[7]!.documents = []),
      'procedures[7].documents: must have at least 1 item',
    ],
    [
      'negative copies',
      (c) => ((procs(c)[7]!.documents as Raw[])[0]!.copies = -1),
      'procedures[7].documents[0].copies:',
    ],
    [
      'fee with neither amount nor text',
      (c) => (procs(c)[0]!.fees = [{ label: 'Lệ phí' }]),
      'procedures[0].fees[0]:',
    ],
    ['unknown field', (c) => (procs(c)[3]!.counter = 5), 'procedures[3]: unknown field "counter"'],
    ['duplicate id', (c) => (procs(c)[9]!.id = procs(c)[8]!.id), 'procedures[9].id: duplicate id'],
    [
      'malformed dossier code',
      (c) => (dossiers(c)[0]!.code = '12345'),
      'dossiers[0].code: must be a dossier code',
    ],
    [
      'dossier of an unknown procedure',
      (c) => (dossiers(c)[1]!.procedureId = 'nope'),
      'dossiers[1].procedureId: unknown procedure "nope"',
    ],
    [
      'due before received',
      (c) => (dossiers(c)[2]!.dueDate = '2000-01-01'),
      'dossiers[2].dueDate: is before receivedDate',
    ],
    [
      'impossible date',
      (c) => (dossiers(c)[2]!.receivedDate = '2026-02-30'),
      'dossiers[2].receivedDate: is not a real calendar date',
    ],
    ['unknown status', (c) => (dossiers(c)[3]!.status = 'lost'), 'dossiers[3].status:'],
    ['no procedures', (c) => (c.procedures = []), 'procedures: must have at least 1 item'],
  ];
  it.each(cases)('%s', (_name, mutate, expected) => {
    const problems = problemsOf(mutate);
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('refuses a catalogue from a newer version of the software', () => {
    expect(problemsOf((c) => (c.version = 2))).toEqual([
      'version: is 2, newer than this software understands (1); update the software',
    ]);
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(() => parseCatalogue([])).toThrow(CatalogueError);
    expect(() => parseCatalogue(null)).toThrow(CatalogueError);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-catalogue-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadCatalogueFile(bad)).toThrow(/\(file\): .*bad\.json is not valid JSON/);
    expect(() => loadCatalogueFile(join(dir, 'none.json'))).toThrow(/\(file\): cannot read/);
  });
});

describe('the catalogue against a centre config', () => {
  const provincial = loadConfigFile(exampleConfigPaths.provincial);

  it('names procedures whose area or department the centre does not have', () => {
    const c = structuredClone(sample);
    c.procedures[5]!.areaId = 'nowhere';
    c.procedures[6]!.areaId = 'gt-gplx'; // exists, but belongs to Transport, not this procedure's department
    const problems = checkCatalogueAgainstConfig(c, provincial).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual([
      'procedures[5].areaId: unknown area "nowhere" in the centre\'s config',
      `procedures[6].areaId: area "gt-gplx" belongs to department "sgtvt", not "${c.procedures[6]!.departmentId}"`,
    ]);
  });

  it('derives the counters of a procedure from the config', () => {
    const p = sample.procedures.find((x) => x.areaId === 'gt-gplx')!;
    expect(placeOf(p, provincial)).toEqual({
      areaId: 'gt-gplx',
      areaName: 'Giấy phép lái xe',
      departmentName: 'Sở Giao thông vận tải',
      counters: provincial.counters.filter((k) => k.areas.includes('gt-gplx')).map((k) => k.number),
    });
    expect(placeOf({ areaId: 'nowhere', departmentId: 'x' }, provincial)).toBeNull();
  });
});
