/**
 * The AudioOutput contract, run against the outputs that can run here: the WAV file sink and the pipe output
 * (the ALSA sink's mechanism) with `cat` standing in for `aplay`, since there is no sound card.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AudioOutputError, PipeOutput, WavFileSink, type AudioOutput } from '../../src/voice/output.js';
import { decodeWav } from '../../src/voice/wav.js';
import { soxSamples, tmp } from './helpers.js';

const dir = tmp('output');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RATE = 8000;
const tone = (n: number, value: number): Int16Array =>
  Int16Array.from({ length: n }, (_, i) => (i % 2 ? value : -value));

interface Subject {
  output: AudioOutput;
  /** Everything the output delivered, after close. */
  delivered: () => Int16Array;
  slept: number[];
}

const subjects: [string, (name: string) => Subject][] = [
  [
    'WavFileSink',
    (name) => {
      const slept: number[] = [];
      const file = join(dir, `${name}.wav`);
      const sleep = (ms: number): Promise<void> => {
        slept.push(ms);
        return Promise.resolve();
      };
      return { output: new WavFileSink(file, { sleep, speed: 1 }), delivered: () => soxSamples(file), slept };
    },
  ],
  [
    'PipeOutput (cat as the player)',
    (name) => {
      const slept: number[] = [];
      const file = join(dir, `${name}.raw`);
      const output = new PipeOutput({
        command: 'sh',
        args: () => ['-c', 'cat >> "$0"', file],
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
      });
      const delivered = (): Int16Array => {
        const b = readFileSync(file);
        return new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
      };
      return { output, delivered, slept };
    },
  ],
];

describe.each(subjects)('AudioOutput contract: %s', (label, make) => {
  it('delivers every sample of consecutive plays, in order, and waits for each to be heard', async () => {
    const s = make(`${label.replace(/\W/g, '')}-order`);
    await s.output.play(tone(800, 1000), RATE);
    await s.output.play(tone(400, 2000), RATE);
    await s.output.close();
    const got = s.delivered();
    expect(got.length).toBe(1200);
    expect(Array.from(got.subarray(0, 800))).toEqual(Array.from(tone(800, 1000)));
    expect(Array.from(got.subarray(800))).toEqual(Array.from(tone(400, 2000)));
    expect(s.slept).toEqual([100, 50]);
  });
});

describe('WavFileSink', () => {
  it('refuses a play that overlaps the one playing', async () => {
    let release = (): void => undefined;
    const sink = new WavFileSink(join(dir, 'overlap.wav'), {
      sleep: () => new Promise<void>((r) => (release = r)),
      speed: 1,
    });
    const first = sink.play(tone(10, 1), RATE);
    await expect(sink.play(tone(10, 1), RATE)).rejects.toMatchObject({ reason: 'overlap' });
    release();
    await first;
    await sink.close();
    expect(decodeWav(new Uint8Array(readFileSync(join(dir, 'overlap.wav')))).samples.length).toBe(10);
  });
});

describe('PipeOutput', () => {
  it('reports a missing player with a reason', async () => {
    const out = new PipeOutput({
      command: 'no-such-player-here',
      args: () => [],
      sleep: () => Promise.resolve(),
    });
    const error = await out.play(tone(10, 1), RATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioOutputError);
    expect((error as AudioOutputError).reason).toBe('output-missing');
  });

  it('restarts a player that died, on the next play', async () => {
    const file = join(dir, 'restart.raw');
    let starts = 0;
    const out = new PipeOutput({
      command: 'sh',
      args: () => {
        starts++;
        // The first player exits at once; the second one works.
        return starts === 1 ? ['-c', 'exit 3'] : ['-c', 'cat >> "$0"', file];
      },
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    });
    const first = await out.play(tone(400, 5), RATE).catch((e: unknown) => e);
    // The death is seen by that play or, if the exit is slow to arrive, before the next one.
    if (first !== undefined) expect((first as AudioOutputError).reason).toBe('output-died');
    await new Promise((r) => setTimeout(r, 300));
    await out.play(tone(400, 7), RATE);
    await out.close();
    expect(starts).toBe(2);
    expect(readFileSync(file).byteLength).toBe(800);
  });
});
