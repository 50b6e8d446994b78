/**
 * Plays the board's announcements in the page (browser mode): when the view names a clip, fetch its WAV with
 * `voiceClip`, play it through Web Audio (voice/web-audio.ts), and report `voicePlayed`, which lets the
 * runtime's queue move on to the next call. Plays are chained, so two never overlap here either.
 *
 * The kiosk's Chromium runs with `--autoplay-policy=no-user-gesture-required`. Without it the AudioContext
 * stays suspended; the page then does not report the clip played, and the runtime counts an output error that
 * the board's voice health shows.
 */
import { useEffect, useRef } from 'preact/hooks';
import { WebAudioSink } from '../../voice/web-audio.js';
import type { BoardClient } from './board-app.js';

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function VoicePlayer(props: { client: BoardClient; clipId: string | null }) {
  const audio = useRef<{ ctx: AudioContext; sink: WebAudioSink } | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const handled = useRef(new Set<string>());

  useEffect(() => {
    const id = props.clipId;
    if (id === null || handled.current.has(id)) return;
    handled.current.add(id);
    const play = async (): Promise<void> => {
      const r = await props.client.call('voiceClip', { id });
      if (!r.ok) return; // over already (a reconnect, or the runtime gave up waiting)
      if (audio.current === null) {
        const ctx = new AudioContext();
        audio.current = { ctx, sink: new WebAudioSink(ctx) };
      }
      const { ctx, sink } = audio.current;
      if (ctx.state !== 'running') await Promise.race([ctx.resume(), sleep(1_000)]);
      if (ctx.state !== 'running') return;
      await sink.playWav(base64Bytes(r.value.wav));
      await props.client.call('voicePlayed', { id });
    };
    chain.current = chain.current.then(play).catch(() => undefined);
  }, [props.clipId]);

  useEffect(
    () => () => {
      void audio.current?.sink.close();
      void audio.current?.ctx.close();
    },
    [],
  );
  return null;
}
