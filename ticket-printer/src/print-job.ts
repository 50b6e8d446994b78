import {
  STATUS_MESSAGES,
  blocksPrinting,
  type PrinterFailure,
  type PrinterState,
  type StatusMessage,
} from './status.js';
import { TransportError, type PrinterTransport } from './transport/types.js';

/**
 * Prints committed tickets and tells the journal the truth about each one.
 *
 * Invariant: a number is never shown as issued without a ticket in the citizen's hand, and a number
 * that was never printed is never called. So, per attempt:
 *   1. the ticket must already be committed (journal.isPrintable) — never print a number the store
 *      does not know;
 *   2. status before printing: a stopped printer (paper out, cover open, error, no answer) gets no bytes;
 *   3. write the ticket;
 *   4. status after printing: only a printer that still answers "ready" (or "paper near end") has
 *      accepted it → markPrinted. Anything else → markPrintFailed with the reason.
 * Failures are retried a bounded number of times with backoff (injected sleep); after the last one the
 * ticket is voided with the reason (policy `voidAfterFailure`, default true), so the queue skips it and
 * the kiosk shows why. A printed ticket can be reprinted; a voided one cannot.
 */
export type PrintFailureReason = PrinterFailure | 'not-printable';

export interface TicketJournal {
  /** True when the ticket is committed in the store and not voided. */
  isPrintable(ticketId: string): Promise<boolean>;
  markPrinted(ticketId: string, info: { attempt: number; reprint: boolean }): Promise<void>;
  markPrintFailed(
    ticketId: string,
    failure: { reason: PrintFailureReason; attempt: number; final: boolean },
  ): Promise<void>;
  markVoided(ticketId: string, reason: PrintFailureReason): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts in all, first included. Default 3. */
  readonly maxAttempts: number;
  /** Wait before attempt n+1 (n ≥ 1). Default 500 ms × 2^(n-1), capped at 4 s. */
  readonly backoffMs: (failedAttempt: number) => number;
  /** Reasons worth retrying without a person. Default: no-answer, disconnected, offline. */
  readonly retryOn: readonly PrintFailureReason[];
  /** Void the ticket after the last failed attempt. Default true. */
  readonly voidAfterFailure: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  backoffMs: (n) => Math.min(4000, 500 * 2 ** (n - 1)),
  retryOn: ['no-answer', 'disconnected', 'offline'],
  voidAfterFailure: true,
};

export interface PrintServiceDeps {
  readonly journal: TicketJournal;
  /** Opens the printer; called per attempt so that a replugged printer is found again. */
  readonly openTransport: () => Promise<PrinterTransport>;
  readonly sleep: (ms: number) => Promise<void>;
  /** Default 1000 ms per status byte. */
  readonly statusTimeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Called after each printer status, for the kiosk's printer indicator. */
  readonly onStatus?: ((state: PrinterState) => void) | undefined;
}

export type PrintOutcome =
  | { readonly status: 'printed'; readonly attempts: number; readonly warning?: StatusMessage | undefined }
  | {
      readonly status: 'voided' | 'failed';
      readonly reason: PrintFailureReason;
      readonly attempts: number;
      /** What the kiosk screen shows. */
      readonly message: StatusMessage;
    };

const NOT_PRINTABLE: StatusMessage = {
  vi: 'Số thứ tự này không còn hiệu lực và không thể in.',
  en: 'This queue number is no longer valid and cannot be printed.',
};

export class PrintService {
  private readonly policy: RetryPolicy;
  private readonly statusTimeoutMs: number;
  /** One printer, one job at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PrintServiceDeps) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    this.statusTimeoutMs = deps.statusTimeoutMs ?? 1000;
  }

  /** Prints a freshly committed ticket. */
  print(ticketId: string, bytes: Uint8Array): Promise<PrintOutcome> {
    return this.enqueue(() => this.run(ticketId, bytes, false));
  }

  /** Prints a ticket again (torn, lost, or failed and not voided). */
  reprint(ticketId: string, bytes: Uint8Array): Promise<PrintOutcome> {
    return this.enqueue(() => this.run(ticketId, bytes, true));
  }

  private enqueue(job: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    const result = this.queue.then(job, job);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(ticketId: string, bytes: Uint8Array, reprint: boolean): Promise<PrintOutcome> {
    const { journal } = this.deps;
    if (!(await journal.isPrintable(ticketId))) {
      return { status: 'failed', reason: 'not-printable', attempts: 0, message: NOT_PRINTABLE };
    }
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(bytes);
      if (result.ok) {
        await journal.markPrinted(ticketId, { attempt, reprint });
        return {
          status: 'printed',
          attempts: attempt,
          warning: result.state === 'paper-near-end' ? STATUS_MESSAGES['paper-near-end'] : undefined,
        };
      }
      const reason = result.reason;
      const final = attempt >= this.policy.maxAttempts || !this.policy.retryOn.includes(reason);
      await journal.markPrintFailed(ticketId, { reason, attempt, final });
      if (final) {
        const message = STATUS_MESSAGES[reason];
        // A reprint that fails leaves the ticket as it was: the citizen may still hold the first copy.
        if (this.policy.voidAfterFailure && !reprint) {
          await journal.markVoided(ticketId, reason);
          return { status: 'voided', reason, attempts: attempt, message };
        }
        return { status: 'failed', reason, attempts: attempt, message };
      }
      await this.deps.sleep(this.policy.backoffMs(attempt));
    }
  }

  private async attempt(
    bytes: Uint8Array,
  ): Promise<{ ok: true; state: PrinterState } | { ok: false; reason: PrinterFailure }> {
    let transport: PrinterTransport;
    try {
      transport = await this.deps.openTransport();
    } catch (e) {
      if (e instanceof TransportError) return { ok: false, reason: 'disconnected' };
      throw e;
    }
    try {
      const before = await transport.queryStatus(this.statusTimeoutMs);
      this.deps.onStatus?.(before.state);
      if (blocksPrinting(before.state)) return { ok: false, reason: before.state };
      try {
        await transport.write(bytes);
      } catch (e) {
        if (e instanceof TransportError) {
          this.deps.onStatus?.('disconnected');
          return { ok: false, reason: 'disconnected' };
        }
        throw e;
      }
      const after = await transport.queryStatus(this.statusTimeoutMs);
      this.deps.onStatus?.(after.state);
      if (blocksPrinting(after.state)) return { ok: false, reason: after.state };
      return { ok: true, state: after.state };
    } finally {
      await transport.close();
    }
  }
}
