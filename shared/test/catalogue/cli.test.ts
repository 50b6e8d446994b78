import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchCommand } from '../../src/catalogue/cli.js';
import { exampleConfigPaths } from '../../src/config.js';
import { idOf, rawSample } from './helpers.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await searchCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('motcua search', () => {
  it('prints ranked {id, name, score} as JSON from the sample catalogue by default', async () => {
    const r = await run(['khai sinh', '--json', '--limit', '3']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.out) as { id: string; name: string; score: number }[];
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ id: idOf('Đăng ký khai sinh'), name: 'Đăng ký khai sinh' });
    expect(Object.keys(hits[0]!).sort()).toEqual(['id', 'name', 'score']);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
  });

  it('adds the counters serving each result when given the centre config', async () => {
    const r = await run(['bang lai', '--config', exampleConfigPaths.provincial, '--json', '--limit', '2']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.out) as { counters: number[] }[];
    expect(hits).toHaveLength(2);
    for (const h of hits) expect(h.counters).toEqual([12, 13, 14]);
  });

  it('prints readable lines without --json, and says so when nothing matches', async () => {
    const r = await run(['ly lich', '--limit', '1']);
    expect(r.out).toMatch(/^ 1\. Cấp Phiếu lý lịch tư pháp số \d/);
    expect((await run(['xyzzy qwerty'])).out).toMatch(/Không tìm thấy thủ tục phù hợp/);
  });

  it('searches another catalogue file, building its index when none lies next to it', async () => {
    const raw = rawSample();
    raw.procedures = (raw.procedures as { name: string }[]).filter((p) => p.name.includes('hộ chiếu'));
    raw.dossiers = [];
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-search-')), 'passports.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = await run(['ho chieu', '--catalogue', file, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as unknown[]).length).toBe((raw.procedures as unknown[]).length);
  });

  it('refuses a catalogue that does not fit the config, naming fields (first screenful only)', async () => {
    const r = await run(['khai sinh', '--config', exampleConfigPaths.district]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid catalogue\n {2}procedures\[0\]\.departmentId: unknown department/);
    expect(r.err).toMatch(/… and \d+ more problems/);
  });

  it('refuses an invalid catalogue file with its fields named', async () => {
    const raw = rawSample();
    (raw.procedures as Record<string, unknown>[])[1]!.code = 'x';
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-search-')), 'bad.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = await run(['khai sinh', '--catalogue', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/procedures\[1\]\.code: must be a national procedure code/);
  });

  it('answers bad usage with exit code 2', async () => {
    for (const argv of [[], ['a', 'b'], ['x', '--limit', '0'], ['x', '--limit'], ['x', '--frobnicate']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: motcua search/);
    }
  });
});
