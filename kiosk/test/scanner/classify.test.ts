import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, makeTicketId } from '@motcua/shared';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { ticketDataFromConfig } from '@motcua/ticket-printer/from-config';
import { classifyScan } from '../../src/scanner/classify.js';

describe('classifyScan', () => {
  it.each([
    '000.00.19.H33-261201-0001',
    'H33.22.10-230101-0042',
    '000.00.19.h33-261201-0001',
    '\u0002000.00.19.H33-261201-0001\u0003\r\n',
    '  000.00.19.H33-261201-000123 ',
  ])('reads %j as a dossier code (upper-cased, control characters and spaces dropped)', (text) => {
    const r = classifyScan(text);
    expect(r.kind).toBe('dossier');
    if (r.kind === 'dossier') expect(r.code).toBe(r.code.toUpperCase());
    if (r.kind === 'dossier') expect(text.toUpperCase()).toContain(r.code);
  });

  it.each([
    '000.00.19.H33-2612010-0001',
    '000.00.19.H33-261201-01',
    '000.00.19.H33 261201 0001',
    'H33-261201-0001',
    '000..19.H33-261201-0001',
  ])('does not take %j for a dossier code', (text) => {
    expect(classifyScan(text).kind).toBe('unknown');
  });

  it('reads a bare ticket id (the default QR content)', () => {
    const id = makeTicketId('vt-hcc', '2026-12-01', 'hotich', 1025);
    expect(classifyScan(id)).toEqual({ kind: 'ticket', ticketId: id });
  });

  it('reads a ticket id out of a look-up link built from the configured template', () => {
    const template = 'https://motcua.example.vn/tra-cuu?so={ticketId}&v=1';
    const id = makeTicketId('vt-hcc', '2026-12-01', 'hotich', 7);
    const link = template.replace('{ticketId}', encodeURIComponent(id));
    expect(classifyScan(link, { kind: 'link', template })).toEqual({ kind: 'ticket', ticketId: id });
    // Scanners in caps-lock mode upper-case the scheme and host.
    const shouted = link.replace('https://motcua.example.vn', 'HTTPS://MOTCUA.EXAMPLE.VN');
    expect(classifyScan(shouted, { kind: 'link', template })).toEqual({ kind: 'ticket', ticketId: id });
    // Without the template the link is not a ticket, and another site's link never is.
    expect(classifyScan(link).kind).toBe('unknown');
    expect(classifyScan(link.replace('example.vn', 'evil.vn'), { kind: 'link', template }).kind).toBe(
      'unknown',
    );
    expect(
      classifyScan('https://motcua.example.vn/tra-cuu?so=abc&v=1', { kind: 'link', template }).kind,
    ).toBe('unknown');
  });

  it('reads what the ticket printer puts in the QR code, for both QR settings of the example config', () => {
    const config = loadConfigFile(exampleConfigPaths.district);
    const area = config.areas[0]!;
    const number = area.numberRange.from + 11;
    const ticketId = makeTicketId(config.centre.id, '2026-12-01', area.id, number);
    const issued = {
      areaId: area.id,
      number,
      issuedAt: new Date('2026-12-01T02:00:00Z'),
      peopleAhead: 3,
      estimatedWaitMinutes: 9,
      ticketId,
    };
    const template = 'https://dichvucong.example.gov.vn/tra-cuu-so?ma={ticketId}';
    for (const qr of [{ kind: 'ticket-id' as const }, { kind: 'link' as const, template }]) {
      const printed = ticketDataFromConfig({ ...config, ticket: { ...config.ticket, qr } }, issued).qrPayload;
      expect(classifyScan(printed, qr)).toEqual({ kind: 'ticket', ticketId });
    }
  });

  it.each([
    '',
    '   ',
    'hello',
    '1025',
    'x'.repeat(600),
    'vt-hcc:2026-12-01:hotich:1025:extra',
    'Vt-hcc:2026-12-01:a:1',
  ])('leaves %j unknown', (text) => {
    expect(classifyScan(text).kind).toBe('unknown');
  });
});

describe('browser-safe files', () => {
  // The wedge detector itself moved to the screen kit (shared/ui/wedge.ts), whose lint rule keeps Node out.
  it.each(['classify.ts', 'wedge-scanner.ts', 'base.ts', 'types.ts'])(
    '%s imports nothing from Node (the screen bundles it)',
    (file) => {
      const text = readFileSync(fileURLToPath(new URL(`../../src/scanner/${file}`, import.meta.url)), 'utf8');
      const imports = [...text.matchAll(/(?:from|import) '([^']+)'/g)].map((m) => m[1]);
      // Only sibling modules and the kit's wedge detector: no node:, no serialport, nothing that may pull Node in.
      for (const i of imports) expect(i).toMatch(/^(?:\.\/[a-z-]+\.js|@motcua\/shared\/ui\/wedge)$/);
    },
  );
});
