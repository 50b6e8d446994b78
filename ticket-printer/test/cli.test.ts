import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleConfigPaths } from '@motcua/shared/config';
import { afterAll, describe, expect, it } from 'vitest';
import { benchPrinterCommand, escposCommand, ticketCommand, type CliIo } from '../src/cli.js';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => (out += s),
    err: (s) => (err += s),
    stdout: () => out,
    stderr: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('motcua ticket / escpos decode', () => {
  it('writes a ticket from the district example config and decodes it back', async () => {
    const bin = join(dir, 't.bin');
    const png = join(dir, 't.png');
    const io = capture();
    const code = await ticketCommand(
      [
        '--config',
        exampleConfigPaths.district,
        '--area',
        'datdai',
        '--number',
        '2025',
        '--priority',
        'elderly',
        '--ahead',
        '4',
        '--wait',
        '18',
        '--at',
        '2025-11-21T02:05:00Z',
        '--out',
        bin,
        '--png',
        png,
      ],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');

    const dec = capture();
    expect(await escposCommand(['decode', bin, '--json', '--png-dir', join(dir, 'png')], dec)).toBe(0);
    const result = JSON.parse(dec.stdout()) as {
      text: string[];
      qr: string[];
      cuts: number;
      rasterImages: number;
      preview: string;
    };
    expect(result.text).toContain('2025');
    expect(result.qr).toEqual(['vt-hcc-20251121-2025']);
    expect(result.cuts).toBe(1);
    expect(result.rasterImages).toBeGreaterThan(5);
    expect(existsSync(result.preview)).toBe(true);
  });

  it('prints Vietnamese text lines when the profile has a code table', async () => {
    const bin = join(dir, 'e.bin');
    const io = capture();
    const args = ['--config', exampleConfigPaths.district, '--area', 'hotich', '--number', '1001'];
    expect(
      await ticketCommand([...args, '--profile', 'epson-tcvn3', '--width', '80', '--out', bin], io),
    ).toBe(0);
    const dec = capture();
    expect(await escposCommand(['decode', bin, '--json'], dec)).toBe(0);
    const { text } = JSON.parse(dec.stdout()) as { text: string[] };
    expect(text).toContain('Hộ tịch, chứng thực');
    expect(text).toContain(
      'Trước bạn còn 0 người'.replace('Trước bạn còn 0 người', 'Bạn là người tiếp theo'),
    );
  });

  it('fails with a usage message on bad arguments and names the bad config input', async () => {
    const io = capture();
    expect(await ticketCommand(['--area', 'x'], io)).toBe(2);
    expect(io.stderr()).toContain('Usage: motcua ticket');
    const io2 = capture();
    const args = [
      '--config',
      exampleConfigPaths.district,
      '--area',
      'datdai',
      '--number',
      '5',
      '--out',
      join(dir, 'x.bin'),
    ];
    expect(await ticketCommand(args, io2)).toBe(1);
    expect(io2.stderr()).toContain('outside area "datdai" range 2001-2999');
  });

  it('reports an unknown command with its offset', async () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, Uint8Array.of(0x1b, 0x40, 0x1b, 0x7e, 0));
    const io = capture();
    expect(await escposCommand(['decode', bad], io)).toBe(1);
    expect(io.stderr()).toContain('Unknown command ESC 0x7e at byte offset 2');
  });
});

describe('motcua bench printer', () => {
  it('prints the figures for each mode and width as JSON', async () => {
    const io = capture();
    expect(await benchPrinterCommand(['--json', '--iterations', '5'], io)).toBe(0);
    const { rows } = JSON.parse(io.stdout()) as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => `${String(r.mode)} ${String(r.width)}`)).toEqual(
      expect.arrayContaining(['raster 80', 'raster 58', 'text 80', 'text 58']),
    );
    for (const r of rows)
      for (const key of ['render_p50_ms', 'render_p99_ms', 'bytes', 'transfer_s_9600', 'transfer_s_115200'])
        expect(typeof r[key]).toBe('number');
    const raster80 = rows.find((r) => r.profile === 'raster' && r.width === 80);
    expect(raster80?.bytes).toBeLessThan(16_000);
  });
});
