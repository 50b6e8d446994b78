import { benchCore } from '@motcua/shared/bench/core';
import type { CliIo } from './io.js';

export async function benchCommand(argv: string[], io: CliIo): Promise<number> {
  const [what, ...rest] = argv;
  const json = rest.includes('--json');
  if (what === 'core') {
    const r = benchCore();
    if (json) io.out(JSON.stringify(r, null, 2));
    else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(18)} ${String(v)}`);
    return 0;
  }
  if (what === 'printer') return (await import('@motcua/ticket-printer/cli')).benchPrinterCommand(rest, io);
  io.err('usage: motcua bench core|printer [--json]');
  return 2;
}
