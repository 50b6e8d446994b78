import { voiceSchema } from '@motcua/shared/config/voice';
import { describe, expect, it } from 'vitest';
import { phraseFor, requiredClips, type AnnounceCall } from '../../src/voice/announcement.js';
import { clipKey } from '../../src/voice/manifest.js';

const call: AnnounceCall = { display: '1025', counterId: 'q4', counterNumber: 4 };

describe('announcement phrases', () => {
  it('fills the Vietnamese template with the number and "số" + the counter number', () => {
    const p = phraseFor(call, 'vi', voiceSchema.parse({}));
    expect(p.text).toBe('Xin mời công dân có số thứ tự một nghìn không trăm hai mươi lăm đến quầy số bốn');
    expect(p.chunks).toEqual([
      'Xin mời công dân có số thứ tự',
      'một',
      'nghìn',
      'không trăm',
      'hai mươi lăm',
      'đến quầy',
      'số',
      'bốn',
    ]);
  });

  it("says a counter's spoken name instead of its number, in each language that has one", () => {
    const voice = voiceSchema.parse({
      english: true,
      counterNames: { q4: { vi: 'Tiếp nhận hồ sơ đất đai', en: 'land records' } },
    });
    expect(phraseFor(call, 'vi', voice).text).toBe(
      'Xin mời công dân có số thứ tự một nghìn không trăm hai mươi lăm đến quầy Tiếp nhận hồ sơ đất đai',
    );
    expect(phraseFor(call, 'en', voice).text).toBe(
      'Ticket number one thousand twenty-five, please go to counter land records',
    );
    expect(phraseFor(call, 'en', voice).chunks).toEqual([
      'Ticket number',
      'one',
      'thousand',
      'twenty-five',
      'please go to counter',
      'land records',
    ]);
  });

  it('uses the recall template for a recall, and the dialect for the words', () => {
    const voice = voiceSchema.parse({
      dialect: 'south',
      templates: { vi: { recall: 'Nhắc lại, mời số {number} đến quầy {counter}' } },
    });
    expect(phraseFor({ ...call, display: 'A-105', recall: true }, 'vi', voice).text).toBe(
      'Nhắc lại, mời số a một trăm lẻ năm đến quầy số bốn',
    );
    expect(phraseFor({ ...call, display: '24' }, 'vi', voice).text).toContain('hai mươi bốn đến quầy');
  });

  it('a template without {counter} simply leaves it out', () => {
    const voice = voiceSchema.parse({ templates: { vi: { call: 'Mời số {number}' } } });
    expect(phraseFor(call, 'vi', voice).chunks).toEqual([
      'Mời số',
      'một',
      'nghìn',
      'không trăm',
      'hai mươi lăm',
    ]);
  });
});

describe('the clips a pack needs', () => {
  for (const dialect of ['north', 'south'] as const)
    it(`cover every phrase of any ticket number at any counter (${dialect}, with English)`, () => {
      const voice = voiceSchema.parse({
        dialect,
        english: true,
        counterNames: { q9: { vi: 'Quầy Tiếp nhận hồ sơ đất đai' } },
        templates: { vi: { recall: 'Nhắc lại, mời số {number} đến quầy {counter}' } },
      });
      const have = new Set(requiredClips(voice).map((c) => clipKey(c.lang, c.text)));
      const prefixes = ['', 'A', 'BC', 'K1-', 'Đ-'];
      for (let n = 0; n <= 999_999; n += 617) {
        const c: AnnounceCall = {
          display: `${prefixes[n % prefixes.length]!}${n}`,
          counterId: n % 3 === 0 ? 'q9' : 'q1',
          counterNumber: (n % 999) + 1,
          recall: n % 2 === 0,
        };
        for (const lang of ['vi', 'en'] as const)
          for (const chunk of phraseFor(c, lang, voice).chunks)
            expect(have.has(clipKey(lang, chunk)), chunk).toBe(true);
      }
    });

  it('are about 150 for Vietnamese: numbers, letters, template words and names', () => {
    const n = requiredClips(voiceSchema.parse({})).length;
    expect(n).toBeGreaterThan(130);
    expect(n).toBeLessThan(160);
  });
});
