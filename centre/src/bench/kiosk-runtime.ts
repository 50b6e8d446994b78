/**
 * The kiosk runtime alone in its own process, for `motcua bench kiosk`: takes `tickets` numbers against the
 * given broker (the hub runs in the parent), timing each from `take` entering the runtime to the ticket's bytes
 * reaching the printer transport, then reports its own RSS. The parent bundles `kiosk-runtime-main.ts` and runs
 * it with plain `node` (no TypeScript loader), so the RSS is the runtime's and Node's, nothing else.
 */
import type { CentreConfig } from '@motcua/shared/config/schema';
import { silentLogger } from '@motcua/shared/runtime/logger';
import { FakePrinter, FakeTransport } from '@motcua/ticket-printer/transport/fake';
import { startKiosk } from '@motcua/kiosk/runtime/kiosk';

export interface RuntimeBenchJob {
  readonly dataDir: string;
  readonly brokerUrl: string;
  readonly config: CentreConfig;
  readonly kioskId: string;
  readonly tickets: number;
  /** Areas to take numbers for, in turn. */
  readonly areas: readonly string[];
}

export interface RuntimeBenchResult {
  readonly latenciesMs: readonly number[];
  readonly rssMb: number;
}

/** Records when a ticket's bytes (anything longer than a 3-byte status request) reach the transport. */
class TimedTransport extends FakeTransport {
  constructor(
    printer: FakePrinter,
    private readonly onTicket: () => void,
  ) {
    super(printer);
  }
  override write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > 3) this.onTicket();
    return super.write(bytes);
  }
}

export async function runRuntimeBench(job: RuntimeBenchJob): Promise<RuntimeBenchResult> {
  const paper = new FakePrinter();
  let printedAt = 0;
  const kiosk = startKiosk({
    kioskId: job.kioskId,
    dataDir: job.dataDir,
    brokerUrl: job.brokerUrl,
    config: job.config,
    logger: silentLogger,
    printer: {
      openTransport: () =>
        Promise.resolve(
          new TimedTransport(paper, () => {
            printedAt = performance.now();
          }),
        ),
      statusTimeoutMs: 500,
    },
    // Wait for the hub however slow a take is on a loaded machine: a ticket issued offline from a lease would
    // not measure the path through the hub (it is timed here, not refused).
    onlineTimeoutMs: 10_000,
  });
  try {
    const start = Date.now();
    while (!kiosk.status().clockSynced) {
      if (Date.now() - start > 15_000) throw new Error('the kiosk did not reach the hub');
      await new Promise((r) => setTimeout(r, 20));
    }
    const latenciesMs: number[] = [];
    for (let i = 0; i < job.tickets; i++) {
      const t0 = performance.now();
      const r = await kiosk.commands.take({ area: job.areas[i % job.areas.length]! });
      if (!r.ok) throw new Error(`ticket ${i} failed: ${r.reason} ${r.message}`);
      // A ticket issued offline (from a lease) would not measure the round trip through the hub.
      if (r.value.series !== 'hub') throw new Error(`ticket ${i} was not committed at the hub`);
      latenciesMs.push(printedAt - t0);
      paper.clearReceived();
      // A citizen takes a number every few seconds at most; back to back, a fast kiosk would exceed the hub's
      // per-device rate limit (50 messages/s, two per take) and be refused, as any flooding device is.
      await new Promise((r) => setTimeout(r, 50));
    }
    return { latenciesMs, rssMb: process.memoryUsage().rss / 1_048_576 };
  } finally {
    await kiosk.stop();
  }
}
