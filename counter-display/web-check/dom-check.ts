/**
 * Type check only (`npx tsc -p counter-display/web-check`): the browser's real Web Audio types fit the
 * narrow types web-audio.ts is written against, and the module compiles with the DOM library and no Node.
 */
import { WebAudioSink, type AudioContextLike } from '../src/voice/web-audio.js';

export function sinkFor(ctx: AudioContext | OfflineAudioContext): WebAudioSink {
  const narrow: AudioContextLike = ctx;
  return new WebAudioSink(narrow);
}
