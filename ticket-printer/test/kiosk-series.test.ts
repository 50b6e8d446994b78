/**
 * A ticket from a kiosk's offline series (issued when its leased blocks ran out) shows the kiosk's mark, so an
 * officer and the citizen can never take it for a hub number: kiosk 12's fifth number of area "A" prints as
 * AK12-005, which no other number of any area prints as.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, exampleConfigPaths } from '@motcua/shared/config';
import { displayNumber, parseDisplayNumber } from '@motcua/shared/domain/numbering';
import { decodeEscPos } from '../src/escpos/decoder.js';
import { TicketInputError, ticketDataFromConfig } from '../src/from-config.js';
import { layoutTicket } from '../src/layout.js';
import { encodeTicket } from '../src/render.js';

fc.configureGlobal({ seed: Number(process.env.MOTCUA_FC_SEED ?? 20_261_201) });

const base = loadConfigFile(exampleConfigPaths.district);
const config = { ...base, areas: base.areas.map((a, i) => (i === 0 ? { ...a, prefix: 'A' } : a)) };
const area = config.areas[0]!;
const issued = (number: number) => ({
  areaId: area.id,
  number,
  issuedAt: new Date(Date.UTC(2026, 10, 23, 2, 0)),
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
});

describe('kiosk-series numbers on the ticket', () => {
  it('kiosk 12, fifth number: printed as AK12-005 (text mode, read back by the decoder)', () => {
    const data = ticketDataFromConfig(config, issued(90_000 + 11 * 200 + 5));
    expect(data.displayNumber).toBe('AK12-005');
    const items = decodeEscPos(encodeTicket(layoutTicket(data, { width: 80, profile: 'epson-tcvn3' })));
    const texts = items.flatMap((i) => (i.type === 'text' ? [i.text.trim()] : []));
    expect(texts).toContain('AK12-005');
    expect(texts).not.toContain('A92205');
  });

  it('a number between two kiosks` series belongs to nobody and is refused', () => {
    expect(() => ticketDataFromConfig(config, issued(90_200))).toThrow(TicketInputError);
    expect(() => ticketDataFromConfig(config, issued(89_999))).toThrow(/outside area/);
  });

  it('no hub number and no kiosk-series number of the area are shown alike', () => {
    const hub = fc.integer({ min: area.numberRange.from, max: area.numberRange.to });
    const kiosk = fc
      .record({ k: fc.integer({ min: 0, max: 49 }), place: fc.integer({ min: 1, max: 199 }) })
      .map(({ k, place }) => 90_000 + k * 200 + place);
    fc.assert(
      fc.property(fc.oneof(hub, kiosk), fc.oneof(hub, kiosk), (a, b) => {
        const [sa, sb] = [displayNumber(area, a), displayNumber(area, b)];
        expect(sa === sb).toBe(a === b);
        expect(parseDisplayNumber(area, sa)).toBe(a);
      }),
      { numRuns: 500 },
    );
  });
});
