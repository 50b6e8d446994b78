/**
 * Where announcements are played. One interface, three implementations: the device's sound card through a
 * long-lived `aplay` (ALSA) process, the browser's Web Audio (web-audio.ts, in browser mode), and a WAV file
 * for tests. The queue never calls `play` again before the previous play has resolved.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { encodeWav } from './wav.js';

export interface AudioOutput {
  /**
   * Plays mono 16-bit samples; resolves once they have been heard (or written). The samples are the caller's
   * again once this resolves (the queue reuses its buffer): an output that keeps them must copy them.
   */
  play(samples: Int16Array, sampleRate: number): Promise<void>;
  close(): Promise<void>;
}

export class AudioOutputError extends Error {
  constructor(
    readonly reason: 'overlap' | 'output-missing' | 'output-died' | 'closed',
    message: string,
  ) {
    super(message);
    this.name = 'AudioOutputError';
  }
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function durationMs(samples: Int16Array, sampleRate: number): number {
  return (samples.length * 1000) / sampleRate;
}

export interface PlayRecord {
  /** Where this play starts in the file, in samples. */
  readonly offset: number;
  readonly length: number;
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * Writes everything played, back to back, into one WAV file on `close()`. Each play takes its duration divided
 * by `speed` on the injected sleep, so that tests can see (and the sink refuses) overlapping plays.
 */
export class WavFileSink implements AudioOutput {
  readonly plays: PlayRecord[] = [];
  private chunks: Int16Array[] = [];
  private total = 0;
  private rate: number | null = null;
  private busy = false;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly opts: {
      readonly sleep?: Sleep;
      readonly speed?: number;
      readonly now?: () => number;
    } = {},
  ) {}

  async play(samples: Int16Array, sampleRate: number): Promise<void> {
    if (this.closed) throw new AudioOutputError('closed', 'the file sink is closed');
    if (this.busy)
      throw new AudioOutputError('overlap', 'play() called while another announcement is playing');
    if (this.rate !== null && this.rate !== sampleRate)
      throw new Error(`sample rate changed from ${this.rate} to ${sampleRate} Hz within one file`);
    this.rate = sampleRate;
    this.busy = true;
    const now = this.opts.now ?? (() => performance.now());
    const startedAt = now();
    try {
      await (this.opts.sleep ?? realSleep)(durationMs(samples, sampleRate) / (this.opts.speed ?? Infinity));
      this.chunks.push(samples.slice());
      this.plays.push({ offset: this.total, length: samples.length, startedAt, endedAt: now() });
      this.total += samples.length;
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const samples = new Int16Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      samples.set(c, at);
      at += c.length;
    }
    await writeFile(this.path, encodeWav({ sampleRate: this.rate ?? 22050, samples }));
  }
}

export interface PipeOutputOptions {
  /** The player command and its arguments for a sample rate; it reads raw S16LE mono on stdin. */
  readonly command: string;
  readonly args: (sampleRate: number) => string[];
  readonly sleep?: Sleep;
}

/**
 * Streams raw PCM into one long-lived player process. Opening an ALSA device costs ~100 ms, so the process
 * stays open between announcements; it is restarted if it dies or the sample rate changes. `play` resolves
 * after the audio's duration, since the player buffers what it is given.
 */
export class PipeOutput implements AudioOutput {
  private child: ChildProcessWithoutNullStreams | null = null;
  private childRate = 0;
  private died: Error | null = null;

  constructor(private readonly opts: PipeOutputOptions) {}

  private ensure(sampleRate: number): ChildProcessWithoutNullStreams {
    if (this.child && this.childRate === sampleRate && this.died === null) return this.child;
    this.stop();
    this.died = null;
    const child = spawn(this.opts.command, this.opts.args(sampleRate), { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.on('error', () => undefined); // reported through 'exit'/'error' below
    child.on('error', (e: NodeJS.ErrnoException) => {
      this.died =
        e.code === 'ENOENT'
          ? new AudioOutputError('output-missing', `${this.opts.command} is not installed`)
          : new AudioOutputError('output-died', e.message);
    });
    child.on('exit', (code, signal) => {
      this.died ??= new AudioOutputError(
        'output-died',
        `${this.opts.command} exited (${String(code ?? signal)})`,
      );
      if (this.child === child) this.child = null;
    });
    this.child = child;
    this.childRate = sampleRate;
    return child;
  }

  async play(samples: Int16Array, sampleRate: number): Promise<void> {
    const child = this.ensure(sampleRate);
    const bytes = Buffer.alloc(samples.length * 2);
    for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i]!, i * 2);
    await new Promise<void>((resolve, reject) => {
      child.stdin.write(bytes, (e) => {
        // A write that fails (EPIPE) means the player is gone, even before its 'exit' arrives: one reason for both.
        if (e || this.died)
          reject(this.died ?? new AudioOutputError('output-died', e?.message ?? 'write failed'));
        else resolve();
      });
    });
    await (this.opts.sleep ?? realSleep)(durationMs(samples, sampleRate));
    if (this.died) throw this.died;
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    if (child) {
      child.stdin.end();
      child.kill();
    }
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    this.child = null;
    child.stdin.end();
    await exited;
  }
}

/** The device's sound card: `aplay` (Debian `alsa-utils`) kept open on an ALSA device. */
export function alsaOutput(device = 'default', sleep?: Sleep): PipeOutput {
  return new PipeOutput({
    command: 'aplay',
    args: (rate) => ['-q', '-t', 'raw', '-f', 'S16_LE', '-c', '1', '-r', String(rate), '-D', device],
    ...(sleep === undefined ? {} : { sleep }),
  });
}
