import { describe, expect, it } from 'vitest';
import { tableDossierAdapter } from '../../src/catalogue/dossier.js';
import {
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  isDossierCode,
  parseDossierCode,
} from '../../src/catalogue/dossier-status.js';
import { sample } from './helpers.js';

const TODAY = '2026-12-01';
const adapter = tableDossierAdapter(sample, { today: () => TODAY });
const open = sample.dossiers.find((d) => d.status === 'processing')!;

describe('dossier status look-up (table adapter)', () => {
  it('finds a dossier by its code: status, labels and dates only', async () => {
    const r = await adapter.lookup(open.code);
    expect(r).toEqual({
      kind: 'found',
      code: open.code,
      procedureId: open.procedureId,
      status: 'processing',
      statusLabel: { vi: 'Đang xử lý', en: 'Being processed' },
      receivedDate: open.receivedDate,
      dueDate: open.dueDate,
      overdue: open.dueDate < TODAY,
    });
  });

  it('accepts what a scanner or a hurried citizen gives: spaces, lower case, a portal link', async () => {
    for (const input of [
      ` ${open.code.toLowerCase()} `,
      open.code.replace('-', ' - '),
      `https://dichvucong.example.gov.vn/tra-cuu?ma=${open.code}&lang=vi`,
    ]) {
      const r = await adapter.lookup(input);
      expect(r.kind, input).toBe('found');
    }
  });

  it('says "unknown" for a well-formed code not in the table, with a message to ask at the counter', async () => {
    const r = await adapter.lookup('000.00.19.H33-261130-9999');
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.message).toMatch(/Không tìm thấy hồ sơ 000\.00\.19\.H33-261130-9999/);
  });

  it('says "malformed" with a reason for anything else', async () => {
    const cases: [string, RegExp][] = [
      ['', /Vui lòng nhập mã hồ sơ/],
      ['hello', /không đúng định dạng/],
      ['000.00.19.H33-261301-0001', /Ngày trong mã hồ sơ không hợp lệ/],
      [`${open.code} 000.00.19.H33-261130-0002`, /nhiều mã hồ sơ/],
    ];
    for (const [input, message] of cases) {
      const r = await adapter.lookup(input);
      expect(r.kind, input).toBe('malformed');
      if (r.kind === 'malformed') {
        expect(r.message).toMatch(message);
        expect(r.messageEn.length).toBeGreaterThan(0);
      }
    }
  });

  it('flags an open dossier past its due date as overdue, but not a closed one or one awaiting documents', async () => {
    const a = tableDossierAdapter(
      {
        dossiers: [
          {
            code: '000.00.19.H33-261101-0001',
            procedureId: 'x',
            status: 'processing',
            receivedDate: '2026-11-01',
            dueDate: '2026-11-20',
          },
          {
            code: '000.00.19.H33-261101-0002',
            procedureId: 'x',
            status: 'returned',
            receivedDate: '2026-11-01',
            dueDate: '2026-11-20',
          },
          {
            code: '000.00.19.H33-261101-0003',
            procedureId: 'x',
            status: 'received',
            receivedDate: '2026-11-01',
            dueDate: '2026-12-01',
          },
          {
            code: '000.00.19.H33-261101-0004',
            procedureId: 'x',
            status: 'needs-supplement',
            receivedDate: '2026-11-01',
            dueDate: '2026-11-20',
          },
        ],
      },
      { today: () => TODAY },
    );
    const overdue = async (code: string): Promise<boolean | undefined> => {
      const r = await a.lookup(code);
      return r.kind === 'found' ? r.overdue : undefined;
    };
    expect(await overdue('000.00.19.H33-261101-0001')).toBe(true);
    expect(await overdue('000.00.19.H33-261101-0002')).toBe(false);
    expect(await overdue('000.00.19.H33-261101-0003')).toBe(false); // due today is not late yet
    expect(await overdue('000.00.19.H33-261101-0004')).toBe(false); // the clock stops while documents are awaited
  });
});

describe('dossier codes and statuses', () => {
  it('checks the date inside the code', () => {
    expect(isDossierCode('000.00.19.H33-240229-0001')).toBe(true); // 2024 is a leap year
    expect(isDossierCode('000.00.19.H33-250229-0001')).toBe(false);
    expect(isDossierCode('000.00.19.h33-241201-0001')).toBe(false);
    expect(parseDossierCode('000.00.19.h33-241201-0001')).toEqual({
      ok: true,
      code: '000.00.19.H33-241201-0001',
    });
  });

  it('every status has a Vietnamese (NFC) and an English label, and the sample has dossiers in each', () => {
    for (const s of DOSSIER_STATUSES) {
      const l = DOSSIER_STATUS_LABELS[s];
      expect(l.vi.normalize('NFC')).toBe(l.vi);
      expect(l.vi.length).toBeGreaterThan(0);
      expect(l.en.length).toBeGreaterThan(0);
      expect(
        sample.dossiers.some((d) => d.status === s),
        s,
      ).toBe(true);
    }
  });
});
