/**
 * The voice's part of the board's health: which clips the pack lacks for this config, which phrases were
 * spoken by espeak-ng instead of clips (and how often), and how many calls were superseded in the backlog.
 */
import type { Clock } from '@motcua/shared/runtime/clock';
import type { ClipSpec } from './announcement.js';
import type { VoiceLang } from './manifest.js';
import type { VoicePack } from './pack.js';

export interface FallbackRecord {
  readonly lang: VoiceLang;
  readonly text: string;
  readonly missing: readonly string[];
  readonly count: number;
  readonly lastAt: number;
}

export interface VoiceHealthReport {
  /** "degraded" when any phrase fell back, a clip is missing or unreadable, or a call was superseded. */
  readonly status: 'ok' | 'degraded';
  readonly pack: string;
  /** Clips this config needs that the pack lacks, as "lang:text". */
  readonly missingClips: readonly string[];
  readonly unreadableClips: readonly string[];
  readonly fallbackPhrases: readonly FallbackRecord[];
  readonly supersededCalls: number;
  readonly failedAnnouncements: number;
}

/** Clips of `required` that `pack` cannot say, as "lang:text". */
export function missingClips(pack: VoicePack, required: readonly ClipSpec[], chime: boolean): string[] {
  const out = required
    .filter((c) => pack.clip(c.lang, c.text) === undefined)
    .map((c) => `${c.lang}:${c.text}`);
  if (chime && pack.chime === undefined) out.push('chime');
  return out;
}

export class VoiceHealth {
  private readonly fallbacks = new Map<string, FallbackRecord>();
  private superseded = 0;
  private failed = 0;
  private readonly missing = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly pack: VoicePack,
    required: readonly ClipSpec[],
    chime: boolean,
  ) {
    for (const m of missingClips(pack, required, chime)) this.missing.add(m);
  }

  recordFallback(lang: VoiceLang, text: string, missing: readonly string[]): void {
    const key = `${lang}:${text}`;
    const prev = this.fallbacks.get(key);
    for (const m of missing) this.missing.add(`${lang}:${m}`);
    this.fallbacks.set(key, { lang, text, missing, count: (prev?.count ?? 0) + 1, lastAt: this.clock.now() });
  }

  recordMissing(what: string): void {
    this.missing.add(what);
  }

  recordSuperseded(): void {
    this.superseded++;
  }

  recordFailed(): void {
    this.failed++;
  }

  report(): VoiceHealthReport {
    const unreadable = this.pack.unreadable.map((u) => `${u.file}: ${u.reason}`);
    const fallbackPhrases = [...this.fallbacks.values()];
    const degraded =
      fallbackPhrases.length > 0 ||
      this.missing.size > 0 ||
      unreadable.length > 0 ||
      this.superseded > 0 ||
      this.failed > 0;
    return {
      status: degraded ? 'degraded' : 'ok',
      pack: this.pack.manifest.name,
      missingClips: [...this.missing].sort(),
      unreadableClips: unreadable,
      fallbackPhrases,
      supersededCalls: this.superseded,
      failedAnnouncements: this.failed,
    };
  }
}
