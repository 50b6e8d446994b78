/**
 * The browser sink's logic against a stand-in for Web Audio (Node has none; the real types are checked by
 * `tsc -p counter-display/web-check`): samples are scaled to [-1, 1), one announcement at a time, and play
 * resolves when the source ends.
 */
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../src/voice/wav.js';
import { WebAudioSink, type AudioContextLike, type BufferSourceLike } from '../../src/voice/web-audio.js';

function fakeContext(): {
  ctx: AudioContextLike;
  sources: BufferSourceLike[];
  rates: number[];
  resumed: () => number;
} {
  const sources: BufferSourceLike[] = [];
  const rates: number[] = [];
  let resumed = 0;
  let state = 'suspended';
  const ctx: AudioContextLike = {
    destination: {},
    get state() {
      return state;
    },
    createBuffer: (_channels, length, rate) => {
      rates.push(rate);
      const data = new Float32Array(length);
      return { getChannelData: () => data };
    },
    createBufferSource: () => {
      const source: BufferSourceLike = {
        buffer: null,
        connect: () => undefined,
        start: () => undefined,
        stop: () => source.onended?.(new Event('ended')),
        onended: null,
      };
      sources.push(source);
      return source;
    },
    resume: () => {
      resumed++;
      state = 'running';
      return Promise.resolve();
    },
  };
  return { ctx, sources, rates, resumed: () => resumed };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('WebAudioSink', () => {
  it('plays WAV bytes as float samples at their rate and resolves when the source ends', async () => {
    const f = fakeContext();
    const sink = new WebAudioSink(f.ctx);
    let done = false;
    const playing = sink
      .playWav(encodeWav({ sampleRate: 22050, samples: Int16Array.from([0, 16384, -32768]) }))
      .then(() => (done = true));
    await tick();
    expect(f.resumed()).toBe(1);
    expect(f.rates).toEqual([22050]);
    expect(Array.from(f.sources[0]!.buffer!.getChannelData(0))).toEqual([0, 0.5, -1]);
    expect(done).toBe(false);
    await expect(sink.play(new Int16Array(1), 22050)).rejects.toThrow('another announcement');
    f.sources[0]!.onended?.(new Event('ended'));
    await playing;
    expect(done).toBe(true);
  });

  it('close() stops what is playing', async () => {
    const f = fakeContext();
    const sink = new WebAudioSink(f.ctx);
    const playing = sink.play(new Int16Array(100), 8000);
    await tick();
    await sink.close();
    await expect(playing).resolves.toBeUndefined();
  });
});
