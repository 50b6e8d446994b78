/**
 * Printer profiles. Vietnamese is printed one of two ways:
 *  - `text`: the printer's own font, through a Vietnamese code table that the model is known to carry
 *    (Epson/Citizen TCVN-3 and TCVN-3 capitals). Small and fast, but only right on those models.
 *  - `raster`: every line with a non-ASCII letter is drawn with the bundled DejaVu Sans and sent as a
 *    GS v 0 bitmap. Right on any ESC/POS printer; this is the default.
 * In both modes pure-ASCII content (the big number) uses the printer font, which every printer has.
 */
export type PrintMode = 'text' | 'raster';
export type QrMode = 'native' | 'raster';
export type PaperWidth = 80 | 58;

export interface PrinterProfile {
  readonly name: string;
  readonly description: string;
  readonly mode: PrintMode;
  /**
   * `native`: GS ( k (small, printer draws it). `raster`: we draw the modules as a bitmap, for printers
   * without a QR generator and when the printed pixels must be checkable.
   */
  readonly qr: QrMode;
  /** ESC t numbers of the TCVN-3 tables in text mode. */
  readonly codeTables?: { readonly tcvn3: number; readonly tcvn3Capitals: number } | undefined;
  /** Blank lines fed before the cut so the last line clears the cutter. */
  readonly feedBeforeCut: number;
}

export const PROFILES = {
  raster: {
    name: 'raster',
    description: 'Any ESC/POS printer: Vietnamese drawn as bitmaps, native QR (GS ( k)',
    mode: 'raster',
    qr: 'native',
    feedBeforeCut: 4,
  },
  'raster-qr-image': {
    name: 'raster-qr-image',
    description: 'Any ESC/POS printer without a QR generator: Vietnamese and QR drawn as bitmaps',
    mode: 'raster',
    qr: 'raster',
    feedBeforeCut: 4,
  },
  'epson-tcvn3': {
    name: 'epson-tcvn3',
    description: 'Epson TM series: printer font with code tables 30 (TCVN-3) and 31 (TCVN-3 capitals)',
    mode: 'text',
    qr: 'native',
    codeTables: { tcvn3: 30, tcvn3Capitals: 31 },
    feedBeforeCut: 4,
  },
  'citizen-tcvn3': {
    name: 'citizen-tcvn3',
    description: 'Citizen CT-S series: printer font with code tables 30 (TCVN-3) and 31 (TCVN-3 capitals)',
    mode: 'text',
    qr: 'native',
    codeTables: { tcvn3: 30, tcvn3Capitals: 31 },
    feedBeforeCut: 4,
  },
  'bixolon-tcvn3': {
    name: 'bixolon-tcvn3',
    description: 'Bixolon SRP series: printer font with code tables 49 (TCVN-3) and 50 (TCVN-3 capitals)',
    mode: 'text',
    qr: 'native',
    codeTables: { tcvn3: 49, tcvn3Capitals: 50 },
    feedBeforeCut: 4,
  },
} as const satisfies Record<string, PrinterProfile>;

export type ProfileName = keyof typeof PROFILES;
export const DEFAULT_PROFILE: ProfileName = 'raster';

export class UnknownProfileError extends Error {
  readonly reason = 'unknown-profile';
  constructor(readonly profile: string) {
    super(`Unknown printer profile "${profile}"; known: ${Object.keys(PROFILES).join(', ')}`);
    this.name = 'UnknownProfileError';
  }
}

export function getProfile(name: string): PrinterProfile {
  if (!Object.hasOwn(PROFILES, name)) throw new UnknownProfileError(name);
  return PROFILES[name as ProfileName];
}

/** Dots across the printable area and font-A columns (12-dot characters). */
export function paperGeometry(width: PaperWidth): { dots: number; columns: 48 | 32 } {
  // Width can arrive from JSON or a kiosk setting at run time, whatever its static type says.
  const w: number = width;
  if (w === 80) return { dots: 576, columns: 48 };
  if (w === 58) return { dots: 384, columns: 32 };
  throw new RangeError(`Paper width must be 80 or 58 mm, not ${w}`);
}
