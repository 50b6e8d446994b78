/**
 * `motcua bench voice`: how fast a call becomes audio ready to play on this machine, and the pack's size.
 * - audio_ready_p50_ms / audio_ready_p99_ms: a call event handed to the board's voice → the announcement's
 *   samples rendered and handed to the output (target p99 < 50 ms), over `calls` calls with random numbers
 *   and counters, one at a time, through the real queue and renderer with the pack preloaded;
 * - fallback_ready_ms: the same for a phrase whose clips are missing (espeak-ng speaks it), first time;
 * - pack_mb, clips: the pack on disk; pack_load_ms: reading and preparing every clip at start-up;
 * - pack_build_ms: generating the default pack with espeak-ng (only when no pack was given).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voiceSchema } from '@motcua/shared/config/voice';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { Prng } from '@motcua/shared/sim/prng';
import { requiredClips } from './announcement.js';
import { createBoardVoice } from './board-voice.js';
import type { AudioOutput } from './output.js';
import { buildVoicePack } from './pack-builder.js';
import { loadVoicePack } from './pack.js';

export interface VoiceBench {
  audio_ready_p50_ms: number;
  audio_ready_p99_ms: number;
  audio_ready_max_ms: number;
  calls: number;
  fallback_ready_ms: number;
  pack_mb: number;
  clips: number;
  pack_load_ms: number;
  pack_build_ms: number | null;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The bench measures up to the hand-over to the output; playing itself is not part of it. */
const discard: AudioOutput = { play: () => Promise.resolve(), close: () => Promise.resolve() };

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export async function benchVoice(opts: { packDir?: string; calls?: number } = {}): Promise<VoiceBench> {
  const voice = voiceSchema.parse({});
  const calls = opts.calls ?? 1000;
  const tmp = await mkdtemp(join(tmpdir(), 'motcua-bench-voice-'));
  try {
    let packDir = opts.packDir;
    let buildMs: number | null = null;
    if (packDir === undefined) {
      packDir = join(tmp, 'pack');
      buildMs = (await buildVoicePack({ dir: packDir, clips: requiredClips(voice), dialect: voice.dialect }))
        .ms;
    }
    const loadStart = performance.now();
    const pack = await loadVoicePack(packDir);
    const loadMs = performance.now() - loadStart;

    const ready: number[] = [];
    let fallbackMs = 0;
    const clock = { now: () => performance.now() };
    const board = createBoardVoice({
      voice,
      pack,
      output: discard,
      clock,
      logger: silentLogger,
      onEvent: (e) => {
        if (e.type === 'ready') ready.push(e.readyMs);
      },
    });
    const rng = new Prng(7);
    // Warm-up: the first calls pay for JIT compilation, which a running board has long done.
    for (let i = 0; i < 20 + calls; i++) {
      board.announce({
        display: String(rng.int(1, 9999)),
        counterId: 'q',
        counterNumber: rng.int(1, 40),
      });
      await board.whenIdle();
    }
    const measured = ready.slice(20).sort((a, b) => a - b);

    // A phrase with a word the pack has no clip for: a spoken counter name not in the pack.
    const fallback = createBoardVoice({
      voice: { ...voice, counterNames: { x: { vi: 'Phòng chờ tầng hai' } } },
      pack,
      output: discard,
      clock,
      logger: silentLogger,
      onEvent: (e) => {
        if (e.type === 'ready') fallbackMs = e.readyMs;
      },
    });
    fallback.announce({ display: '1025', counterId: 'x', counterNumber: 4 });
    await fallback.whenIdle();

    return {
      audio_ready_p50_ms: round(percentile(measured, 50)),
      audio_ready_p99_ms: round(percentile(measured, 99)),
      audio_ready_max_ms: round(measured[measured.length - 1]!),
      calls,
      fallback_ready_ms: round(fallbackMs, 1),
      pack_mb: round(pack.bytesOnDisk / 1e6),
      clips: pack.clipCount,
      pack_load_ms: round(loadMs, 0),
      pack_build_ms: buildMs === null ? null : round(buildMs, 0),
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
