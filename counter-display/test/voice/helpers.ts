import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoiceConfig } from '@motcua/shared/config/voice';
import { languagesOf, phraseFor, type AnnounceCall, type ClipSpec } from '../../src/voice/announcement.js';
import { buildVoicePack } from '../../src/voice/pack-builder.js';

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `motcua-voice-${prefix}-`));
}

/** The clips the given calls need, nothing more: tests build small packs (espeak-ng ~13 ms per clip). */
export function clipsFor(voice: VoiceConfig, calls: readonly AnnounceCall[]): ClipSpec[] {
  const seen = new Map<string, ClipSpec>();
  for (const call of calls)
    for (const lang of languagesOf(voice))
      for (const text of phraseFor(call, lang, voice).chunks) seen.set(`${lang}:${text}`, { lang, text });
  return [...seen.values()];
}

export async function buildTestPack(
  dir: string,
  voice: VoiceConfig,
  calls: readonly AnnounceCall[],
): Promise<void> {
  await buildVoicePack({ dir, clips: clipsFor(voice, calls), dialect: voice.dialect, concurrency: 4 });
}

/** `soxi -D`: duration in seconds. */
export function soxDuration(file: string): number {
  return Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
}

/** `sox <file> -n [trim] stats` (printed on stderr), as name → number (dB figures as printed). */
export function soxStats(
  file: string,
  trim?: { startSample: number; samples: number },
): Record<string, number> {
  const args = [file, '-n'];
  if (trim) args.push('trim', `${trim.startSample}s`, `${trim.samples}s`);
  args.push('stats');
  return parseStats(execFileSync('sh', ['-c', 'sox "$@" 2>&1', 'sox', ...args], { encoding: 'utf8' }));
}

function parseStats(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(.+?)\s{2,}(-?[\d.]+|-?inf)\s*$/.exec(line.trim());
    if (m) out[m[1]!.trim()] = m[2] === '-inf' ? -Infinity : Number(m[2]);
  }
  return out;
}

/** The file's samples as sox reads them (16-bit signed, mono), independent of the project's WAV code. */
export function soxSamples(file: string): Int16Array {
  const raw = execFileSync(
    'sox',
    [file, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-L', '-'],
    {
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}
