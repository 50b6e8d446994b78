/**
 * espeak-ng (Debian package `espeak-ng`), the voice that makes the default clips and speaks a phrase whose
 * clips are missing. It is always handed words: given digits it reads 15 as "mười năm" and 1000 as "một ngàn
 * không trăm". The text goes on stdin, so nothing in it can be taken for a command-line option.
 */
import { spawn } from 'node:child_process';
import type { Dialect } from '@motcua/shared/text/number-words';
import type { VoiceLang } from './manifest.js';
import { decodeWav, type Pcm } from './wav.js';

export class SpeechError extends Error {
  constructor(
    readonly reason: 'espeak-missing' | 'espeak-failed' | 'digits-refused',
    message: string,
  ) {
    super(message);
    this.name = 'SpeechError';
  }
}

/** espeak-ng voice names (`espeak-ng --voices=vi`). */
export function espeakVoice(lang: VoiceLang, dialect: Dialect): string {
  if (lang === 'en') return 'en';
  return dialect === 'north' ? 'vi' : 'vi-vn-x-south';
}

export type Synthesiser = (text: string, lang: VoiceLang, dialect: Dialect) => Promise<Pcm>;

/** Speaks `text` with espeak-ng and returns its PCM (22,050 Hz mono for these voices). */
export const espeakSynthesise: Synthesiser = (text, lang, dialect) => {
  if (/\d/.test(text))
    return Promise.reject(
      new SpeechError('digits-refused', `refusing to hand digits to espeak-ng: "${text}"`),
    );
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['-v', espeakVoice(lang, dialect), '--stdout'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new SpeechError('espeak-missing', 'espeak-ng is not installed (Debian package "espeak-ng")')
          : e,
      ),
    );
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new SpeechError('espeak-failed', `espeak-ng exited with ${String(code)}: ${err.trim()}`));
        return;
      }
      try {
        resolve(decodeWav(new Uint8Array(Buffer.concat(out))));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stdin.end(text);
  });
};
