/**
 * The board's announcement queue: one call at a time, never overlapping; each call is rendered (chime,
 * phrase, repeats) and played to the end before the next starts; a recall is queued again like a call.
 *
 * Backlog policy, for calls arriving faster than they can be said: each counter keeps only its newest waiting
 * call, in the place of its older one (the counter has waited that long already); the older call is
 * superseded, which is reported (event, log, health), never dropped silently. The backlog is therefore at most
 * one call per counter. A failure to render or play one call is reported and the queue moves on.
 */
import type { Clock } from '@motcua/shared/runtime/clock';
import type { Logger } from '@motcua/shared/runtime/logger';
import type { AnnounceCall } from './announcement.js';
import { reusedBuffer, type Allocate } from './dsp.js';
import type { VoiceHealth } from './health.js';
import type { AudioOutput } from './output.js';
import type { RenderedAnnouncement } from './renderer.js';

export interface QueuedCall extends AnnounceCall {
  readonly queuedAt: number;
}

export type QueueEvent =
  | { readonly type: 'queued'; readonly call: QueuedCall }
  | { readonly type: 'superseded'; readonly dropped: QueuedCall; readonly by: QueuedCall }
  /** Audio rendered and about to play; `readyMs` is the time since the call was queued. */
  | { readonly type: 'ready'; readonly call: QueuedCall; readonly readyMs: number; readonly renderMs: number }
  | { readonly type: 'finished'; readonly call: QueuedCall }
  | { readonly type: 'failed'; readonly call: QueuedCall; readonly error: Error };

export interface QueueDeps {
  /** Renders a call into a buffer from `allocate` (the queue reuses one buffer: one call plays at a time). */
  readonly render: (call: AnnounceCall, allocate: Allocate) => Promise<RenderedAnnouncement>;
  readonly output: AudioOutput;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly health?: VoiceHealth;
  readonly onEvent?: (e: QueueEvent) => void;
}

export class AnnouncementQueue {
  private readonly waiting: QueuedCall[] = [];
  private current: QueuedCall | null = null;
  private running: Promise<void> | null = null;
  private readonly buffer = reusedBuffer();

  constructor(private readonly deps: QueueDeps) {}

  /** Calls waiting to be said, in the order they will be. */
  get pending(): readonly QueuedCall[] {
    return this.waiting;
  }

  get playing(): QueuedCall | null {
    return this.current;
  }

  enqueue(call: AnnounceCall): void {
    const entry: QueuedCall = { ...call, queuedAt: this.deps.clock.now() };
    const i = this.waiting.findIndex((w) => w.counterId === call.counterId);
    if (i >= 0) {
      const dropped = this.waiting[i]!;
      this.waiting[i] = entry;
      this.deps.health?.recordSuperseded();
      this.deps.logger.warn('announcement superseded by a newer call at the same counter', {
        counterId: call.counterId,
        dropped: dropped.display,
        by: entry.display,
      });
      this.emit({ type: 'superseded', dropped, by: entry });
    } else this.waiting.push(entry);
    this.emit({ type: 'queued', call: entry });
    this.kick();
  }

  /** Resolves when nothing is waiting or playing. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private emit(e: QueueEvent): void {
    this.deps.onEvent?.(e);
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // A call queued between the loop's last check and here must not be stranded.
      if (this.waiting.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next !== undefined; next = this.waiting.shift()) {
      this.current = next;
      try {
        const renderStart = this.deps.clock.now();
        const audio = await this.deps.render(next, this.buffer);
        const now = this.deps.clock.now();
        this.emit({ type: 'ready', call: next, readyMs: now - next.queuedAt, renderMs: now - renderStart });
        await this.deps.output.play(audio.samples, audio.sampleRate);
        this.emit({ type: 'finished', call: next });
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        this.deps.health?.recordFailed();
        this.deps.logger.error('announcement failed', { display: next.display, error: error.message });
        this.emit({ type: 'failed', call: next, error });
      } finally {
        this.current = null;
      }
    }
  }
}
