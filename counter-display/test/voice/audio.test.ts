/**
 * The announcement's audio, read back with sox: duration, not silent, no clipping, even loudness between
 * clips, no clicks at the joins, and every clip where the joiner says it is.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { voiceSchema } from '@motcua/shared/config/voice';
import { systemClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnounceCall } from '../../src/voice/announcement.js';
import { createBoardVoice } from '../../src/voice/board-voice.js';
import { DEFAULT_PREPARE, join as joinClips } from '../../src/voice/dsp.js';
import { espeakSynthesise } from '../../src/voice/espeak.js';
import { WavFileSink } from '../../src/voice/output.js';
import { loadVoicePack, type VoicePack } from '../../src/voice/pack.js';
import type { RenderedAnnouncement } from '../../src/voice/renderer.js';
import { encodeWav } from '../../src/voice/wav.js';
import { writeFileSync } from 'node:fs';
import { buildTestPack, soxDuration, soxSamples, soxStats, tmp } from './helpers.js';

const dir = tmp('audio');
const voice = voiceSchema.parse({ repeat: 1 });
const call: AnnounceCall = { display: '1025', counterId: 'q4', counterNumber: 4 };
let pack: VoicePack;
let rendered: RenderedAnnouncement;
let wav: string;

beforeAll(async () => {
  await buildTestPack(join(dir, 'pack'), voice, [call]);
  pack = await loadVoicePack(join(dir, 'pack'));
  wav = join(dir, 'call.wav');
  const board = createBoardVoice({
    voice,
    pack,
    output: new WavFileSink(wav),
    clock: systemClock,
    logger: silentLogger,
  });
  rendered = await board.renderer.render(call);
  board.announce(call);
  await board.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an announcement read back with sox', () => {
  it('says chime, template words, number chunks and counter in order, without fallback', () => {
    expect(rendered.parts.map((p) => p.label)).toEqual([
      'chime',
      'Xin mời công dân có số thứ tự',
      'một',
      'nghìn',
      'không trăm',
      'hai mươi lăm',
      'đến quầy',
      'số',
      'bốn',
    ]);
    expect(rendered.fallbacks).toEqual([]);
  });

  it('lasts as long as its parts, within sensible bounds, and is not silent', () => {
    const seconds = soxDuration(wav);
    expect(seconds).toBeCloseTo(rendered.samples.length / rendered.sampleRate, 2);
    expect(seconds).toBeGreaterThan(3);
    expect(seconds).toBeLessThan(12);
    const stats = soxStats(wav);
    expect(stats['RMS lev dB']).toBeGreaterThan(-30);
    expect(stats['RMS Pk dB']).toBeGreaterThan(-20);
  });

  it('does not clip: peaks stay under the limiter ceiling', () => {
    const stats = soxStats(wav);
    expect(stats['Pk lev dB']).toBeLessThanOrEqual(DEFAULT_PREPARE.ceilingDb + 0.1);
    expect(stats['Flat factor']).toBe(0);
  });

  it('every clip, read back from the pack and from the joined file, is within 1 dB of the others', () => {
    const files = readdirSync(join(dir, 'pack', 'vi')).map((f) => join(dir, 'pack', 'vi', f));
    const packLevels = files.map((f) => soxStats(f)['RMS lev dB']!);
    expect(Math.max(...packLevels) - Math.min(...packLevels)).toBeLessThan(1);
    const joinedLevels = rendered.parts.map(
      (p) => soxStats(wav, { startSample: p.offset, samples: p.length })['RMS lev dB']!,
    );
    expect(Math.max(...joinedLevels) - Math.min(...joinedLevels)).toBeLessThan(1);
  });

  it('has no click at any join: edges faded to near zero, no jump around them', () => {
    const samples = soxSamples(wav);
    expect(samples.length).toBe(rendered.samples.length);
    const edges = rendered.parts.flatMap((p) => [p.offset, p.offset + p.length - 1]);
    for (const e of edges) expect(Math.abs(samples[e]!)).toBeLessThanOrEqual(50);
    expect(maxJumpAround(samples, edges, rendered.sampleRate)).toBeLessThan(JUMP_LIMIT);
  });

  it('the same check catches the click of a clip cut without a fade', () => {
    // Negative control: a clip cut at its loudest sample, as an unfaded join of untrimmed speech would be.
    const clip = pack.clip('vi', 'một')!;
    let peak = 0;
    for (let i = 0; i < clip.length; i++) if (Math.abs(clip[i]!) > Math.abs(clip[peak]!)) peak = i;
    const hard = clip.slice(0, peak + 1);
    const joined = joinClips([hard, { gapMs: 30 }, hard], rendered.sampleRate);
    const file = join(dir, 'hard.wav');
    writeFileSync(file, encodeWav({ sampleRate: rendered.sampleRate, samples: joined.samples }));
    expect(maxJumpAround(soxSamples(file), [hard.length - 1], rendered.sampleRate)).toBeGreaterThan(
      JUMP_LIMIT,
    );
  });

  it("finds each clip's signature (RMS envelope) at the offset the joiner reports, and nowhere better", () => {
    const samples = soxSamples(wav);
    const speech = rendered.parts.filter((p) => p.label !== 'chime');
    for (const part of speech) {
      const clip = pack.clip('vi', part.label)!;
      const own = envelopeCorrelation(clip, samples, part.offset);
      expect(own, part.label).toBeGreaterThan(0.99);
      for (const other of speech)
        if (other !== part && other.label !== part.label)
          expect(
            envelopeCorrelation(clip, samples, other.offset),
            `${part.label} at ${other.label}`,
          ).toBeLessThan(own);
    }
  });

  it('a fallback phrase from espeak-ng is prepared to the same loudness as the clips', async () => {
    const pcm = await espeakSynthesise('Xin mời công dân có số thứ tự một nghìn', 'vi', 'north');
    const { prepareClip } = await import('../../src/voice/dsp.js');
    const prepared = prepareClip(pcm.samples, pcm.sampleRate, pack.prepare);
    const file = join(dir, 'fallback.wav');
    writeFileSync(file, encodeWav({ sampleRate: pcm.sampleRate, samples: prepared }));
    const clipLevel = soxStats(wav, {
      startSample: rendered.parts[1]!.offset,
      samples: rendered.parts[1]!.length,
    });
    expect(Math.abs(soxStats(file)['RMS lev dB']! - clipLevel['RMS lev dB']!)).toBeLessThan(1);
  });
});

/** A sample-to-sample jump this large (of 32767) is an audible click; speech faded in stays far below. */
const JUMP_LIMIT = 1500;

function maxJumpAround(samples: Int16Array, positions: readonly number[], rate: number): number {
  const w = Math.round(rate * 0.002);
  let max = 0;
  for (const at of positions)
    for (let i = Math.max(1, at - w); i < Math.min(samples.length, at + w); i++)
      max = Math.max(max, Math.abs(samples[i]! - samples[i - 1]!));
  return max;
}

/** Pearson correlation of 10 ms RMS envelopes: the clip against the file from `offset` on. */
function envelopeCorrelation(clip: Int16Array, file: Int16Array, offset: number): number {
  const frame = 220;
  const frames = Math.floor(clip.length / frame);
  const a: number[] = [];
  const b: number[] = [];
  const rms = (x: Int16Array, from: number): number => {
    let s = 0;
    for (let i = from; i < from + frame; i++) s += (x[i] ?? 0) ** 2;
    return Math.sqrt(s / frame);
  };
  for (let f = 0; f < frames; f++) {
    a.push(rms(clip, f * frame));
    b.push(rms(file, offset + f * frame));
  }
  const mean = (v: number[]): number => v.reduce((x, y) => x + y, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
