/**
 * The board's voice in browser mode: plays the PCM (or WAV bytes) it is handed through Web Audio. It has the
 * same play/close shape as the Node outputs (output.ts), one announcement at a time.
 *
 * Typed against the few Web Audio members it uses, so that it type-checks in the Node project without the
 * DOM library (which would change timer types for every Node module); counter-display/web-check/ checks
 * with the DOM library that a real AudioContext fits these types.
 */
import { decodeWav } from './wav.js';

export interface AudioBufferLike {
  getChannelData(channel: number): Float32Array;
}

export interface BufferSourceLike {
  buffer: AudioBufferLike | null;
  connect(destination: never): unknown;
  start(when?: number): void;
  stop(when?: number): void;
  onended: ((ev: Event) => unknown) | null;
}

export interface AudioContextLike {
  readonly destination: unknown;
  readonly state: string;
  createBuffer(channels: number, length: number, sampleRate: number): AudioBufferLike;
  createBufferSource(): BufferSourceLike;
  resume(): Promise<void>;
}

export class WebAudioSink {
  private source: BufferSourceLike | null = null;
  private finish: (() => void) | null = null;

  constructor(private readonly ctx: AudioContextLike) {}

  /** Plays mono 16-bit samples; resolves when they have been played (or `close()` stopped them). */
  async play(samples: Int16Array, sampleRate: number): Promise<void> {
    if (this.source) throw new Error('play() called while another announcement is playing');
    // Browsers start an AudioContext suspended until a user gesture; the board's kiosk flags allow autoplay.
    if (this.ctx.state === 'suspended') await this.ctx.resume();
    const buffer = this.ctx.createBuffer(1, Math.max(1, samples.length), sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) data[i] = samples[i]! / 32768;
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(this.ctx.destination as never);
    this.source = source;
    await new Promise<void>((resolve) => {
      this.finish = resolve;
      source.onended = () => resolve();
      source.start();
    });
    this.source = null;
    this.finish = null;
  }

  /** Plays a 16-bit PCM WAV file's bytes. */
  playWav(bytes: Uint8Array): Promise<void> {
    const pcm = decodeWav(bytes);
    return this.play(pcm.samples, pcm.sampleRate);
  }

  /** Stops what is playing. */
  close(): Promise<void> {
    this.source?.stop();
    this.finish?.();
    return Promise.resolve();
  }
}
