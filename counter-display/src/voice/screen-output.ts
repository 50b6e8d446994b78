/**
 * The board's audio output in browser mode: the announcement is played by the board's page (Web Audio), not
 * by the runtime. `play` keeps the rendered announcement as a WAV under a fresh id and says so (the view
 * carries the id); the page fetches it with the `voiceClip` command, plays it through `WebAudioSink`, and
 * reports `voicePlayed`. `play` resolves then, so the queue's "one call at a time, never overlapping" holds
 * across the process boundary. No page (or a page that never reports) must not stall the queue: after the
 * audio's duration plus a margin `play` resolves anyway and the miss is counted as an output error.
 */
import type { AudioOutput } from './output.js';
import { encodeWav } from './wav.js';

export interface ScreenClip {
  readonly id: string;
  readonly durationMs: number;
  /** Samples in the clip (the page's buffer has exactly this many). */
  readonly samples: number;
}

export interface ScreenOutputDeps {
  /** Called when a clip starts waiting for the page, and when it is done (null). */
  readonly onChange: () => void;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (t: unknown) => void;
  /** Time the page gets beyond the audio's duration (fetching, decoding, a reconnect); default 4 s. */
  readonly slackMs?: number;
}

export class ScreenAudioOutput implements AudioOutput {
  private clip: { readonly meta: ScreenClip; readonly wav: Uint8Array; done(): void } | null = null;
  private seq = 0;
  private missed = 0;
  private closed = false;

  constructor(private readonly deps: ScreenOutputDeps) {}

  /** The clip the page should be playing now, if any. */
  get current(): ScreenClip | null {
    return this.clip?.meta ?? null;
  }

  /** Announcements no page reported played in time. */
  get missedCount(): number {
    return this.missed;
  }

  /** The WAV bytes of the current clip, if `id` is it (an old id is gone: the page skips it). */
  wav(id: string): Uint8Array | undefined {
    return this.clip?.meta.id === id ? this.clip.wav : undefined;
  }

  /** The page played clip `id` to the end; false when it is not the current one. */
  played(id: string): boolean {
    if (this.clip?.meta.id !== id) return false;
    this.clip.done();
    return true;
  }

  async play(samples: Int16Array, sampleRate: number): Promise<void> {
    if (this.closed) return;
    if (this.clip) throw new Error('play() called while another announcement is playing');
    const durationMs = Math.round((samples.length * 1000) / sampleRate);
    const id = `v${String(++this.seq)}`;
    // Copied into the WAV now: the queue reuses its buffer once play resolves.
    const wav = encodeWav({ sampleRate, samples });
    await new Promise<void>((resolve) => {
      const timer = this.deps.setTimeout(
        () => {
          this.missed++;
          finish();
        },
        durationMs + (this.deps.slackMs ?? 4_000),
      );
      const finish = (): void => {
        this.deps.clearTimeout(timer);
        this.clip = null;
        resolve();
        this.deps.onChange();
      };
      this.clip = { meta: { id, durationMs, samples: samples.length }, wav, done: finish };
      this.deps.onChange();
    });
  }

  close(): Promise<void> {
    this.closed = true;
    this.clip?.done();
    return Promise.resolve();
  }
}
