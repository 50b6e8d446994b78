/**
 * The simulated counters and kiosks of `motcua bench sync`, run in a child process of the bench.
 *
 * In a centre each counter panel and kiosk is its own machine. Simulated in the bench's own process, forty
 * counters storing every broadcast would queue in front of the hub and the displays on one event loop and the
 * bench would measure that queue instead of the sync path. Here they share one other process (and the machine's
 * other core), and the bench asks them over IPC to issue or call.
 *
 * Times cross the process boundary as `process.hrtime.bigint()` (CLOCK_MONOTONIC, the same clock in every
 * process on the machine).
 */
import { silentLogger, systemClock } from '@motcua/shared';
import { startCounter, type CounterDevice } from '@motcua/counter-display/runtime/counter';
import { BENCH_AREAS, benchDevice, benchSyncConfig, type BenchDevice } from './sync-config.js';

export type FarmRequest =
  | {
      op: 'init';
      url: string;
      counters: number;
      kiosks: number;
      dir: string;
      /** Counters c1…c{skip} are not simulated here (the bench runs them itself, e.g. behind a panel page). */
      skip?: number;
    }
  | { op: 'open' }
  | { op: 'issue'; i: number }
  | { op: 'call'; i: number }
  | { op: 'stop' };

export type FarmReply =
  | { op: 'ready' }
  | { op: 'opened' }
  | { op: 'issued'; ms: number }
  | { op: 'called'; t0: string; ticketId: string }
  | { op: 'stopped' }
  | { op: 'error'; message: string };

let counters: CounterDevice[] = [];
let kiosks: BenchDevice[] = [];

function reply(r: FarmReply): void {
  process.send?.(r);
}

async function handle(m: FarmRequest): Promise<FarmReply> {
  switch (m.op) {
    case 'init': {
      const config = benchSyncConfig(m.counters, m.kiosks);
      // Counters are the product's counter runtime; kiosks issue by raw request (no printer in the bench).
      const skip = m.skip ?? 0;
      counters = Array.from({ length: m.counters - skip }, (_, i) =>
        startCounter({
          counterId: `c${skip + i + 1}`,
          dataDir: m.dir,
          brokerUrl: m.url,
          config,
          clock: systemClock,
          logger: silentLogger,
          sync: { requestTimeoutMs: 10_000 },
          onlineTimeoutMs: 10_000,
        }),
      );
      kiosks = Array.from({ length: m.kiosks }, (_, i) =>
        benchDevice(config, m.url, m.dir, `kiosk-${i + 1}`, 'kiosk'),
      );
      for (const k of kiosks) k.start();
      const end = Date.now() + 30_000;
      while (!(kiosks.every((d) => d.sync.connected) && counters.every((c) => c.status().connected))) {
        if (Date.now() > end) throw new Error('simulated devices did not connect in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      return { op: 'ready' };
    }
    case 'open':
      for (const c of counters) {
        const r = await c.commands.open();
        if (!r.ok) throw new Error(`open: ${r.reason}`);
      }
      return { op: 'opened' };
    case 'issue': {
      const k = kiosks[m.i % kiosks.length]!;
      const t0 = performance.now();
      const r = await k.sync.request('issue', {
        areaId: BENCH_AREAS[m.i % BENCH_AREAS.length]!,
        priority: null,
        needsPrint: false,
      });
      const ms = performance.now() - t0;
      if (r.kind !== 'done' || r.ticketId === null) throw new Error('issue answered without a ticket');
      return { op: 'issued', ms };
    }
    case 'call': {
      const n = m.i % counters.length;
      const t0 = process.hrtime.bigint();
      const r = await counters[n]!.commands.next();
      if (!r.ok || r.value.mode !== 'online' || r.value.ticketId === null)
        throw new Error(`call next: ${r.ok ? r.value.mode : r.reason}`);
      return { op: 'called', t0: t0.toString(), ticketId: r.value.ticketId };
    }
    case 'stop':
      for (const d of [...counters, ...kiosks]) await d.stop();
      counters = [];
      kiosks = [];
      return { op: 'stopped' };
  }
}

// Requests come one at a time from the bench; answer each in turn.
let chain = Promise.resolve();
process.on('message', (m: FarmRequest) => {
  chain = chain.then(async () => {
    try {
      const r = await handle(m);
      reply(r);
      if (r.op === 'stopped') process.disconnect();
    } catch (e) {
      reply({ op: 'error', message: (e as Error).message });
    }
  });
});
// The bench went away (killed, crashed): do not linger.
process.on('disconnect', () => {
  setTimeout(() => process.exit(0), 2_000).unref();
});
