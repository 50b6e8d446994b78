/**
 * What an announcement says: the configured template of each language with the ticket number and the
 * counter filled in, as chunks that a voice pack has one clip each for. Pure.
 *
 * "Xin mời công dân có số thứ tự {number} đến quầy {counter}" with A1025 at counter 4 becomes the chunks
 * "Xin mời công dân có số thứ tự" | "a" | "một" | "nghìn" | "không trăm" | "hai mươi lăm" | "đến quầy" | "số" |
 * "bốn"; a counter with a spoken name is said by that name ("đến quầy" | "Tiếp nhận hồ sơ đất đai").
 */
import type { VoiceConfig } from '@motcua/shared/config/voice';
import {
  englishDisplayChunks,
  VI_LETTERS,
  vietnameseDisplayChunks,
} from '@motcua/shared/text/display-number';
import {
  englishNumberChunks,
  vietnameseNumberChunks,
  type NumberWordOptions,
} from '@motcua/shared/text/number-words';
import type { VoiceLang } from './manifest.js';

export interface AnnounceCall {
  /** The ticket number as displayed: "1025", "A1025", "K1-001". */
  readonly display: string;
  readonly counterId: string;
  readonly counterNumber: number;
  readonly recall?: boolean;
}

export interface Phrase {
  readonly lang: VoiceLang;
  /** One clip each, in order. */
  readonly chunks: readonly string[];
  /** The whole sentence in words, for the espeak-ng fallback. */
  readonly text: string;
}

export interface ClipSpec {
  readonly lang: VoiceLang;
  readonly text: string;
}

type Segment = { readonly literal: string } | { readonly slot: 'number' | 'counter' };

/** Splits a template into literal words and slots; punctuation and spaces around literals are dropped. */
function segments(template: string): Segment[] {
  const out: Segment[] = [];
  for (const piece of template.split(/(\{number\}|\{counter\})/)) {
    if (piece === '{number}') out.push({ slot: 'number' });
    else if (piece === '{counter}') out.push({ slot: 'counter' });
    else {
      const literal = piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (literal !== '') out.push({ literal });
    }
  }
  return out;
}

export function numberOptions(voice: VoiceConfig): NumberWordOptions {
  return voice.fourAfterTens === undefined
    ? { dialect: voice.dialect }
    : { dialect: voice.dialect, fourAfterTens: voice.fourAfterTens };
}

function templateOf(voice: VoiceConfig, lang: VoiceLang, recall: boolean): string {
  const t = voice.templates[lang];
  return recall ? (t.recall ?? t.call) : t.call;
}

function slotChunks(
  slot: 'number' | 'counter',
  call: AnnounceCall,
  lang: VoiceLang,
  voice: VoiceConfig,
): string[] {
  if (slot === 'number')
    return lang === 'vi'
      ? vietnameseDisplayChunks(call.display, numberOptions(voice))
      : englishDisplayChunks(call.display);
  const name = voice.counterNames[call.counterId]?.[lang];
  if (name !== undefined) return [name];
  return lang === 'vi'
    ? ['số', ...vietnameseNumberChunks(call.counterNumber, numberOptions(voice))]
    : englishNumberChunks(call.counterNumber);
}

/** The phrase for one language. Throws DisplayNumberError / NumberWordsError on an unreadable number. */
export function phraseFor(call: AnnounceCall, lang: VoiceLang, voice: VoiceConfig): Phrase {
  const template = templateOf(voice, lang, call.recall === true);
  const chunks = segments(template).flatMap((s) =>
    'literal' in s ? [s.literal] : slotChunks(s.slot, call, lang, voice),
  );
  const text = template
    .replace('{number}', slotChunks('number', call, lang, voice).join(' '))
    .replace('{counter}', slotChunks('counter', call, lang, voice).join(' '));
  return { lang, chunks, text };
}

/** The languages said for each call, in order. */
export function languagesOf(voice: VoiceConfig): VoiceLang[] {
  return voice.english ? ['vi', 'en'] : ['vi'];
}

/**
 * Every clip the announcements of this config can need: the number chunks of 0–999,999 (those of 0–1001
 * cover them all), letters, "số", the templates' words and the counters' spoken names.
 */
export function requiredClips(
  voice: VoiceConfig,
  languages: readonly VoiceLang[] = languagesOf(voice),
): ClipSpec[] {
  const out = new Map<string, ClipSpec>();
  const add = (lang: VoiceLang, text: string): void => {
    const key = `${lang}:${text}`;
    if (!out.has(key)) out.set(key, { lang, text });
  };
  const opts = numberOptions(voice);
  for (const lang of languages) {
    for (let n = 0; n <= 1001; n++)
      for (const c of lang === 'vi' ? vietnameseNumberChunks(n, opts) : englishNumberChunks(n)) add(lang, c);
    for (const [letter, name] of Object.entries(VI_LETTERS))
      add(lang, lang === 'vi' ? name : letter === 'Đ' ? 'D' : letter);
    add(lang, lang === 'vi' ? 'số' : 'number');
    for (const template of [voice.templates[lang].call, voice.templates[lang].recall])
      if (template !== undefined)
        for (const s of segments(template)) if ('literal' in s) add(lang, s.literal);
    for (const names of Object.values(voice.counterNames)) {
      const name = names[lang];
      if (name !== undefined) add(lang, name);
    }
  }
  return [...out.values()];
}
