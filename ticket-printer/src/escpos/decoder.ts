import { decodeByte, TABLE_NUMBERS, type CodeTableName, type TableFamily } from './code-tables.js';

/**
 * A strict ESC/POS decoder: what a printer would print, as data. It knows exactly the commands this
 * project sends (and the status requests a driver sends); anything else is a DecodeError naming the byte
 * offset, so a test cannot pass over bytes nobody understands. Text is decoded through the code table
 * selected with ESC t, from our own tables (see code-tables.ts), never from the encoder's.
 */
export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export interface TextSegment {
  readonly text: string;
  readonly table: number;
  readonly bold: boolean;
  readonly underline: boolean;
  readonly invert: boolean;
  readonly widthMag: number;
  readonly heightMag: number;
}

export type DecodedItem =
  | {
      readonly type: 'text';
      /** The printed line, trailing spaces removed. */
      readonly text: string;
      readonly align: Align;
      readonly segments: readonly TextSegment[];
      /** False when the stream ended before LF: the printer would still hold it in its buffer. */
      readonly terminated: boolean;
    }
  | {
      readonly type: 'raster';
      readonly width: number;
      readonly height: number;
      /** Row-major, MSB first, width/8 bytes per row; 1 = black dot. */
      readonly bits: Uint8Array;
      readonly align: Align;
    }
  | {
      readonly type: 'qr';
      readonly payload: string;
      readonly model: number;
      readonly moduleSize: number;
      readonly errorLevel: QrErrorLevel;
      readonly align: Align;
    }
  | { readonly type: 'feed'; readonly dots: number }
  | { readonly type: 'cut'; readonly partial: boolean }
  | { readonly type: 'initialize' }
  | { readonly type: 'status-request'; readonly command: 'DLE EOT' | 'GS r'; readonly n: number };

export class DecodeError extends Error {
  readonly reason = 'escpos-decode';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte offset ${offset}`);
    this.name = 'DecodeError';
  }
}

export interface DecodeOptions {
  /** Which printer family's ESC t numbering to use. Default 'epson'. */
  readonly tables?: TableFamily | undefined;
  /** Dots per line of font A at magnification 1 (the line pitch for ESC d). Default 30. */
  readonly lineDots?: number | undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

export function decodeEscPos(bytes: Uint8Array, options: DecodeOptions = {}): DecodedItem[] {
  const tableMap: Readonly<Record<number, CodeTableName>> = TABLE_NUMBERS[options.tables ?? 'epson'];
  const lineDots = options.lineDots ?? 30;
  const items: DecodedItem[] = [];
  let pos = 0;

  const state = {
    table: 0,
    bold: false,
    underline: false,
    invert: false,
    widthMag: 1,
    heightMag: 1,
    align: 'left' as Align,
  };
  const qr = { model: 2, moduleSize: 3, errorLevel: 'L' as QrErrorLevel, stored: null as string | null };
  let segments: TextSegment[] = [];
  let lineAlign: Align = 'left';

  const need = (n: number, what: string): void => {
    if (pos + n > bytes.length) throw new DecodeError(`Truncated ${what}`, pos);
  };
  const byte = (i: number): number => bytes[i] ?? 0;
  const resetState = (): void => {
    Object.assign(state, {
      table: 0,
      bold: false,
      underline: false,
      invert: false,
      widthMag: 1,
      heightMag: 1,
      align: 'left',
    });
  };
  const flushLine = (terminated: boolean): void => {
    const text = segments
      .map((s) => s.text)
      .join('')
      .trimEnd();
    items.push({ type: 'text', text, align: lineAlign, segments, terminated });
    segments = [];
  };
  const requireLineStart = (what: string, at: number): void => {
    if (segments.length > 0) throw new DecodeError(`${what} inside an unterminated text line`, at);
  };
  const addChar = (ch: string): void => {
    if (segments.length === 0) lineAlign = state.align;
    const last = segments.at(-1);
    if (
      last?.table === state.table &&
      last.bold === state.bold &&
      last.underline === state.underline &&
      last.invert === state.invert &&
      last.widthMag === state.widthMag &&
      last.heightMag === state.heightMag
    ) {
      segments[segments.length - 1] = { ...last, text: last.text + ch };
    } else {
      segments.push({
        text: ch,
        table: state.table,
        bold: state.bold,
        underline: state.underline,
        invert: state.invert,
        widthMag: state.widthMag,
        heightMag: state.heightMag,
      });
    }
  };
  const alignOf = (n: number, at: number): Align => {
    if (n === 0 || n === 48) return 'left';
    if (n === 1 || n === 49) return 'center';
    if (n === 2 || n === 50) return 'right';
    throw new DecodeError(`Invalid ESC a ${n}`, at);
  };

  while (pos < bytes.length) {
    const start = pos;
    const b = byte(pos);
    if (b >= 0x20 && b !== 0x7f) {
      const tableName = tableMap[state.table];
      if (tableName === undefined) throw new DecodeError(`Code table ${state.table} is not known`, start);
      const ch = decodeByte(tableName, b);
      if (ch === null)
        throw new DecodeError(`Byte 0x${b.toString(16)} has no character in table ${state.table}`, start);
      addChar(ch);
      pos++;
      continue;
    }
    if (b === LF) {
      flushLine(true);
      pos++;
      continue;
    }
    if (b === CR) {
      pos++; // CR without auto line feed prints nothing
      continue;
    }
    if (b === ESC) {
      need(2, 'ESC command');
      const c = byte(pos + 1);
      switch (c) {
        case 0x40: // ESC @
          segments = [];
          resetState();
          items.push({ type: 'initialize' });
          pos += 2;
          continue;
        case 0x74: // ESC t n
          need(3, 'ESC t');
          if (tableMap[byte(pos + 2)] === undefined)
            throw new DecodeError(`ESC t ${byte(pos + 2)} selects a table this decoder does not know`, start);
          state.table = byte(pos + 2);
          pos += 3;
          continue;
        case 0x45: // ESC E n
          need(3, 'ESC E');
          state.bold = (byte(pos + 2) & 1) === 1;
          pos += 3;
          continue;
        case 0x2d: // ESC - n
          need(3, 'ESC -');
          state.underline = (byte(pos + 2) & 3) !== 0 && byte(pos + 2) !== 48;
          pos += 3;
          continue;
        case 0x4d: // ESC M n (font); font A only is used, others are accepted as state
          need(3, 'ESC M');
          pos += 3;
          continue;
        case 0x61: // ESC a n
          need(3, 'ESC a');
          state.align = alignOf(byte(pos + 2), start);
          pos += 3;
          continue;
        case 0x21: {
          // ESC ! n: bit 3 emphasized, 4 double height, 5 double width, 7 underline
          need(3, 'ESC !');
          const n = byte(pos + 2);
          state.bold = (n & 0x08) !== 0;
          state.heightMag = (n & 0x10) !== 0 ? 2 : 1;
          state.widthMag = (n & 0x20) !== 0 ? 2 : 1;
          state.underline = (n & 0x80) !== 0;
          pos += 3;
          continue;
        }
        case 0x4a: // ESC J n: feed n dots (prints the buffer first)
          need(3, 'ESC J');
          if (segments.length > 0) flushLine(true);
          items.push({ type: 'feed', dots: byte(pos + 2) });
          pos += 3;
          continue;
        case 0x64: // ESC d n: print and feed n lines
          need(3, 'ESC d');
          if (segments.length > 0) flushLine(true);
          items.push({ type: 'feed', dots: byte(pos + 2) * lineDots });
          pos += 3;
          continue;
        case 0x32: // ESC 2: default line spacing
          pos += 2;
          continue;
        case 0x33: // ESC 3 n: line spacing
          need(3, 'ESC 3');
          pos += 3;
          continue;
        default:
          throw new DecodeError(`Unknown command ESC 0x${c.toString(16)}`, start);
      }
    }
    if (b === GS) {
      need(2, 'GS command');
      const c = byte(pos + 1);
      switch (c) {
        case 0x21: {
          // GS ! n: high nibble width-1, low nibble height-1
          need(3, 'GS !');
          const n = byte(pos + 2);
          state.widthMag = (n >> 4) + 1;
          state.heightMag = (n & 0x0f) + 1;
          if (state.widthMag > 8 || state.heightMag > 8)
            throw new DecodeError(`Invalid GS ! 0x${n.toString(16)}`, start);
          pos += 3;
          continue;
        }
        case 0x42: // GS B n
          need(3, 'GS B');
          state.invert = (byte(pos + 2) & 1) === 1;
          pos += 3;
          continue;
        case 0x50: // GS P x y: motion units
          need(4, 'GS P');
          pos += 4;
          continue;
        case 0x76: {
          // GS v 0 m xL xH yL yH d1...dk
          need(8, 'GS v 0');
          if (byte(pos + 2) !== 0x30) throw new DecodeError('Unknown GS v function', start);
          const m = byte(pos + 3);
          if (m !== 0 && m !== 48) throw new DecodeError(`GS v 0 scale mode ${m} is not used here`, start);
          requireLineStart('GS v 0', start);
          const xBytes = byte(pos + 4) | (byte(pos + 5) << 8);
          const height = byte(pos + 6) | (byte(pos + 7) << 8);
          const size = xBytes * height;
          need(8 + size, 'GS v 0 image data');
          items.push({
            type: 'raster',
            width: xBytes * 8,
            height,
            bits: bytes.slice(pos + 8, pos + 8 + size),
            align: state.align,
          });
          pos += 8 + size;
          continue;
        }
        case 0x28: {
          // GS ( k pL pH cn fn [params]
          need(5, 'GS (');
          if (byte(pos + 2) !== 0x6b)
            throw new DecodeError(`Unknown command GS ( 0x${byte(pos + 2).toString(16)}`, start);
          const len = byte(pos + 3) | (byte(pos + 4) << 8);
          need(5 + len, 'GS ( k');
          const body = bytes.subarray(pos + 5, pos + 5 + len);
          const cn = body[0];
          const fn = body[1];
          if (cn !== 0x31) throw new DecodeError(`GS ( k symbol ${cn ?? '?'} is not a QR code`, start);
          switch (fn) {
            case 0x41: // model
              qr.model = (body[2] ?? 0x32) - 0x30;
              if (qr.model !== 1 && qr.model !== 2) throw new DecodeError(`Invalid QR model`, start);
              break;
            case 0x43: // module size
              qr.moduleSize = body[2] ?? 3;
              if (qr.moduleSize < 1 || qr.moduleSize > 16)
                throw new DecodeError('Invalid QR module size', start);
              break;
            case 0x45: {
              const levels: Record<number, QrErrorLevel> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };
              const level = levels[body[2] ?? 0];
              if (level === undefined) throw new DecodeError('Invalid QR error level', start);
              qr.errorLevel = level;
              break;
            }
            case 0x50: // store data: cn fn m d...
              if (body[2] !== 0x30) throw new DecodeError('Invalid QR store command', start);
              qr.stored = Buffer.from(body.subarray(3)).toString('utf8');
              break;
            case 0x51: // print stored symbol
              requireLineStart('QR print', start);
              if (qr.stored === null) throw new DecodeError('QR print without stored data', start);
              items.push({
                type: 'qr',
                payload: qr.stored,
                model: qr.model,
                moduleSize: qr.moduleSize,
                errorLevel: qr.errorLevel,
                align: state.align,
              });
              break;
            case undefined:
            default:
              throw new DecodeError(`Unknown QR function ${fn ?? '?'}`, start);
          }
          pos += 5 + len;
          continue;
        }
        case 0x56: {
          // GS V m [n]
          need(3, 'GS V');
          const m = byte(pos + 2);
          if (segments.length > 0) flushLine(false);
          if (m === 0 || m === 48 || m === 1 || m === 49) {
            items.push({ type: 'cut', partial: m === 1 || m === 49 });
            pos += 3;
          } else if (m === 65 || m === 66) {
            need(4, 'GS V m n');
            items.push({ type: 'feed', dots: byte(pos + 3) });
            items.push({ type: 'cut', partial: m === 66 });
            pos += 4;
          } else throw new DecodeError(`Invalid GS V ${m}`, start);
          continue;
        }
        case 0x72: // GS r n: transmit status
          need(3, 'GS r');
          items.push({ type: 'status-request', command: 'GS r', n: byte(pos + 2) });
          pos += 3;
          continue;
        default:
          throw new DecodeError(`Unknown command GS 0x${c.toString(16)}`, start);
      }
    }
    if (b === FS) {
      need(2, 'FS command');
      if (byte(pos + 1) === 0x2e) {
        pos += 2; // FS . cancel Kanji mode: single-byte tables from here
        continue;
      }
      throw new DecodeError(`Unknown command FS 0x${byte(pos + 1).toString(16)}`, start);
    }
    if (b === DLE) {
      need(3, 'DLE command');
      if (byte(pos + 1) === 0x04 && [1, 2, 3, 4].includes(byte(pos + 2))) {
        items.push({ type: 'status-request', command: 'DLE EOT', n: byte(pos + 2) });
        pos += 3;
        continue;
      }
      throw new DecodeError('Unknown DLE command', start);
    }
    throw new DecodeError(`Unknown control byte 0x${b.toString(16).padStart(2, '0')}`, start);
  }
  if (segments.length > 0) flushLine(false);
  return items;
}

/** The printed text lines, in order, with the text of non-empty lines only. */
export function decodedText(items: readonly DecodedItem[]): string[] {
  return items.flatMap((i) => (i.type === 'text' && i.text.trim() !== '' ? [i.text.trim()] : []));
}
