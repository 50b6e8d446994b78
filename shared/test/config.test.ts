import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  SHOWN_PROBLEMS,
  exampleConfigPaths,
  formatProblems,
  loadConfigFile,
  parseConfig,
} from '../src/config.js';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const provincial = loadConfigFile(exampleConfigPaths.provincial);

function problemsOf(mutate: (c: Record<string, unknown>) => void): string[] {
  const raw = JSON.parse(JSON.stringify(provincial)) as Record<string, unknown>;
  mutate(raw);
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('example configs', () => {
  it('the provincial centre has 13+ departments, about 30 counters and several priority categories', () => {
    expect(provincial.departments.length).toBeGreaterThanOrEqual(13);
    expect(provincial.counters.length).toBeGreaterThanOrEqual(25);
    expect(provincial.counters.length).toBeLessThanOrEqual(40);
    expect(provincial.priorityCategories.length).toBeGreaterThanOrEqual(3);
  });
  it('the district centre has one kiosk and 5 counters', () => {
    const d = loadConfigFile(exampleConfigPaths.district);
    expect(d.kiosks).toHaveLength(1);
    expect(d.counters).toHaveLength(5);
  });
  it('fills defaults: time zone, rating scale, ticket layout', () => {
    const d = loadConfigFile(exampleConfigPaths.district);
    expect(d.centre.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(d.rating.levels.map((l) => l.label)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(d.transferPlacement).toBe('original-time');
  });
});

describe('an invalid config is refused with the field named', () => {
  const cases: [string, (c: Record<string, unknown>) => void, string][] = [
    [
      'missing centre name',
      (c) => delete (c.centre as Record<string, unknown>).name,
      'centre.name: is required',
    ],
    [
      'bad time zone',
      (c) => ((c.centre as Record<string, unknown>).timeZone = 'Mars/Base'),
      'centre.timeZone: must be an IANA time zone',
    ],
    [
      'counter serving an unknown area',
      (c) => ((c.counters as { areas: string[] }[])[3]!.areas = ['nope']),
      'counters[3].areas[0]: unknown area "nope"',
    ],
    [
      'area of an unknown department',
      (c) => ((c.areas as { departmentId: string }[])[0]!.departmentId = 'x'),
      'areas[0].departmentId: unknown department "x"',
    ],
    [
      'reversed number range',
      (c) => ((c.areas as { numberRange: unknown }[])[1]!.numberRange = { from: 9, to: 1 }),
      'areas[1].numberRange: from must not be greater than to',
    ],
    [
      'quota larger than the range',
      (c) => ((c.areas as { dailyQuota: number }[])[0]!.dailyQuota = 5000),
      'areas[0].dailyQuota: is 5000 but numberRange holds only 999 numbers',
    ],
    [
      'two counters with one number',
      (c) => ((c.counters as { number: number }[])[1]!.number = 1),
      'counters[1].number: 1 is also counters[0].number',
    ],
    ['unknown field', (c) => (c.colour = 'blue'), '(root): unknown field "colour"'],
    [
      'bad opening time',
      (c) => ((c.hours as Record<string, unknown>).mon = [{ open: '7h', close: '11:00' }]),
      'hours.mon[0].open: must be a time "HH:mm"',
    ],
    [
      'newer schema',
      (c) => (c.schemaVersion = 9),
      'schemaVersion: is 9, newer than this software understands',
    ],
    [
      'priority policy typo',
      (c) => ((c.priorityPolicy as Record<string, unknown>).mode = 'priority'),
      'priorityPolicy.mode:',
    ],
    [
      'QR link without placeholder',
      (c) => ((c.ticket as Record<string, unknown>).qr = { kind: 'link', template: 'https://x' }),
      'ticket.qr.template: must contain {ticketId}',
    ],
  ];
  it.each(cases)('%s', (_name, mutate, expected) => {
    const problems = problemsOf(mutate);
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a file that is not JSON names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-'));
    const f = join(dir, 'c.json');
    writeFileSync(f, '{ "schemaVersion": 1,');
    expect(() => loadConfigFile(f)).toThrow(/c\.json is not valid JSON/);
  });
});

describe('config errors: types named, one pass, capped', () => {
  const district = (): Record<string, unknown> =>
    JSON.parse(readFileSync(exampleConfigPaths.district, 'utf8')) as Record<string, unknown>;
  const problemsOf = (raw: unknown): string[] => {
    try {
      parseConfig(raw);
    } catch (e) {
      return (e as ConfigError).problems.map((p) => `${p.field}: ${p.message}`);
    }
    return [];
  };

  it('a wrong type says the type it expected and what it got, not "is required"', () => {
    const c = district();
    (c.centre as Record<string, unknown>).name = 42;
    expect(problemsOf(c)).toContain('centre.name: must be string, not number 42');
  });

  it('bad references are reported in the same pass as bad ids', () => {
    const c = district();
    (c.centre as Record<string, unknown>).name = 42;
    (c.counters as { areas: string[] }[])[0]!.areas = ['nope'];
    const p = problemsOf(c);
    expect(p).toContain('centre.name: must be string, not number 42');
    expect(p).toContain('counters[0].areas[0]: unknown area "nope"');
  });

  it('a file with thousands of errors is reported capped, with a count of the rest', () => {
    const c = district();
    c.officers = Array.from({ length: 30_000 }, () => ({ id: 'BAD ID', name: '' }));
    let err: ConfigError | null = null;
    try {
      parseConfig(c);
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err!.problems.length).toBeGreaterThan(30_000);
    const lines = formatProblems(err!.problems);
    expect(lines).toHaveLength(SHOWN_PROBLEMS + 1);
    expect(lines.at(-1)).toBe(`… and ${err!.problems.length - SHOWN_PROBLEMS} more problems`);
    expect(err!.message.split('\n')).toHaveLength(SHOWN_PROBLEMS + 1);
  });
});
