/**
 * The announcement queue: one call at a time, in order, never overlapping; a recall is queued again; a
 * counter's older waiting call is superseded by its newer one, and that is reported.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { voiceSchema } from '@motcua/shared/config/voice';
import { ManualClock, systemClock } from '@motcua/shared/runtime/clock';
import { memoryLogger, silentLogger } from '@motcua/shared/runtime/logger';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnnounceCall } from '../../src/voice/announcement.js';
import { createBoardVoice } from '../../src/voice/board-voice.js';
import { WavFileSink } from '../../src/voice/output.js';
import { loadVoicePack } from '../../src/voice/pack.js';
import { AnnouncementQueue, type QueueEvent } from '../../src/voice/queue.js';
import type { RenderedAnnouncement } from '../../src/voice/renderer.js';
import { buildTestPack, soxDuration, soxSamples, tmp } from './helpers.js';

const dir = tmp('queue');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = (display: string, counter: number, recall = false): AnnounceCall => ({
  display,
  counterId: `q${counter}`,
  counterNumber: counter,
  recall,
});

/** A render that says `display` as 100 samples of its length, so plays can be told apart. */
function fakeRender(c: AnnounceCall): Promise<RenderedAnnouncement> {
  return Promise.resolve({
    sampleRate: 1000,
    samples: new Int16Array(100).fill(Number(c.display.replace(/\D/g, '')) % 30000),
    parts: [],
    fallbacks: [],
  });
}

/** A sink where each play lasts until the test releases it: the test controls time completely. */
function heldSink(): {
  sink: { play: (s: Int16Array) => Promise<void>; close: () => Promise<void> };
  played: number[];
  active: () => number;
  release: () => void;
} {
  const played: number[] = [];
  let active = 0;
  let waiting: (() => void)[] = [];
  return {
    played,
    active: () => active,
    release: () => {
      const w = waiting;
      waiting = [];
      for (const r of w) r();
    },
    sink: {
      play: async (s) => {
        active++;
        if (active > 1) throw new Error('overlap');
        played.push(s[0]!);
        await new Promise<void>((r) => waiting.push(r));
        active--;
      },
      close: () => Promise.resolve(),
    },
  };
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('announcement queue (logic)', () => {
  it('plays calls one at a time in arrival order', async () => {
    const h = heldSink();
    const q = new AnnouncementQueue({
      render: fakeRender,
      output: h.sink,
      clock: new ManualClock(0),
      logger: silentLogger,
    });
    q.enqueue(call('1', 1));
    q.enqueue(call('2', 2));
    q.enqueue(call('3', 3));
    await flush();
    expect(h.played).toEqual([1]);
    expect(q.pending.map((p) => p.display)).toEqual(['2', '3']);
    for (let i = 0; i < 3; i++) {
      h.release();
      await flush();
    }
    await q.whenIdle();
    expect(h.played).toEqual([1, 2, 3]);
  });

  it("keeps each counter's newest waiting call in its place and reports the superseded one", async () => {
    const h = heldSink();
    const events: QueueEvent[] = [];
    const { logger, records } = memoryLogger();
    const q = new AnnouncementQueue({
      render: fakeRender,
      output: h.sink,
      clock: new ManualClock(0),
      logger,
      onEvent: (e) => events.push(e),
    });
    q.enqueue(call('10', 1)); // playing
    q.enqueue(call('20', 2));
    q.enqueue(call('30', 3));
    q.enqueue(call('21', 2)); // counter 2 called again before its first call was said
    await flush();
    expect(q.pending.map((p) => p.display)).toEqual(['21', '30']);
    const superseded = events.filter((e) => e.type === 'superseded');
    expect(superseded).toHaveLength(1);
    expect(superseded[0]).toMatchObject({ dropped: { display: '20' }, by: { display: '21' } });
    expect(records.some((r) => r.level === 'warn' && r.fields?.dropped === '20')).toBe(true);
    while (q.playing || q.pending.length > 0) {
      h.release();
      await flush();
    }
    expect(h.played).toEqual([10, 21, 30]);
  });

  it('a recall while its call is playing is said again afterwards', async () => {
    const h = heldSink();
    const q = new AnnouncementQueue({
      render: fakeRender,
      output: h.sink,
      clock: new ManualClock(0),
      logger: silentLogger,
    });
    q.enqueue(call('5', 1));
    await flush();
    q.enqueue(call('5', 1, true));
    expect(q.pending).toHaveLength(1);
    expect(q.pending[0]!.recall).toBe(true);
    h.release();
    await flush();
    h.release();
    await q.whenIdle();
    expect(h.played).toEqual([5, 5]);
  });

  it('a call that fails to render is reported and the next one is still said', async () => {
    const h = heldSink();
    const events: QueueEvent[] = [];
    const q = new AnnouncementQueue({
      render: (c) => (c.display === 'bad' ? Promise.reject(new Error('no words')) : fakeRender(c)),
      output: h.sink,
      clock: new ManualClock(0),
      logger: silentLogger,
      onEvent: (e) => events.push(e),
    });
    q.enqueue(call('bad', 1));
    q.enqueue(call('7', 2));
    await flush();
    h.release();
    await q.whenIdle();
    expect(events.filter((e) => e.type === 'failed').map((e) => e.call.display)).toEqual(['bad']);
    expect(h.played).toEqual([7]);
  });
});

describe('ten near-simultaneous calls through the real voice', () => {
  it('play in order, back to back, without overlap, into one file', async () => {
    const voice = voiceSchema.parse({ repeat: 1, chime: false });
    const calls = Array.from({ length: 10 }, (_, i) => call(String(1001 + i * 11), i + 1));
    await buildTestPack(join(dir, 'pack'), voice, calls);
    const pack = await loadVoicePack(join(dir, 'pack'));
    const file = join(dir, 'ten.wav');
    // Played at 100× speed so that real time passes for every play.
    const sink = new WavFileSink(file, { speed: 100 });
    const events: QueueEvent[] = [];
    const board = createBoardVoice({
      voice,
      pack,
      output: sink,
      clock: systemClock,
      logger: silentLogger,
      onEvent: (e) => events.push(e),
    });
    for (const c of calls) board.announce(c);
    await board.close();

    expect(events.filter((e) => e.type === 'failed')).toEqual([]);
    expect(events.filter((e) => e.type === 'finished').map((e) => e.call.display)).toEqual(
      calls.map((c) => c.display),
    );
    expect(sink.plays).toHaveLength(10);
    for (let i = 1; i < sink.plays.length; i++) {
      expect(sink.plays[i]!.startedAt).toBeGreaterThanOrEqual(sink.plays[i - 1]!.endedAt);
      expect(sink.plays[i]!.offset).toBe(sink.plays[i - 1]!.offset + sink.plays[i - 1]!.length);
    }
    const total = sink.plays.reduce((a, p) => a + p.length, 0);
    expect(soxDuration(file)).toBeCloseTo(total / pack.sampleRate, 2);
    // The queue joins every call into one reused buffer: each call in the file is still exactly its own audio.
    const written = soxSamples(file);
    for (const [i, c] of calls.entries()) {
      const own = (await board.renderer.render(c)).samples;
      const play = sink.plays[i]!;
      expect(play.length).toBe(own.length);
      const got = written.subarray(play.offset, play.offset + play.length);
      expect(
        got.every((v, k) => v === own[k]),
        c.display,
      ).toBe(true);
    }
    // The small test pack lacks clips other calls would need (health says so), but these ten had them all.
    expect(board.health().fallbackPhrases).toEqual([]);
    expect(board.health().supersededCalls).toBe(0);
  });
});
