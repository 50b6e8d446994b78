import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { exampleCataloguePaths } from '../../src/catalogue/files.js';
import { checkCatalogueAgainstConfig } from '../../src/catalogue/config-check.js';
import { buildIndex, IndexMismatchError, loadIndex } from '../../src/catalogue/search.js';
import { exampleConfigPaths, loadConfigFile } from '../../src/config.js';
import { idOf, rawSample, sample } from './helpers.js';

const provincial = loadConfigFile(exampleConfigPaths.provincial);

/** Procedures citizens come for most: each must be in the sample under (at least) this name. */
const MUST_HAVE = [
  'Đăng ký khai sinh',
  'Đăng ký kết hôn',
  'Đăng ký khai tử',
  'Cấp Phiếu lý lịch tư pháp số 1',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
  'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
  'Đăng ký thành lập hộ kinh doanh',
  'Cấp đổi Giấy phép lái xe do ngành Giao thông vận tải cấp',
  'Cấp lại Giấy phép lái xe',
  'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
  'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
];

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) strings(v, out);
  return out;
}

describe('the sample catalogue of the provincial centre', () => {
  it('has at least 300 procedures from every department of the provincial example', () => {
    expect(sample.procedures.length).toBeGreaterThanOrEqual(300);
    const depts = new Set(sample.procedures.map((p) => p.departmentId));
    for (const d of provincial.departments) expect(depts.has(d.id), d.id).toBe(true);
  });

  it('fits the provincial config: every area exists and belongs to the procedure’s department', () => {
    expect(checkCatalogueAgainstConfig(sample, provincial)).toEqual([]);
    const areas = new Set(sample.procedures.map((p) => p.areaId));
    for (const a of provincial.areas) expect(areas.has(a.id), a.id).toBe(true);
  });

  it('contains the procedures citizens come for most, with documents, time and fees', () => {
    for (const name of MUST_HAVE) {
      const p = sample.procedures.find((x) => x.id === idOf(name))!;
      expect(p.documents.length, name).toBeGreaterThan(0);
      expect(p.processingDays > 0 || p.processingText !== undefined, name).toBe(true);
      expect(p.fees.length, name).toBeGreaterThan(0);
    }
  });

  it('is NFC everywhere, as committed (not only after parsing)', () => {
    const all = strings(rawSample());
    expect(all.length).toBeGreaterThan(3000);
    const bad = all.filter((s) => s !== s.normalize('NFC'));
    expect(bad).toEqual([]);
  });

  it('states every fee in whole đồng, and same-day procedures say so in words', () => {
    for (const p of sample.procedures) {
      for (const f of p.fees) if ('amountVnd' in f) expect(f.amountVnd % 1000, p.id).toBe(0);
      if (p.processingDays === 0) expect(p.processingText, p.id).toBeDefined();
    }
  });

  it('has sample dossiers whose procedures exist and whose codes carry their received date', () => {
    expect(sample.dossiers.length).toBeGreaterThanOrEqual(8);
    for (const d of sample.dossiers) {
      expect(d.code.split('-')[1]).toBe(d.receivedDate.slice(2).replaceAll('-', ''));
    }
  });
});

describe('the pre-built index', () => {
  const text = readFileSync(exampleCataloguePaths.provincialIndex, 'utf8');

  it('is exactly what building the committed catalogue gives (regenerate: make-sample-catalogue.ts)', () => {
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(buildIndex(sample).toJSON())));
  });

  it('stays well under 1.5 MB', () => {
    expect(statSync(exampleCataloguePaths.provincialIndex).size).toBeLessThan(1_500_000);
  });

  it('loads and answers like a freshly built index', () => {
    const loaded = loadIndex(text, sample);
    const built = buildIndex(sample);
    for (const q of ['khai sinh', 'so do', 'bang lai', 'ly lich tu phap', 'khai sihn', 'dang ky k']) {
      expect(loaded.search(q)).toEqual(built.search(q));
    }
  });

  it('is refused for a catalogue it was not built from, and when it is not an index', () => {
    const changed = structuredClone(sample);
    changed.procedures[0]!.name = 'Đăng ký khai sinh lưu động';
    expect(() => loadIndex(text, changed)).toThrow(IndexMismatchError);
    expect(() => loadIndex('{"format":"something-else"}', sample)).toThrow(/not a catalogue index file/);
    const older = { ...(JSON.parse(text) as Record<string, unknown>), formatVersion: 0 };
    expect(() => loadIndex(JSON.stringify(older), sample)).toThrow(/index format 0/);
  });
});
