/**
 * Builds the default voice pack: every clip the announcements need, spoken by espeak-ng from words (never
 * digits), prepared like any clip (trimmed, RMS-normalised, limited, faded) and written as 16-bit mono WAV;
 * the chime is synthesised by sox. A folder that already holds a pack keeps the clips it has (file names are
 * a hash of voice + language + text), so building again only adds what is new.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Dialect } from '@motcua/shared/text/number-words';
import type { ClipSpec } from './announcement.js';
import { DEFAULT_PREPARE, prepareClip, resample, type PrepareOptions } from './dsp.js';
import { espeakSynthesise, espeakVoice, SpeechError, type Synthesiser } from './espeak.js';
import { MANIFEST_FILE, MANIFEST_FORMAT, manifestSchema, type VoiceManifest } from './manifest.js';
import { decodeWav, encodeWav } from './wav.js';

export const ESPEAK_LICENCE =
  'Spoken by espeak-ng (GPL-3.0-or-later) with its Vietnamese voice data. The clips are output of that ' +
  'program, generated on this machine from the words in this manifest; they contain no code. Whether such ' +
  'output carries the program licence is not settled here: if in doubt, treat the clips as covered by ' +
  'GPL-3.0-or-later. The chime is a sox-synthesised two-tone sine (no third-party content).';

export interface BuildPackOptions {
  readonly dir: string;
  readonly clips: readonly ClipSpec[];
  readonly dialect: Dialect;
  readonly sampleRate?: number;
  readonly chime?: boolean;
  readonly concurrency?: number;
  readonly synth?: Synthesiser;
  readonly prepare?: PrepareOptions;
  readonly now?: () => Date;
  /** Keep the clips an existing manifest in `dir` lists (same dialect), adding `clips` to them. */
  readonly keepExisting?: boolean;
}

export interface BuildPackResult {
  readonly manifest: VoiceManifest;
  /** Clips spoken now (not already in the folder). */
  readonly generated: number;
  readonly ms: number;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT' ? new Error(`${command} is not installed (Debian package "${command}")`) : e,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with ${String(code)}: ${err.trim()}`));
    });
  });
}

/** The clips listed by a valid manifest of the same dialect already in `dir`; none otherwise. */
async function existingClips(dir: string, dialect: Dialect): Promise<ClipSpec[]> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
    if (!parsed.success || parsed.data.dialect !== dialect) return [];
    return parsed.data.clips.map((c) => ({ lang: c.lang, text: c.text }));
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Two falling tones ("ding-dong"), 1.3 s, made by sox. */
async function synthChime(sampleRate: number): Promise<Int16Array> {
  const tmp = await mkdtemp(join(tmpdir(), 'motcua-chime-'));
  try {
    const file = join(tmp, 'chime.wav');
    await run('sox', [
      ...['-n', '-r', String(sampleRate), '-c', '1', '-b', '16', file],
      ...['synth', '0.5', 'sine', '880', 'fade', 'h', '0.005', '0.5', '0.45'],
      ...[':', 'synth', '0.8', 'sine', '698.46', 'fade', 'h', '0.005', '0.8', '0.75'],
    ]);
    const bytes = await readFile(file);
    return decodeWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).samples;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export async function buildVoicePack(opts: BuildPackOptions): Promise<BuildPackResult> {
  const started = performance.now();
  const rate = opts.sampleRate ?? 22050;
  const synth = opts.synth ?? espeakSynthesise;
  const prepare = opts.prepare ?? DEFAULT_PREPARE;
  const speaker = `espeak-ng ${espeakVoice('vi', opts.dialect)}`;
  await mkdir(opts.dir, { recursive: true });
  const wanted = new Map<string, ClipSpec>();
  for (const c of [
    ...(opts.keepExisting === true ? await existingClips(opts.dir, opts.dialect) : []),
    ...opts.clips,
  ])
    wanted.set(`${c.lang}:${c.text}`, c);
  const clips = [...wanted.values()];

  const fileOf = (c: ClipSpec): string => {
    const hash = createHash('sha1')
      .update(`${espeakVoice(c.lang, opts.dialect)}\n${c.lang}\n${c.text}\n${rate}`)
      .digest('hex')
      .slice(0, 16);
    return `${c.lang}/${hash}.wav`;
  };
  const writeClip = async (file: string, samples: Int16Array): Promise<void> => {
    await mkdir(dirname(join(opts.dir, file)), { recursive: true });
    await writeFile(join(opts.dir, file), encodeWav({ sampleRate: rate, samples }));
  };

  let generated = 0;
  const queue = [...clips];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      if (/\d/.test(c.text)) throw new SpeechError('digits-refused', `clip text has digits: "${c.text}"`);
      const file = fileOf(c);
      if (await exists(join(opts.dir, file))) continue;
      const pcm = await synth(c.text, c.lang, opts.dialect);
      const samples = prepareClip(resample(pcm.samples, pcm.sampleRate, rate), rate, prepare);
      if (samples.length === 0)
        throw new SpeechError('espeak-failed', `espeak-ng said nothing for "${c.text}"`);
      await writeClip(file, samples);
      generated++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));

  let chime: string | undefined;
  if (opts.chime ?? true) {
    chime = 'chime.wav';
    if (!(await exists(join(opts.dir, chime))))
      await writeClip(chime, prepareClip(await synthChime(rate), rate, prepare));
  }

  const manifest: VoiceManifest = {
    format: MANIFEST_FORMAT,
    name: `Một Cửa default voice (espeak-ng, ${opts.dialect === 'north' ? 'Northern' : 'Southern'})`,
    dialect: opts.dialect,
    speaker,
    licence: ESPEAK_LICENCE,
    sampleFormat: { container: 'wav', encoding: 'pcm-s16le', sampleRate: rate, channels: 1 },
    loudness: { targetRmsDbfs: prepare.targetRmsDb, ceilingDbfs: prepare.ceilingDb },
    generator: 'counter-display/scripts/build-voice-pack.ts',
    createdAt: (opts.now ?? (() => new Date()))().toISOString(),
    ...(chime === undefined ? {} : { chime }),
    clips: clips.map((c) => ({ lang: c.lang, text: c.text, file: fileOf(c) })),
  };
  await writeFile(join(opts.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, generated, ms: performance.now() - started };
}
