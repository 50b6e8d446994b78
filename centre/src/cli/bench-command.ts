import { benchCore } from '@motcua/shared/bench/core';
import type { CliIo } from './io.js';

export async function benchCommand(argv: string[], io: CliIo): Promise<number> {
  const [what, ...rest] = argv;
  const json = rest.includes('--json');
  const num = (name: string): number | undefined => {
    const i = rest.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = Number(rest[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a positive whole number`);
    return v;
  };
  if (what === 'core') {
    const events = num('events');
    const intents = num('intents');
    const r = benchCore({
      ...(events === undefined ? {} : { events }),
      ...(intents === undefined ? {} : { intents }),
    });
    if (json) io.out(JSON.stringify(r, null, 2));
    else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(18)} ${String(v)}`);
    return 0;
  }
  if (what === 'sync') {
    const { benchSync, BenchSetupError } = await import('../bench/sync.js');
    try {
      const r = await benchSync({
        ...(num('counters') === undefined ? {} : { counters: num('counters') }),
        ...(num('calls') === undefined ? {} : { calls: num('calls') }),
        ...(num('issues') === undefined ? {} : { issues: num('issues') }),
        ...(num('rtt-samples') === undefined ? {} : { rttSamples: num('rtt-samples') }),
        ...(num('ingest-events') === undefined ? {} : { ingestEvents: num('ingest-events') }),
        ...(num('catchup-events') === undefined ? {} : { catchupEvents: num('catchup-events') }),
      });
      if (json) io.out(JSON.stringify(r, null, 2));
      else for (const [k, v] of Object.entries(r)) io.out(`${k.padEnd(24)} ${String(v)}`);
      return 0;
    } catch (e) {
      if (e instanceof BenchSetupError) {
        io.err(`motcua bench sync: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  if (what === 'counter') return (await import('../bench/counter.js')).benchCounter(rest, io);
  if (what === 'wait') return (await import('@motcua/shared/bench/wait-estimate')).benchWaitCommand(rest, io);
  if (what === 'reports') return (await import('../bench/reports.js')).benchReports(rest, io);
  if (what === 'kiosk') return (await import('../bench/kiosk.js')).benchKiosk(rest, io);
  if (what === 'printer') return (await import('@motcua/ticket-printer/cli')).benchPrinterCommand(rest, io);
  if (what === 'search') return (await import('@motcua/shared/catalogue/cli')).benchSearchCommand(rest, io);
  if (what === 'voice')
    return (await import('@motcua/counter-display/voice/cli')).benchVoiceCommand(rest, io);
  io.err(
    'usage: motcua bench core|printer [--json]   (core: [--events n] [--intents n] for a quick run)\n' +
      '       motcua bench sync [--json] [--counters n] [--issues n] [--calls n] [--rtt-samples n]\n' +
      '                         [--ingest-events n] [--catchup-events n]\n' +
      '       motcua bench search [--json] [--procedures n] [--rounds n]\n' +
      '       motcua bench voice [--json] [--pack dir] [--calls n]\n' +
      '       motcua bench wait [--json] [--waiting n] [--served n] [--rounds n]\n' +
      '       motcua bench kiosk [--json] [--tickets n] [--rounds n] [--slowdown n]\n' +
      '       motcua bench counter [--json] [--presses n] [--slowdown n]\n' +
      '       motcua bench reports [--json] [--days n] [--tickets n] [--live-samples n]',
  );
  return 2;
}
