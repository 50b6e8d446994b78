/**
 * Loading a voice pack: the manifest is validated, every clip is read and prepared (trimmed, normalised,
 * limited, faded) once, and kept in memory, so that an announcement is a copy of samples. A clip that cannot
 * be read is reported and treated as missing: its phrases fall back to espeak-ng.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_PREPARE, prepareClip, resample, type PrepareOptions } from './dsp.js';
import { clipKey, MANIFEST_FILE, manifestSchema, type VoiceLang, type VoiceManifest } from './manifest.js';
import { decodeWav } from './wav.js';

export class VoicePackError extends Error {
  constructor(
    readonly reason: 'no-manifest' | 'bad-manifest',
    message: string,
  ) {
    super(message);
    this.name = 'VoicePackError';
  }
}

export interface VoicePack {
  readonly dir: string;
  readonly manifest: VoiceManifest;
  readonly sampleRate: number;
  readonly prepare: PrepareOptions;
  /** The prepared clip saying `text`, if the pack has one. */
  clip(lang: VoiceLang, text: string): Int16Array | undefined;
  readonly chime: Int16Array | undefined;
  readonly clipCount: number;
  /** Bytes of the manifest and every clip file on disk. */
  readonly bytesOnDisk: number;
  /** Clips listed in the manifest that could not be read, with the reason. */
  readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
}

export function prepareOptionsOf(manifest: VoiceManifest): PrepareOptions {
  return {
    ...DEFAULT_PREPARE,
    targetRmsDb: manifest.loudness.targetRmsDbfs,
    ceilingDb: manifest.loudness.ceilingDbfs,
  };
}

export async function loadVoicePack(dir: string): Promise<VoicePack> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new VoicePackError('no-manifest', `no voice pack in ${dir} (${MANIFEST_FILE} missing)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new VoicePackError('bad-manifest', `${MANIFEST_FILE} is not JSON: ${(e as Error).message}`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success)
    throw new VoicePackError(
      'bad-manifest',
      result.error.issues.map((i) => `${MANIFEST_FILE} ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  const manifest = result.data;
  const rate = manifest.sampleFormat.sampleRate;
  const prepare = prepareOptionsOf(manifest);
  const unreadable: { file: string; reason: string }[] = [];
  let bytesOnDisk = Buffer.byteLength(raw);

  const readClip = async (file: string): Promise<Int16Array | undefined> => {
    try {
      const bytes = await readFile(join(dir, file));
      bytesOnDisk += bytes.byteLength;
      const pcm = decodeWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const samples = prepareClip(resample(pcm.samples, pcm.sampleRate, rate), rate, prepare);
      if (samples.length === 0) {
        unreadable.push({ file, reason: 'silent' });
        return undefined;
      }
      return samples;
    } catch (e) {
      unreadable.push({ file, reason: (e as Error).message });
      return undefined;
    }
  };

  const clips = new Map<string, Int16Array>();
  await Promise.all(
    manifest.clips.map(async (c) => {
      const samples = await readClip(c.file);
      if (samples) clips.set(clipKey(c.lang, c.text), samples);
    }),
  );
  const chime = manifest.chime === undefined ? undefined : await readClip(manifest.chime);
  return {
    dir,
    manifest,
    sampleRate: rate,
    prepare,
    clip: (lang, text) => clips.get(clipKey(lang, text)),
    chime,
    clipCount: clips.size + (chime ? 1 : 0),
    bytesOnDisk,
    unreadable,
  };
}
