/**
 * Turns a call into the announcement's audio: chime, then the phrase in each configured language, said
 * `repeat` times, clips joined with short gaps (word gap inside a phrase, phrase gap between phrases). Clips
 * are preloaded and prepared, so this is a copy into one buffer. A phrase with a word that has no clip is
 * spoken whole by espeak-ng (prepared to the same loudness) and reported in the health.
 */
import type { VoiceConfig } from '@motcua/shared/config/voice';
import { languagesOf, phraseFor, type AnnounceCall, type Phrase } from './announcement.js';
import { join, prepareClip, resample, type Allocate, type JoinPart } from './dsp.js';
import type { Synthesiser } from './espeak.js';
import type { VoiceHealth } from './health.js';
import type { VoicePack } from './pack.js';

export interface RenderedPart {
  /** "chime", or the clip's text, or "fallback:<phrase>". */
  readonly label: string;
  readonly offset: number;
  readonly length: number;
}

export interface RenderedAnnouncement {
  readonly sampleRate: number;
  readonly samples: Int16Array;
  /** Every clip in order with where it starts, for tests and diagnostics. */
  readonly parts: readonly RenderedPart[];
  /** Phrases that espeak-ng spoke because clips were missing. */
  readonly fallbacks: readonly Phrase[];
}

export interface RendererDeps {
  readonly pack: VoicePack;
  readonly voice: VoiceConfig;
  readonly synth: Synthesiser;
  readonly health: VoiceHealth;
}

const FALLBACK_CACHE = 64;

export class AnnouncementRenderer {
  private readonly fallbackCache = new Map<string, Int16Array>();

  constructor(private readonly deps: RendererDeps) {}

  private async spoken(
    phrase: Phrase,
  ): Promise<{ clips: Int16Array[]; labels: string[]; fellBack: boolean }> {
    const { pack } = this.deps;
    const clips = phrase.chunks.map((c) => pack.clip(phrase.lang, c));
    const missing = phrase.chunks.filter((_, i) => clips[i] === undefined);
    if (missing.length === 0)
      return { clips: clips as Int16Array[], labels: [...phrase.chunks], fellBack: false };
    this.deps.health.recordFallback(phrase.lang, phrase.text, missing);
    const key = `${phrase.lang}:${phrase.text}`;
    let samples = this.fallbackCache.get(key);
    if (!samples) {
      const pcm = await this.deps.synth(phrase.text, phrase.lang, this.deps.voice.dialect);
      samples = prepareClip(
        resample(pcm.samples, pcm.sampleRate, pack.sampleRate),
        pack.sampleRate,
        pack.prepare,
      );
      if (this.fallbackCache.size >= FALLBACK_CACHE)
        this.fallbackCache.delete(this.fallbackCache.keys().next().value!);
      this.fallbackCache.set(key, samples);
    }
    return { clips: [samples], labels: [`fallback:${phrase.text}`], fellBack: true };
  }

  /** `allocate` gives the buffer to join into (a new one by default). */
  async render(call: AnnounceCall, allocate?: Allocate): Promise<RenderedAnnouncement> {
    const { voice, pack } = this.deps;
    const parts: JoinPart[] = [];
    const labels: string[] = [];
    const fallbacks: Phrase[] = [];
    if (voice.chime) {
      if (pack.chime) {
        parts.push(pack.chime, { gapMs: voice.phraseGapMs });
        labels.push('chime');
      } else this.deps.health.recordMissing('chime');
    }
    const phrases = languagesOf(voice).map((lang) => phraseFor(call, lang, voice));
    const spoken = await Promise.all(phrases.map((p) => this.spoken(p)));
    spoken.forEach((s, i) => {
      if (s.fellBack) fallbacks.push(phrases[i]!);
    });
    for (let r = 0; r < voice.repeat; r++) {
      for (const s of spoken) {
        s.clips.forEach((clip, i) => {
          if (i > 0) parts.push({ gapMs: voice.wordGapMs });
          parts.push(clip);
        });
        labels.push(...s.labels);
        parts.push({ gapMs: voice.phraseGapMs });
      }
    }
    const joined = join(parts, pack.sampleRate, allocate);
    const clipParts = parts.filter((p): p is Int16Array => p instanceof Int16Array);
    return {
      sampleRate: pack.sampleRate,
      samples: joined.samples,
      parts: joined.offsets.map((offset, i) => ({ label: labels[i]!, offset, length: clipParts[i]!.length })),
      fallbacks,
    };
  }
}
