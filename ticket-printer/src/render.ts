import ReceiptPrinterEncoder, {
  type ReceiptPrinterEncoderOptions,
} from '@point-of-sale/receipt-printer-encoder';
import { feedDots, rasterImage } from './escpos/commands.js';
import { isEncodable, isPrintableAscii, type CodeTableName } from './escpos/code-tables.js';
import {
  layoutTicket,
  type Block,
  type LayoutOptions,
  type TextStyle,
  type TicketDocument,
} from './layout.js';
import { paperGeometry, type PaperWidth } from './profiles.js';
import { rasterizeLine, rasterizeQr, wrapRasterText, type RasterTextStyle } from './raster.js';
import type { TicketData } from './ticket.js';

/**
 * Turns a ticket document into ESC/POS bytes with @point-of-sale/receipt-printer-encoder.
 *
 * Text mode sends a line through the printer font only if every character is in the profile's TCVN-3
 * tables (checked against our own tables, because the encoder's errors:'strict' lets unencodable text
 * through as '?'); any other line is drawn as a bitmap, so a stray character in a config never prints
 * as '?'. Raster mode draws every line that is not plain ASCII.
 */
const RASTER_PX: Record<PaperWidth, Record<TextStyle, RasterTextStyle['px']>> = {
  80: { title: 26, heading: 26, body: 24, small: 20 },
  58: { title: 24, heading: 24, body: 22, small: 20 },
};
const TEXT_TABLES: readonly CodeTableName[] = ['tcvn3', 'tcvn3-capitals'];

/** The largest GS ! magnification (≤ 6) that fits the number on one line of font A. */
export function numberMagnification(text: string, columns: number): number {
  return Math.max(1, Math.min(6, Math.floor(columns / Math.max(1, text.length))));
}

function isBold(style: TextStyle): boolean {
  return style === 'title' || style === 'heading';
}

/**
 * Drawn lines by text and style. The header and footer of every ticket from one kiosk are the same
 * lines, so after the first ticket only the number, queue figures and time are drawn.
 */
const rasterCache = new Map<string, Uint8Array>();
const RASTER_CACHE_MAX = 256;

function rasterTextBytes(text: string, rs: RasterTextStyle, dots: number): Uint8Array {
  const key = `${rs.px}|${String(rs.bold)}|${rs.align}|${dots}|${text}`;
  const hit = rasterCache.get(key);
  if (hit !== undefined) {
    // Re-insert: Map keeps insertion order, so the oldest entry is the least recently used.
    rasterCache.delete(key);
    rasterCache.set(key, hit);
    return hit;
  }
  const parts: Uint8Array[] = [];
  for (const line of wrapRasterText(text, rs, dots)) {
    const r = rasterizeLine(line, rs, dots);
    parts.push(feedDots(r.feedBefore), rasterImage(r.image), feedDots(r.feedAfter));
  }
  const bytes = Buffer.concat(parts);
  rasterCache.set(key, bytes);
  if (rasterCache.size > RASTER_CACHE_MAX) {
    const oldest = rasterCache.keys().next();
    if (oldest.done !== true) rasterCache.delete(oldest.value);
  }
  return bytes;
}

/**
 * Encoded printer-font chunks by encoder options and content. The encoder is slow per character (its codepage
 * lookup copies a whole codepage table for each one: ~3 ms a ticket, measured on the kiosk), and a fresh
 * encoder per chunk makes a chunk's bytes a function of its options and commands alone, so the header, footer,
 * rules and cut of every ticket are encoded once.
 */
const chunkCache = new Map<string, Uint8Array>();
const CHUNK_CACHE_MAX = 256;

function cachedChunk(key: string, make: () => Uint8Array): Uint8Array {
  const hit = chunkCache.get(key);
  if (hit !== undefined) {
    chunkCache.delete(key);
    chunkCache.set(key, hit);
    return hit;
  }
  const bytes = make();
  chunkCache.set(key, bytes);
  if (chunkCache.size > CHUNK_CACHE_MAX) {
    const oldest = chunkCache.keys().next();
    if (oldest.done !== true) chunkCache.delete(oldest.value);
  }
  return bytes;
}

export function encodeTicket(doc: TicketDocument): Uint8Array {
  const { dots, columns } = paperGeometry(doc.paperWidth);
  const profile = doc.profile;
  const tables = profile.codeTables;
  const encoderOptions = {
    language: 'esc-pos',
    columns,
    newline: '\n',
    feedBeforeCut: profile.feedBeforeCut,
    codepageMapping: (tables === undefined
      ? { cp437: 0 }
      : { cp437: 0, tcvn3: tables.tcvn3, tcvn3capitals: tables.tcvn3Capitals }) as Record<string, number>,
    codepageCandidates: tables === undefined ? ['cp437'] : ['tcvn3', 'tcvn3capitals'],
  } satisfies ReceiptPrinterEncoderOptions;

  // Each block is encoded by its own encoder and the chunks are joined: the encoder's line composer
  // otherwise counts raw feed bytes into the next text line and wraps it.
  const parts: Uint8Array[] = [];
  const encodeChunk = (build: (enc: ReceiptPrinterEncoder) => void): Uint8Array => {
    const enc = new ReceiptPrinterEncoder(encoderOptions);
    enc.codepage('auto');
    build(enc);
    return enc.encode();
  };
  const chunk = (build: (enc: ReceiptPrinterEncoder) => void): void => {
    parts.push(encodeChunk(build));
  };
  // Everything the encoder's output depends on besides the commands of the chunk.
  const optionsKey = JSON.stringify(encoderOptions);
  /** A chunk whose commands are all given by `what` (its kind and text): encoded once per options. */
  const constantChunk = (what: string, build: (enc: ReceiptPrinterEncoder) => void): void => {
    parts.push(cachedChunk(`${optionsKey}|${what}`, () => encodeChunk(build)));
  };
  const feed = (n: number): void => {
    if (n > 0) parts.push(feedDots(n));
  };

  const rasterText = (text: string, style: TextStyle, align: 'left' | 'center'): void => {
    const rs: RasterTextStyle = { px: RASTER_PX[doc.paperWidth][style], bold: isBold(style), align };
    parts.push(rasterTextBytes(text, rs, dots));
  };

  const printerText = (text: string, style: TextStyle, align: 'left' | 'center'): void => {
    // The TCVN-3 capitals table has Đ where Latin-1 has Ð (U+00D0); the encoder only knows it by that name.
    const mapped = tables === undefined ? text : text.replace(/Đ/g, '\u00d0');
    constantChunk(`text|${style}|${align}|${mapped}`, (enc) => {
      enc.align(align).bold(isBold(style));
      if (style === 'title' || style === 'heading') enc.size(1, 2);
      enc.line(mapped);
      enc.size(1, 1).bold(false);
    });
  };

  const block = (b: Block): void => {
    switch (b.kind) {
      case 'text': {
        const text = b.text.normalize('NFC');
        const native =
          tables === undefined
            ? isPrintableAscii(text)
            : isPrintableAscii(text) || isEncodable(text, TEXT_TABLES);
        if (native) printerText(text, b.style, b.align);
        else rasterText(text, b.style, b.align);
        return;
      }
      case 'number': {
        const text = b.text.normalize('NFC');
        if (!isPrintableAscii(text) && (tables === undefined || !isEncodable(text, TEXT_TABLES))) {
          rasterText(text, 'title', 'center');
          return;
        }
        const mag = numberMagnification(text, columns);
        chunk((enc) => enc.align('center').bold(true).size(mag, mag).line(text).size(1, 1).bold(false));
        return;
      }
      case 'qr': {
        if (profile.qr === 'native') {
          chunk((enc) =>
            enc
              .align('center')
              .qrcode(b.payload, { model: 2, size: doc.paperWidth === 80 ? 6 : 5, errorlevel: 'm' }),
          );
        } else {
          const moduleDots = doc.paperWidth === 80 ? 5 : 4;
          const img = rasterizeQr(b.payload, moduleDots, dots);
          // The quiet zone above and below is paper feed, not white rows.
          feed(4 * moduleDots);
          parts.push(rasterImage(img));
          feed(4 * moduleDots);
        }
        return;
      }
      case 'rule':
        constantChunk('rule', (enc) => enc.line('-'.repeat(columns)));
        return;
      case 'gap':
        feed(12);
        return;
      case 'cut':
        constantChunk('cut', (enc) => enc.cut('partial'));
        return;
    }
  };

  parts.push(Uint8Array.of(0x1b, 0x40)); // ESC @: a known state whatever the last job left behind
  for (const b of doc.blocks) block(b);
  return Buffer.concat(parts);
}

/** Ticket data → bytes ready for the printer. */
export function renderTicket(data: TicketData, options: LayoutOptions): Uint8Array {
  return encodeTicket(layoutTicket(data, options));
}
