import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '@motcua/shared/config';
import { benchProfile } from './bench.js';
import { DecodeError, decodeEscPos, decodedText, type DecodedItem } from './escpos/decoder.js';
import { bitmapToPng, nativeQrToBitmap, rasterToBitmap, renderPreview } from './escpos/png.js';
import { ticketDataFromConfig } from './from-config.js';
import { layoutTicket } from './layout.js';
import { getProfile, paperGeometry, PROFILES, type PaperWidth } from './profiles.js';
import { encodeTicket } from './render.js';

/** The commands hub's CLI dispatches to: `motcua ticket`, `motcua escpos decode`, `motcua bench printer`. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

class UsageError extends Error {}

function parseWidth(value: string | undefined, fallback: PaperWidth): PaperWidth {
  if (value === undefined) return fallback;
  if (value === '80') return 80;
  if (value === '58') return 58;
  throw new UsageError(`--width must be 80 or 58, not "${value}"`);
}

function parseNonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number ≥ 0, not "${value}"`);
  return n;
}

async function run(io: CliIo, usage: string, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${e.message}\n${usage}\n`);
      return 2;
    }
    if (e instanceof Error) {
      io.err(`${e.name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const TICKET_USAGE =
  'Usage: motcua ticket --config <file> --area <id> --number <n> [--profile <name>] [--width 80|58]\n' +
  '       [--priority <category id>] [--ahead <n>] [--wait <minutes>] [--copies 1|2] [--at <ISO time>]\n' +
  '       [--ticket-id <id>] --out ticket.bin [--png preview.png]';

export const ticketCommand: CliCommand = (argv, io) =>
  run(io, TICKET_USAGE, () => {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        config: { type: 'string' },
        area: { type: 'string' },
        number: { type: 'string' },
        profile: { type: 'string' },
        width: { type: 'string' },
        priority: { type: 'string' },
        ahead: { type: 'string' },
        wait: { type: 'string' },
        copies: { type: 'string' },
        at: { type: 'string' },
        'ticket-id': { type: 'string' },
        out: { type: 'string' },
        png: { type: 'string' },
      },
    });
    if (
      values.config === undefined ||
      values.area === undefined ||
      values.number === undefined ||
      values.out === undefined
    )
      throw new UsageError('--config, --area, --number and --out are required');
    const number = Number(values.number);
    if (!Number.isInteger(number) || number < 1)
      throw new UsageError(`--number must be a positive whole number`);
    const issuedAt = values.at === undefined ? new Date() : new Date(values.at);
    if (Number.isNaN(issuedAt.getTime()))
      throw new UsageError(`--at "${values.at ?? ''}" is not a date-time`);
    const config = loadConfigFile(values.config);
    const width = parseWidth(values.width, config.ticket.paperWidth);
    const profile = getProfile(values.profile ?? config.ticket.profile);
    const copies =
      values.copies === undefined
        ? config.ticket.copies
        : values.copies === '2'
          ? 2
          : values.copies === '1'
            ? 1
            : null;
    if (copies === null) throw new UsageError('--copies must be 1 or 2');
    const data = ticketDataFromConfig(config, {
      areaId: values.area,
      number,
      issuedAt,
      peopleAhead: parseNonNegativeInt('ahead', values.ahead, 0),
      estimatedWaitMinutes: parseNonNegativeInt('wait', values.wait, 0),
      priorityCategoryId: values.priority,
      ticketId: values['ticket-id'],
    });
    const bytes = encodeTicket(layoutTicket(data, { width, profile, copies }));
    writeFileSync(values.out, bytes);
    io.out(
      `${values.out}: ${bytes.length} bytes, ticket ${data.displayNumber} (${data.ticketId}), profile ${profile.name}, ${width} mm\n`,
    );
    if (values.png !== undefined) {
      writeFileSync(
        values.png,
        renderPreview(decodeEscPos(bytes, { tables: tableFamily(profile.name) }), paperGeometry(width).dots),
      );
      io.out(`${values.png}: preview\n`);
    }
    return 0;
  });

function tableFamily(profileName: string): 'epson' | 'bixolon' {
  return profileName.startsWith('bixolon') ? 'bixolon' : 'epson';
}

const ESCPOS_USAGE =
  'Usage: motcua escpos decode <file.bin> [--json] [--png-dir <dir>] [--tables epson|bixolon] [--width 80|58]';

function itemJson(item: DecodedItem, png: string | undefined): unknown {
  switch (item.type) {
    case 'text':
      return {
        type: 'text',
        text: item.text,
        align: item.align,
        segments: item.segments.map((s) => ({
          text: s.text,
          table: s.table,
          bold: s.bold,
          size: `${s.widthMag}x${s.heightMag}`,
        })),
        ...(item.terminated ? {} : { terminated: false }),
      };
    case 'raster':
      return {
        type: 'raster',
        width: item.width,
        height: item.height,
        align: item.align,
        ...(png ? { png } : {}),
      };
    case 'qr':
      return { ...item, ...(png ? { png } : {}) };
    case 'feed':
    case 'cut':
    case 'initialize':
    case 'status-request':
      return item;
  }
}

export const escposCommand: CliCommand = (argv, io) =>
  run(io, ESCPOS_USAGE, () => {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'png-dir': { type: 'string' },
        tables: { type: 'string' },
        width: { type: 'string' },
      },
    });
    const [sub, file, ...rest] = positionals;
    if (sub !== 'decode' || file === undefined || rest.length > 0)
      throw new UsageError('expected: decode <file>');
    const tables = values.tables ?? 'epson';
    if (tables !== 'epson' && tables !== 'bixolon') throw new UsageError('--tables must be epson or bixolon');
    const bytes = readFileSync(file);
    let items: DecodedItem[];
    try {
      items = decodeEscPos(bytes, { tables });
    } catch (e) {
      if (e instanceof DecodeError) {
        io.err(`${file}: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const pngDir = values['png-dir'];
    const pngs = new Map<number, string>();
    if (pngDir !== undefined) {
      mkdirSync(pngDir, { recursive: true });
      items.forEach((item, i) => {
        const name = `${String(i).padStart(3, '0')}-${item.type}.png`;
        if (item.type === 'raster') writeFileSync(join(pngDir, name), bitmapToPng(rasterToBitmap(item)));
        else if (item.type === 'qr')
          writeFileSync(
            join(pngDir, name),
            bitmapToPng(nativeQrToBitmap(item.payload, item.moduleSize, item.errorLevel)),
          );
        else return;
        pngs.set(i, join(pngDir, name));
      });
      const width = parseWidth(values.width, 80);
      writeFileSync(join(pngDir, 'ticket.png'), renderPreview(items, paperGeometry(width).dots));
    }
    if (values.json) {
      io.out(
        `${JSON.stringify(
          {
            file,
            bytes: bytes.length,
            text: decodedText(items),
            qr: items.flatMap((i) => (i.type === 'qr' ? [i.payload] : [])),
            rasterImages: items.filter((i) => i.type === 'raster').length,
            cuts: items.filter((i) => i.type === 'cut').length,
            items: items.map((item, i) => itemJson(item, pngs.get(i))),
            ...(pngDir !== undefined ? { preview: join(pngDir, 'ticket.png') } : {}),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const [i, item] of items.entries()) {
        const png = pngs.get(i);
        switch (item.type) {
          case 'text':
            if (item.text.trim() !== '') io.out(`text    ${item.text}\n`);
            break;
          case 'raster':
            io.out(`raster  ${item.width}x${item.height}${png ? ` ${png}` : ''}\n`);
            break;
          case 'qr':
            io.out(`qr      ${item.payload}\n`);
            break;
          case 'cut':
            io.out(`cut     ${item.partial ? 'partial' : 'full'}\n`);
            break;
          case 'feed':
          case 'initialize':
          case 'status-request':
            break;
        }
      }
    }
    return 0;
  });

const BENCH_USAGE = 'Usage: motcua bench printer [--json] [--iterations <n>] [--profile <name>...]';

export const benchPrinterCommand: CliCommand = (argv, io) =>
  run(io, BENCH_USAGE, () => {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        iterations: { type: 'string' },
        profile: { type: 'string', multiple: true },
      },
    });
    const iterations = parseNonNegativeInt('iterations', values.iterations, 200);
    if (iterations < 1) throw new UsageError('--iterations must be at least 1');
    const profiles = values.profile ?? ['raster', 'raster-qr-image', 'epson-tcvn3'];
    for (const p of profiles) if (!Object.hasOwn(PROFILES, p)) getProfile(p);
    const rows = profiles.flatMap((p) => ([80, 58] as const).map((w) => benchProfile(p, w, iterations)));
    const targets = {
      raster_render_p99_ms_under: 50,
      raster_80mm_bytes_under: 16000,
      met:
        rows.every((r) => r.mode !== 'raster' || r.render_p99_ms < 50) &&
        rows.every((r) => r.profile !== 'raster' || r.width !== 80 || r.bytes < 16000),
    };
    if (values.json)
      io.out(`${JSON.stringify({ benchmark: 'printer', node: process.version, rows, targets }, null, 2)}\n`);
    else {
      io.out('profile          width  p50 ms  p99 ms  bytes   9600 s  115200 s\n');
      for (const r of rows)
        io.out(
          `${r.profile.padEnd(16)} ${String(r.width).padStart(3)}mm ${r.render_p50_ms.toFixed(2).padStart(7)} ${r.render_p99_ms
            .toFixed(2)
            .padStart(
              7,
            )} ${String(r.bytes).padStart(6)} ${r.transfer_s_9600.toFixed(2).padStart(8)} ${r.transfer_s_115200
            .toFixed(3)
            .padStart(9)}\n`,
        );
      io.out(`targets met: ${String(targets.met)}\n`);
    }
    return 0;
  });
