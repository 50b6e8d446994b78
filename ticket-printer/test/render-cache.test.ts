import { describe, expect, it, vi } from 'vitest';
import { PROFILES, type PaperWidth, type ProfileName } from '../src/profiles.js';
import type { TicketData } from '../src/ticket.js';
import { PLAIN_TICKET, PRIORITY_TICKET } from './fixtures.js';

/**
 * The renderer keeps the encoded printer-font chunks and drawn lines that repeat from ticket to ticket. A
 * cache must never change what the printer gets: every ticket rendered with everything already cached (after
 * tickets of every other profile and width) must be the bytes of the same ticket rendered by a fresh module.
 */
type Render = (data: TicketData, width: PaperWidth, profile: ProfileName) => Uint8Array;

async function freshRenderer(): Promise<Render> {
  vi.resetModules();
  const { renderTicket } = await import('../src/render.js');
  const { getProfile } = await import('../src/profiles.js');
  return (data, width, profile) => renderTicket(data, { width, profile: getProfile(profile), copies: 1 });
}

const cases = (Object.keys(PROFILES) as ProfileName[]).flatMap((profile) =>
  ([80, 58] as const).flatMap((width) =>
    [PRIORITY_TICKET, PLAIN_TICKET].map((data) => ({ profile, width, data })),
  ),
);

describe('render caches', () => {
  it('give the bytes of a cold render for every profile, width and ticket, in any order', async () => {
    const cold = await freshRenderer();
    const expected = cases.map((c) => Buffer.from(cold(c.data, c.width, c.profile)).toString('hex'));

    const warm = await freshRenderer();
    for (const c of [...cases].reverse()) warm(c.data, c.width, c.profile);
    cases.forEach((c, i) => {
      expect(
        Buffer.from(warm(c.data, c.width, c.profile)).toString('hex'),
        `${c.profile} ${c.width} mm ${c.data.displayNumber}`,
      ).toBe(expected[i]);
    });
  });

  it('draw what changes from ticket to ticket afresh: another number or time gives other bytes', async () => {
    const render = await freshRenderer();
    for (const profile of Object.keys(PROFILES) as ProfileName[]) {
      const a = Buffer.from(render(PRIORITY_TICKET, 80, profile)).toString('hex');
      const b = Buffer.from(
        render(
          { ...PRIORITY_TICKET, displayNumber: 'A1026', issuedAt: new Date('2025-11-21T02:06:00Z') },
          80,
          profile,
        ),
      ).toString('hex');
      expect(b, profile).not.toBe(a);
      expect(Buffer.from(render(PRIORITY_TICKET, 80, profile)).toString('hex'), profile).toBe(a);
    }
  });
});
