/**
 * In-process audio processing for clips and announcements (pure, no Node imports). Clips are prepared once,
 * when a pack is loaded, so that an announcement is only a copy of preloaded samples into one buffer: that
 * is what keeps "call event → audio ready" within a few milliseconds (the sox pipeline per call measured
 * 90–140 ms here).
 *
 * Preparing a clip: trim leading and trailing silence (clips carry their own), bring it to a common RMS
 * level, limit its peaks, then fade both edges so that a join never clicks. Measured on espeak-ng clips:
 * peak normalisation alone left a 9.5 dB loudness spread; RMS normalisation plus a limiter about 0.6 dB.
 */

export interface PrepareOptions {
  /** RMS level every clip is brought to, in dBFS. */
  readonly targetRmsDb: number;
  /** The limiter's ceiling, in dBFS. */
  readonly ceilingDb: number;
  /** Samples below this fraction of full scale at the edges are silence. */
  readonly silenceThreshold: number;
  readonly fadeInMs: number;
  readonly fadeOutMs: number;
}

export const DEFAULT_PREPARE: PrepareOptions = {
  targetRmsDb: -20,
  ceilingDb: -1.5,
  silenceThreshold: 0.005,
  fadeInMs: 10,
  fadeOutMs: 10,
};

const FULL = 32768;

export function dbToRatio(db: number): number {
  return 10 ** (db / 20);
}

/** RMS level of 16-bit samples in dBFS (−Infinity for silence). */
export function rmsDb(samples: Int16Array | Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  if (samples.length === 0 || sum === 0) return -Infinity;
  return 20 * Math.log10(Math.sqrt(sum / samples.length) / FULL);
}

/** The samples between the first and last that rise above the threshold, with 5 ms kept either side. */
export function trimSilence(samples: Int16Array, sampleRate: number, threshold: number): Int16Array {
  const limit = threshold * FULL;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) <= limit) first++;
  if (first === samples.length) return new Int16Array(0);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) <= limit) last--;
  const margin = Math.round(sampleRate * 0.005);
  return samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin));
}

/**
 * A look-ahead peak limiter: the gain needed at each sample is taken as the minimum over ±L samples, smoothed
 * by an L-sample moving average (so it is never above what a peak needs) and released over ~50 ms.
 */
export function limit(x: Float32Array, sampleRate: number, ceilingDb: number): Float32Array {
  const ceiling = dbToRatio(ceilingDb) * FULL;
  const n = x.length;
  const L = Math.max(1, Math.round(sampleRate * 0.002));
  const need = new Float32Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i]!);
    need[i] = a > ceiling ? ceiling / a : 1;
    if (a > ceiling) any = true;
  }
  if (!any) return x;
  const minimum = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let m = 1;
    for (let j = Math.max(0, i - L), end = Math.min(n - 1, i + L); j <= end; j++)
      if (need[j]! < m) m = need[j]!;
    minimum[i] = m;
  }
  const half = Math.floor(L / 2);
  const out = new Float32Array(n);
  const release = 1 - Math.exp(-1 / (sampleRate * 0.05));
  let g = 1;
  let acc = 0;
  // Running sum over the window [i - half, i + half], values outside the clip count as 1.
  for (let j = -half; j <= half; j++) acc += j >= 0 && j < n ? minimum[j]! : 1;
  const width = 2 * half + 1;
  for (let i = 0; i < n; i++) {
    const smooth = acc / width;
    g = Math.min(smooth, g + (1 - g) * release);
    out[i] = x[i]! * g;
    const leaving = i - half;
    const entering = i + half + 1;
    acc += (entering < n ? minimum[entering]! : 1) - (leaving >= 0 ? minimum[leaving]! : 1);
  }
  return out;
}

function applyFades(x: Float32Array, sampleRate: number, inMs: number, outMs: number): void {
  // Raised-cosine fades: no corner at either end of the fade.
  const fin = Math.min(x.length, Math.round((sampleRate * inMs) / 1000));
  const fout = Math.min(x.length, Math.round((sampleRate * outMs) / 1000));
  for (let i = 0; i < fin; i++) x[i] = x[i]! * (0.5 - 0.5 * Math.cos((Math.PI * i) / fin));
  for (let i = 0; i < fout; i++) {
    const k = x.length - 1 - i;
    x[k] = x[k]! * (0.5 - 0.5 * Math.cos((Math.PI * i) / fout));
  }
}

function toInt16(x: Float32Array): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(x[i]!)));
  return out;
}

/** Trim, RMS-normalise, limit and fade one clip. Silence in → empty out. */
export function prepareClip(
  samples: Int16Array,
  sampleRate: number,
  opts: PrepareOptions = DEFAULT_PREPARE,
): Int16Array {
  const trimmed = trimSilence(samples, sampleRate, opts.silenceThreshold);
  if (trimmed.length === 0) return trimmed;
  const target = opts.targetRmsDb;
  let gainDb = target - rmsDb(trimmed);
  let shaped: Float32Array = new Float32Array(0);
  // The limiter lowers the RMS of peaky clips; a few rounds bring the limited clip back onto the target.
  for (let round = 0; round < 4; round++) {
    const gain = dbToRatio(gainDb);
    const scaled = new Float32Array(trimmed.length);
    for (let i = 0; i < trimmed.length; i++) scaled[i] = trimmed[i]! * gain;
    shaped = limit(scaled, sampleRate, opts.ceilingDb);
    const miss = target - rmsDb(shaped);
    if (Math.abs(miss) < 0.05) break;
    gainDb += miss;
  }
  applyFades(shaped, sampleRate, opts.fadeInMs, opts.fadeOutMs);
  return toInt16(shaped);
}

/** Linear-interpolation resampling; used only for the rare fallback voice at another rate. */
export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return samples;
  const n = Math.max(0, Math.round((samples.length * to) / from));
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const pos = (i * from) / to;
    const k = Math.floor(pos);
    const f = pos - k;
    const a = samples[k] ?? 0;
    const b = samples[k + 1] ?? a;
    out[i] = Math.round(a + (b - a) * f);
  }
  return out;
}

export type JoinPart = Int16Array | { readonly gapMs: number };

export interface Joined {
  readonly samples: Int16Array;
  /** Where each clip (not gap) of `parts` starts, in samples, in order. */
  readonly offsets: number[];
}

/** Gives a zeroed buffer of `length` samples to join into. */
export type Allocate = (length: number) => Int16Array;

const fresh: Allocate = (length) => new Int16Array(length);

/**
 * One growing buffer handed out again and again: for a caller that is done with each result before asking
 * for the next (the queue), so that a busy board does not allocate half a megabyte per call and pay for it
 * in garbage-collection pauses.
 */
export function reusedBuffer(): Allocate {
  let buffer = new Int16Array(0);
  return (length) => {
    if (buffer.length < length) buffer = new Int16Array(Math.ceil(length * 1.25));
    const view = buffer.subarray(0, length);
    view.fill(0);
    return view;
  };
}

/** Concatenates prepared clips and silent gaps into one buffer. */
export function join(parts: readonly JoinPart[], sampleRate: number, allocate: Allocate = fresh): Joined {
  const lengths = parts.map((p) =>
    p instanceof Int16Array ? p.length : Math.round((sampleRate * p.gapMs) / 1000),
  );
  const samples = allocate(lengths.reduce((a, b) => a + b, 0));
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    if (p instanceof Int16Array) {
      offsets.push(at);
      samples.set(p, at);
    }
    at += lengths[i]!;
  });
  return { samples, offsets };
}
