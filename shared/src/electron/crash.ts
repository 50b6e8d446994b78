/**
 * Renderer crash recovery. A kiosk has nobody to click "reload": when the renderer dies, hangs, or the page fails
 * to load (the runtime's server restarting), the page is loaded again after a delay that doubles with each
 * failure in a row, up to a cap, so a page that crashes at once does not spin the CPU (or fill the journal).
 * The run of failures is forgotten once the page has stayed up for `stableMs`.
 */
import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => {
    clearTimeout(h as NodeJS.Timeout);
  },
};

export interface CrashRecoveryOptions {
  /** Loads the app again (the shell passes `() => contents.loadURL(appUrl)`). */
  readonly recover: () => Promise<unknown>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly logger: Logger;
  /** First delay (default 1 s). */
  readonly initialMs?: number;
  /** Cap (default 60 s). */
  readonly maxMs?: number;
  /** Up this long after a recovery, the page counts as healthy again (default 2 min). */
  readonly stableMs?: number;
  /** An unresponsive page gets this long to come back before it is reloaded (default 15 s). */
  readonly unresponsiveGraceMs?: number;
  /**
   * Kills a hung renderer (the shell passes `() => contents.forcefullyCrashRenderer()`): its
   * render-process-gone then schedules the reload like any crash. Without it, the reload is scheduled directly.
   */
  readonly killRenderer?: () => void;
}

export type ContentsEvents = Pick<WebContents, 'on' | 'isDestroyed'>;

/** The delay before recovery number `failures` (1-based) in a row. */
export function recoveryDelay(failures: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}

export interface CrashRecovery {
  /** Failures in the current run (0 when healthy). */
  failures(): number;
  /** True while a reload is scheduled. */
  pending(): boolean;
  dispose(): void;
}

export function attachCrashRecovery(contents: ContentsEvents, opts: CrashRecoveryOptions): CrashRecovery {
  const initialMs = opts.initialMs ?? 1000;
  const maxMs = opts.maxMs ?? 60_000;
  const stableMs = opts.stableMs ?? 120_000;
  const graceMs = opts.unresponsiveGraceMs ?? 15_000;
  const log = opts.logger;
  let failures = 0;
  let lastRecoveryAt: number | null = null;
  let timer: unknown = null;
  let graceTimer: unknown = null;
  let disposed = false;

  const schedule = (cause: string, fields: Record<string, unknown>): void => {
    if (disposed || contents.isDestroyed()) return;
    // Several signals for one failure (gone, then did-fail-load of the reload) must not stack reloads.
    if (timer !== null) return;
    const now = opts.clock.now();
    if (lastRecoveryAt !== null && now - lastRecoveryAt >= stableMs) failures = 0;
    failures += 1;
    const delay = recoveryDelay(failures, initialMs, maxMs);
    const logFields = { cause, ...fields, failures, delayMs: delay };
    if (delay >= maxMs) log.error('renderer crash loop: reloading at the capped delay', logFields);
    else log.warn('renderer failed: reloading', logFields);
    timer = opts.timers.setTimeout(() => {
      timer = null;
      if (disposed || contents.isDestroyed()) return;
      lastRecoveryAt = opts.clock.now();
      opts.recover().catch((e: unknown) => {
        // A failed load also raises did-fail-load, which schedules the next attempt.
        log.warn('reload failed', { error: String(e) });
      });
    }, delay);
  };

  const clearGrace = (): void => {
    if (graceTimer !== null) opts.timers.clearTimeout(graceTimer);
    graceTimer = null;
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    clearGrace();
    // clean-exit: the renderer was shut down on purpose (the app is quitting).
    if (details.reason === 'clean-exit') return;
    schedule('render-process-gone', { reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('unresponsive', () => {
    if (graceTimer !== null || disposed) return;
    log.warn('renderer unresponsive', { graceMs });
    graceTimer = opts.timers.setTimeout(() => {
      graceTimer = null;
      if (disposed || contents.isDestroyed()) return;
      if (opts.killRenderer) {
        log.warn('renderer still unresponsive: killing it', { graceMs });
        opts.killRenderer();
      } else schedule('unresponsive', { graceMs });
    }, graceMs);
  });
  contents.on('responsive', () => {
    if (graceTimer !== null) log.info('renderer responsive again');
    clearGrace();
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation we cancelled ourselves (hardening) or superseded by another load.
    if (!isMainFrame || errorCode === -3) return;
    schedule('did-fail-load', { errorCode, errorDescription, url: validatedURL.slice(0, 120) });
  });

  return {
    failures: () => failures,
    pending: () => timer !== null,
    dispose: () => {
      disposed = true;
      clearGrace();
      if (timer !== null) opts.timers.clearTimeout(timer);
      timer = null;
    },
  };
}
