import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { afterAll, describe, expect, it } from 'vitest';
import { announceCommand, wordsCommand, type CliIo } from '../../src/voice/cli.js';
import { MANIFEST_FILE, type VoiceManifest } from '../../src/voice/manifest.js';
import { soxDuration, soxStats, tmp } from './helpers.js';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), stdout: () => out, stderr: () => err };
}

const dir = tmp('cli');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua words', () => {
  it.each([
    ['15', [], 'mười lăm'],
    ['1000', ['--south'], 'một ngàn'],
    ['1025', [], 'một nghìn không trăm hai mươi lăm'],
    ['105', ['--south'], 'một trăm lẻ năm'],
    ['24', ['--south', '--four', 'tư'], 'hai mươi tư'],
    ['K1-001', [], 'ca một số một'],
  ])('%s %j → %s', async (n, flags, words) => {
    const io = capture();
    expect(await wordsCommand([n, ...flags], io)).toBe(0);
    expect(io.stdout()).toBe(`${words}\n`);
  });

  it('--json gives the words, the chunks and the English', async () => {
    const io = capture();
    expect(await wordsCommand(['2001', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({
      input: '2001',
      dialect: 'north',
      words: 'hai nghìn không trăm linh một',
      chunks: ['hai', 'nghìn', 'không trăm', 'linh', 'một'],
      english: 'two thousand one',
    });
  });

  it('refuses what it cannot read, with the reason', async () => {
    const io = capture();
    expect(await wordsCommand(['1000000'], io)).toBe(1);
    expect(io.stderr()).toContain('unreadable-display-number');
    const usage = capture();
    expect(await wordsCommand([], usage)).toBe(2);
    expect(usage.stderr()).toContain('Usage: motcua words');
  });
});

describe('motcua announce', () => {
  const cache = join(dir, 'cache');

  it('speaks the needed clips into a cache and writes the announcement', async () => {
    const wav = join(dir, 'a.wav');
    const io = capture();
    const code = await announceCommand(
      ['--number', '1025', '--counter', '4', '--cache', cache, '--wav', wav, '--json'],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(io.stdout()) as { seconds: number; clips: string[]; fallbacks: string[] };
    expect(summary.clips.slice(0, 9)).toEqual([
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
    expect(summary.fallbacks).toEqual([]);
    expect(soxDuration(wav)).toBeCloseTo(summary.seconds, 1);
    expect(soxStats(wav)['RMS lev dB']).toBeGreaterThan(-30);
  });

  it("a second call adds its clips to the cache and keeps the first call's", async () => {
    const io = capture();
    expect(
      await announceCommand(
        ['--number', '105', '--counter', '2', '--cache', cache, '--wav', join(dir, 'b.wav')],
        io,
      ),
    ).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cache, MANIFEST_FILE), 'utf8')) as VoiceManifest;
    const texts = manifest.clips.map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['hai mươi lăm', 'một trăm', 'linh', 'năm', 'hai']));
  });

  it('--south uses the southern words and voice', async () => {
    const io = capture();
    const code = await announceCommand(
      [
        '--number',
        '1005',
        '--counter',
        '1',
        '--south',
        '--cache',
        join(dir, 'south'),
        '--wav',
        join(dir, 's.wav'),
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(io.stdout()) as { clips: string[] };
    expect(summary.clips).toEqual(expect.arrayContaining(['ngàn', 'không trăm', 'lẻ', 'năm']));
    const manifest = JSON.parse(readFileSync(join(dir, 'south', MANIFEST_FILE), 'utf8')) as VoiceManifest;
    expect(manifest.speaker).toBe('espeak-ng vi-vn-x-south');
  });

  it('--english says the English phrase after the Vietnamese one', async () => {
    const io = capture();
    const code = await announceCommand(
      [
        '--number',
        'A-12',
        '--counter',
        '3',
        '--english',
        '--cache',
        cache,
        '--wav',
        join(dir, 'en.wav'),
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const clips = (JSON.parse(io.stdout()) as { clips: string[] }).clips;
    expect(clips.slice(0, 12)).toEqual([
      'chime',
      'Xin mời công dân có số thứ tự',
      'a',
      'mười hai',
      'đến quầy',
      'số',
      'ba',
      'Ticket number',
      'A',
      'twelve',
      'please go to counter',
      'three',
    ]);
  });

  it('with a config, calls a counter by its spoken name, falling back to espeak-ng when the pack lacks it', async () => {
    const config = JSON.parse(readFileSync(exampleConfigPaths.district, 'utf8')) as Record<string, unknown>;
    config.voice = { repeat: 1, counterNames: { q4: { vi: 'Tiếp nhận hồ sơ đất đai' } } };
    const file = join(dir, 'centre.json');
    writeFileSync(file, JSON.stringify(config));
    const io = capture();
    const code = await announceCommand(
      ['--config', file, '--number', '7', '--counter', 'q4', '--pack', cache, '--wav', join(dir, 'c.wav')],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toContain(
      'fallback to espeak-ng: Xin mời công dân có số thứ tự bảy đến quầy Tiếp nhận hồ sơ đất đai',
    );
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const wav = join(dir, 'bad.wav');
    const io = capture();
    expect(
      await announceCommand(['--number', '12;3', '--counter', '4', '--cache', cache, '--wav', wav], io),
    ).toBe(1);
    expect(io.stderr()).toContain('unreadable-display-number');
    expect(existsSync(wav)).toBe(false);
    const usage = capture();
    expect(await announceCommand(['--number', '1', '--counter', 'four', '--wav', wav], usage)).toBe(2);
  });
});
