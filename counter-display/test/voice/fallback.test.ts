/**
 * A phrase with a word the pack has no clip for is spoken whole by espeak-ng, and the board's health says
 * which phrase and which clip. A broken pack is refused with a reason, or its unreadable clips reported.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { voiceSchema } from '@motcua/shared/config/voice';
import { systemClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnounceCall } from '../../src/voice/announcement.js';
import { createBoardVoice } from '../../src/voice/board-voice.js';
import { espeakSynthesise, SpeechError } from '../../src/voice/espeak.js';
import { MANIFEST_FILE, type VoiceManifest } from '../../src/voice/manifest.js';
import { WavFileSink } from '../../src/voice/output.js';
import { loadVoicePack, VoicePackError } from '../../src/voice/pack.js';
import { buildTestPack, soxDuration, soxStats, tmp } from './helpers.js';

const dir = tmp('fallback');
const packDir = join(dir, 'pack');
const plain = voiceSchema.parse({ repeat: 1 });
const named = voiceSchema.parse({ repeat: 1, counterNames: { q4: { vi: 'Tiếp nhận hồ sơ đất đai' } } });
const call: AnnounceCall = { display: '25', counterId: 'q4', counterNumber: 4 };

beforeAll(async () => {
  // The pack knows "quầy số bốn" but not the counter's spoken name.
  await buildTestPack(packDir, plain, [call]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('missing clip', () => {
  it('falls back to espeak-ng for that phrase, and the health names the phrase and the clip', async () => {
    const pack = await loadVoicePack(packDir);
    const wav = join(dir, 'named.wav');
    const board = createBoardVoice({
      voice: named,
      pack,
      output: new WavFileSink(wav),
      clock: systemClock,
      logger: silentLogger,
    });
    const rendered = await board.renderer.render(call);
    expect(rendered.parts.map((p) => p.label)).toEqual([
      'chime',
      'fallback:Xin mời công dân có số thứ tự hai mươi lăm đến quầy Tiếp nhận hồ sơ đất đai',
    ]);
    board.announce(call);
    await board.close();
    const health = board.health();
    expect(health.status).toBe('degraded');
    expect(health.missingClips).toContain('vi:Tiếp nhận hồ sơ đất đai');
    expect(health.fallbackPhrases).toHaveLength(1);
    expect(health.fallbackPhrases[0]).toMatchObject({ lang: 'vi', missing: ['Tiếp nhận hồ sơ đất đai'] });
    expect(health.fallbackPhrases[0]!.count).toBe(2); // rendered once here and once by the queue
    // The fallback is real speech at the pack's loudness, not silence.
    expect(soxDuration(wav)).toBeGreaterThan(3);
    expect(soxStats(wav)['RMS lev dB']).toBeGreaterThan(-30);
  });

  it('the same pack says the same call with clips only when the counter has no spoken name', async () => {
    const pack = await loadVoicePack(packDir);
    const board = createBoardVoice({
      voice: plain,
      pack,
      output: new WavFileSink(join(dir, 'plain.wav')),
      clock: systemClock,
      logger: silentLogger,
    });
    const rendered = await board.renderer.render(call);
    expect(rendered.fallbacks).toEqual([]);
    expect(board.health().fallbackPhrases).toEqual([]);
  });

  it('an unreadable clip is reported and its phrase falls back', async () => {
    const copy = join(dir, 'broken');
    mkdirSync(copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(packDir, MANIFEST_FILE), 'utf8')) as VoiceManifest;
    for (const c of manifest.clips) {
      mkdirSync(join(copy, c.file, '..'), { recursive: true });
      writeFileSync(
        join(copy, c.file),
        c.text === 'hai mươi lăm' ? 'not a wav' : readFileSync(join(packDir, c.file)),
      );
    }
    writeFileSync(join(copy, 'chime.wav'), readFileSync(join(packDir, 'chime.wav')));
    writeFileSync(join(copy, MANIFEST_FILE), JSON.stringify(manifest));
    const pack = await loadVoicePack(copy);
    expect(pack.unreadable).toHaveLength(1);
    expect(pack.unreadable[0]!.reason).toContain('RIFF');
    const board = createBoardVoice({
      voice: plain,
      pack,
      output: new WavFileSink(join(dir, 'broken.wav')),
      clock: systemClock,
      logger: silentLogger,
    });
    expect((await board.renderer.render(call)).fallbacks).toHaveLength(1);
    expect(board.health().unreadableClips).toHaveLength(1);
    expect(board.health().status).toBe('degraded');
  });
});

describe('espeak-ng', () => {
  it('is never handed digits', async () => {
    const error = await espeakSynthesise('số 15', 'vi', 'north').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpeechError);
    expect((error as SpeechError).reason).toBe('digits-refused');
  });
});

describe('pack manifest', () => {
  const write = (name: string, manifest: unknown): string => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, MANIFEST_FILE), JSON.stringify(manifest));
    return d;
  };
  const base = (): VoiceManifest =>
    JSON.parse(readFileSync(join(packDir, MANIFEST_FILE), 'utf8')) as VoiceManifest;

  it('records dialect, speaker, licence, sample format and loudness target', () => {
    const m = base();
    expect(m.dialect).toBe('north');
    expect(m.speaker).toBe('espeak-ng vi');
    expect(m.licence).toContain('GPL-3.0-or-later');
    expect(m.sampleFormat).toEqual({
      container: 'wav',
      encoding: 'pcm-s16le',
      sampleRate: 22050,
      channels: 1,
    });
    expect(m.loudness.targetRmsDbfs).toBe(-20);
    expect(m.chime).toBe('chime.wav');
  });

  it.each([
    [
      'a clip outside the pack',
      (m: VoiceManifest) => (m.clips[0]!.file = '../../etc/passwd.wav'),
      'clips.0.file',
    ],
    ['digits as clip text', (m: VoiceManifest) => (m.clips[0]!.text = '15'), 'clips.0.text'],
    ['an unknown dialect', (m: VoiceManifest) => ((m as { dialect: string }).dialect = 'central'), 'dialect'],
  ])('refuses %s, naming the field', async (name, mutate, field) => {
    const m = base();
    mutate(m);
    const error = await loadVoicePack(write(name.replace(/\W/g, '-'), m)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoicePackError);
    expect((error as VoicePackError).reason).toBe('bad-manifest');
    expect((error as VoicePackError).message).toContain(field);
  });

  it('a folder without a manifest is refused with a reason', async () => {
    const error = await loadVoicePack(join(dir, 'nothing')).catch((e: unknown) => e);
    expect((error as VoicePackError).reason).toBe('no-manifest');
  });
});
