/**
 * Voice commands for the `motcua` CLI (wired in by hub/src/cli/main.ts):
 *   motcua words <n> [--south] [--four tư|bốn] [--json]
 *   motcua announce --number <n> --counter <c> [--south] [--english] [--recall] [--config <file>]
 *                   [--pack <dir> | --cache <dir>] --wav out.wav [--json]
 *   motcua bench voice [--json] [--pack <dir>] [--calls <n>]
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '@motcua/shared/config/load';
import { voiceSchema, type VoiceConfig } from '@motcua/shared/config/voice';
import { systemClock } from '@motcua/shared/runtime/clock';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { englishDisplayChunks, vietnameseDisplayChunks } from '@motcua/shared/text/display-number';
import type { Dialect, NumberWordOptions } from '@motcua/shared/text/number-words';
import { languagesOf, phraseFor, type AnnounceCall } from './announcement.js';
import { benchVoice } from './bench.js';
import { createBoardVoice } from './board-voice.js';
import { WavFileSink } from './output.js';
import { buildVoicePack } from './pack-builder.js';
import { loadVoicePack } from './pack.js';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

class UsageError extends Error {}

function hasReason(e: unknown): e is Error & { reason: string } {
  return e instanceof Error && typeof (e as { reason?: unknown }).reason === 'string';
}

async function run(io: CliIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${e.message}\n${usage}\n`);
      return 2;
    }
    if (hasReason(e)) {
      io.err(`${e.name} (${e.reason}): ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error) {
      io.err(`${e.name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const WORDS_USAGE =
  'Usage: motcua words <number or displayed ticket number> [--south] [--four tư|bốn] [--json]';

export function wordsCommand(argv: string[], io: CliIo): Promise<number> {
  return run(io, WORDS_USAGE, () => {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { south: { type: 'boolean' }, four: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one number');
    if (values.four !== undefined && values.four !== 'tư' && values.four !== 'bốn')
      throw new UsageError(`--four must be "tư" or "bốn", not "${values.four}"`);
    const input = positionals[0]!;
    const dialect: Dialect = values.south === true ? 'south' : 'north';
    const four = values.four;
    const opts: NumberWordOptions =
      four === 'tư' || four === 'bốn' ? { dialect, fourAfterTens: four } : { dialect };
    const chunks = vietnameseDisplayChunks(input, opts);
    const words = chunks.join(' ');
    if (values.json === true)
      io.out(
        `${JSON.stringify({ input, dialect, words, chunks, english: englishDisplayChunks(input).join(' ') })}\n`,
      );
    else io.out(`${words}\n`);
    return Promise.resolve(0);
  });
}

const ANNOUNCE_USAGE =
  'Usage: motcua announce --number <n> --counter <c> [--south] [--english] [--recall] [--config <file>]\n' +
  '                       [--pack <dir> | --cache <dir>] --wav out.wav [--json]';

function defaultCache(voice: VoiceConfig): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'motcua', `voice-${voice.dialect}`);
}

export function announceCommand(argv: string[], io: CliIo): Promise<number> {
  return run(io, ANNOUNCE_USAGE, async () => {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        number: { type: 'string' },
        counter: { type: 'string' },
        south: { type: 'boolean' },
        english: { type: 'boolean' },
        recall: { type: 'boolean' },
        config: { type: 'string' },
        pack: { type: 'string' },
        cache: { type: 'string' },
        wav: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (values.number === undefined) throw new UsageError('--number is required');
    if (values.counter === undefined) throw new UsageError('--counter is required');
    if (values.wav === undefined) throw new UsageError('--wav is required');
    if (values.pack !== undefined && values.cache !== undefined)
      throw new UsageError('give --pack or --cache, not both');

    const config = values.config === undefined ? null : loadConfigFile(values.config);
    let voice: VoiceConfig = config?.voice ?? voiceSchema.parse({});
    if (values.south === true) voice = { ...voice, dialect: 'south' };
    if (values.english === true) voice = { ...voice, english: true };

    const wanted = values.counter;
    let counter: { id: string; number: number } | undefined;
    if (config) {
      counter = config.counters.find((c) => c.id === wanted || String(c.number) === wanted);
      if (!counter) throw new UsageError(`--counter: no counter "${wanted}" in ${values.config!}`);
    } else {
      if (!/^\d{1,3}$/.test(wanted) || Number(wanted) < 1)
        throw new UsageError(
          `--counter must be a counter number 1-999 (or an id with --config), not "${wanted}"`,
        );
      counter = { id: `counter-${wanted}`, number: Number(wanted) };
    }

    const call: AnnounceCall = {
      display: values.number,
      counterId: counter.id,
      counterNumber: counter.number,
      recall: values.recall === true,
    };
    const packDir = values.pack ?? values.cache ?? defaultCache(voice);
    // Without a pack, the clips this call needs are spoken into a cache folder that grows with use.
    if (values.pack === undefined)
      await buildVoicePack({
        dir: packDir,
        clips: languagesOf(voice).flatMap((lang) =>
          phraseFor(call, lang, voice).chunks.map((text) => ({ lang, text })),
        ),
        dialect: voice.dialect,
        keepExisting: true,
      });
    const pack = await loadVoicePack(packDir);
    const sink = new WavFileSink(values.wav);
    const board = createBoardVoice({ voice, pack, output: sink, clock: systemClock, logger: silentLogger });
    // Rendered once here to report what is said; the queue renders again to play it into the file.
    const rendered = await board.renderer.render(call);
    board.announce(call);
    await board.close();
    const health = board.health();
    const failed = sink.plays.length !== 1;
    const summary = {
      wav: values.wav,
      seconds: Number((rendered.samples.length / rendered.sampleRate).toFixed(2)),
      pack: packDir,
      clips: rendered.parts.map((p) => p.label),
      fallbacks: rendered.fallbacks.map((f) => f.text),
      missing_clips_in_pack: health.missingClips.length,
    };
    if (values.json === true) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      io.out(`${values.wav}: ${summary.seconds} s, ${summary.clips.length} clips\n`);
      for (const f of summary.fallbacks) io.out(`fallback to espeak-ng: ${f}\n`);
    }
    if (failed) {
      io.err('the announcement could not be written\n');
      return 1;
    }
    return 0;
  });
}

const BENCH_USAGE = 'Usage: motcua bench voice [--json] [--pack <dir>] [--calls <n>]';

/** `motcua bench voice`; argv is what follows "voice". */
export function benchVoiceCommand(argv: string[], io: CliIo): Promise<number> {
  return run(io, BENCH_USAGE, async () => {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { json: { type: 'boolean' }, pack: { type: 'string' }, calls: { type: 'string' } },
    });
    const calls = values.calls === undefined ? undefined : Number(values.calls);
    if (calls !== undefined && (!Number.isInteger(calls) || calls < 1 || calls > 100_000))
      throw new UsageError(`--calls must be a whole number 1-100000, not "${values.calls!}"`);
    const r = await benchVoice({
      ...(values.pack === undefined ? {} : { packDir: values.pack }),
      ...(calls === undefined ? {} : { calls }),
    });
    if (values.json === true) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(20)} ${String(v)}\n`);
    return 0;
  });
}
