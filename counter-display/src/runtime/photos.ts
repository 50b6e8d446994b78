/**
 * Officers' photos for the counter display: read once at start from files named in the configuration
 * (`officers[].photo`, relative to the configuration's folder), checked and turned into data: URLs the screen
 * shows as they are (the screen's CSP allows `img-src 'self' data:`, and the screen never reaches the disk).
 *
 * The configuration arrives over the broker, so a path is trusted no more than the schema allows: it must stay
 * inside the folder (also through symbolic links), be at most `maxBytes`, and start with the signature of a
 * PNG, JPEG or WebP picture. A photo that fails any check is logged with its reason and left out: the screen
 * shows the officer's initials instead. Nothing here throws.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CentreConfig, Logger } from '@motcua/shared';

/** Default size cap: a 400×400 JPEG portrait is 30–80 KB; the view is sent on every change. */
export const DEFAULT_PHOTO_MAX_BYTES = 256 * 1024;

export type PhotoProblem = 'no-config-dir' | 'outside-folder' | 'unreadable' | 'too-large' | 'not-a-picture';

export interface PhotoOptions {
  /** The configuration file's folder; without it no photo is read (initials are shown). */
  readonly configDir?: string | undefined;
  readonly maxBytes?: number | undefined;
  readonly logger: Logger;
}

function sniff(b: Buffer): string | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** One photo as a data: URL, or the reason it is not shown. */
export function readPhoto(
  configDir: string,
  path: string,
  maxBytes: number = DEFAULT_PHOTO_MAX_BYTES,
): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: PhotoProblem } {
  let file: string;
  try {
    const root = realpathSync(configDir);
    file = realpathSync(resolve(root, path));
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, reason: 'outside-folder' };
    if (statSync(file).size > maxBytes) return { ok: false, reason: 'too-large' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  // Checked again on the bytes read: the file may have grown between stat and read.
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
  const mime = sniff(bytes);
  if (mime === null) return { ok: false, reason: 'not-a-picture' };
  return { ok: true, url: `data:${mime};base64,${bytes.toString('base64')}` };
}

/** Every configured officer's photo that passes the checks, by officer id. */
export function loadOfficerPhotos(config: CentreConfig, o: PhotoOptions): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const log = o.logger.child('photos');
  for (const officer of config.officers) {
    if (officer.photo === undefined) continue;
    if (o.configDir === undefined) {
      log.warn('officer photo not shown: the display was not told the configuration folder', {
        officerId: officer.id,
        reason: 'no-config-dir' satisfies PhotoProblem,
      });
      continue;
    }
    const r = readPhoto(o.configDir, officer.photo, o.maxBytes);
    if (r.ok) out.set(officer.id, r.url);
    else
      log.warn('officer photo not shown', { officerId: officer.id, path: officer.photo, reason: r.reason });
  }
  return out;
}

/** Initials for the circle shown without a photo: first letters of the first and last words ("Nguyễn Thị Hương" → "NH"). */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  const first = (w: string | undefined): string => (w === undefined ? '' : (Array.from(w)[0] ?? ''));
  const letters = words.length <= 1 ? first(words[0]) : first(words[0]) + first(words.at(-1));
  return letters.toLocaleUpperCase('vi');
}
