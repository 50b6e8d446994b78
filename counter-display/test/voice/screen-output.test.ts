/**
 * The board's browser-mode output and its announcer without a voice pack: the page is handed one clip at a
 * time and the queue waits for it; a page that never reports lets the queue move on and is counted; with no
 * pack every call still gets the chime, and the health says why there are no words.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '@motcua/shared';
import { defaultVoiceConfig } from '@motcua/shared/config/voice';
import { catalogueProblems } from '@motcua/shared/ui/i18n-check';
import { startBoardAnnouncer } from '../../src/voice/board-announcer.js';
import { synthChime } from '../../src/voice/chime.js';
import { rmsDb } from '../../src/voice/dsp.js';
import { ScreenAudioOutput } from '../../src/voice/screen-output.js';
import { decodeWav } from '../../src/voice/wav.js';
import { boardMessages } from '../../src/screen/board/messages.js';

const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

describe('ScreenAudioOutput', () => {
  it('holds one clip for the page until it reports it played', async () => {
    const out = new ScreenAudioOutput({ onChange: () => undefined, ...timers });
    const samples = Int16Array.from({ length: 2205 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    let done = false;
    const playing = out.play(samples, 22050).then(() => (done = true));
    const clip = out.current!;
    expect(clip).toEqual({ id: 'v1', durationMs: 100, samples: 2205 });
    expect(decodeWav(out.wav(clip.id)!).samples).toEqual(samples);
    expect(out.wav('v0')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    await expect(out.play(samples, 22050)).rejects.toThrow(/another announcement/);
    expect(out.played('v9')).toBe(false);
    expect(out.played(clip.id)).toBe(true);
    await playing;
    expect(out.current).toBeNull();
    expect(out.missedCount).toBe(0);
  });

  it('moves on after the duration and a margin when no page plays it, and counts the miss', async () => {
    const out = new ScreenAudioOutput({ onChange: () => undefined, ...timers, slackMs: 30 });
    await out.play(new Int16Array(441), 22050);
    expect(out.missedCount).toBe(1);
    expect(out.current).toBeNull();
  });
});

describe('the board announcer without a voice pack', () => {
  it('plays the chime for every call and reports that it has no words', async () => {
    const played: number[] = [];
    const a = startBoardAnnouncer({
      voice: defaultVoiceConfig,
      packDir: null,
      output: {
        play: (s) => {
          played.push(rmsDb(s));
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      },
      clock: { now: () => Date.now() },
      logger: silentLogger,
      onChange: () => undefined,
    });
    a.announce({ display: '1001', counterId: 'c1', counterNumber: 1 });
    a.announce({ display: '2001', counterId: 'c2', counterNumber: 2 });
    await a.whenIdle();
    expect(played.length).toBe(2);
    for (const db of played) expect(db).toBeGreaterThan(-30);
    const s = a.status();
    expect(s.mode).toBe('chime');
    expect(s.health).toMatchObject({ status: 'degraded', noPack: 'none' });
    expect(s.recent.map((r) => r.display)).toEqual(['1001', '2001']);
    await a.close();
  });

  it('says the pack is unreadable when the folder holds none', async () => {
    const a = startBoardAnnouncer({
      voice: defaultVoiceConfig,
      packDir: '/nonexistent/motcua-pack',
      output: { play: () => Promise.resolve(), close: () => Promise.resolve() },
      clock: { now: () => Date.now() },
      logger: silentLogger,
      onChange: () => undefined,
    });
    await a.whenIdle();
    expect(a.status().health.noPack).toBe('unreadable');
    await a.close();
  });

  it('makes a chime that starts and ends at silence (no click)', () => {
    const c = synthChime(22050);
    expect(c.length).toBe(Math.round(1.3 * 22050));
    expect(Math.abs(c[0]!)).toBeLessThan(50);
    expect(Math.abs(c[c.length - 1]!)).toBeLessThan(50);
  });
});

describe("the board's words", () => {
  it('have both languages, NFC, the same placeholders, real diacritics', () => {
    expect(catalogueProblems(boardMessages)).toEqual([]);
  });
});
