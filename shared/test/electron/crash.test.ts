import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  attachCrashRecovery,
  recoveryDelay,
  type ContentsEvents,
  type CrashRecoveryOptions,
  type Timers,
} from '../../src/electron/crash.js';
import { memoryLogger } from '../../src/runtime/logger.js';
import { FakeWebContents, fakeEvent } from './fake-electron.js';

// Vitest's fake timers stand behind the injected timers and clock: time moves only when a test says so.
const timers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => {
    clearTimeout(h as ReturnType<typeof setTimeout>);
  },
};
const clock = { now: () => Date.now() };

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(extra: Partial<CrashRecoveryOptions> = {}) {
  const c = new FakeWebContents();
  const { logger, records } = memoryLogger();
  let reloads = 0;
  const recover = vi.fn(() => {
    reloads += 1;
    return Promise.resolve();
  });
  const rec = attachCrashRecovery(c as unknown as ContentsEvents, {
    recover,
    clock,
    timers,
    logger,
    initialMs: 1000,
    maxMs: 16_000,
    stableMs: 60_000,
    unresponsiveGraceMs: 10_000,
    ...extra,
  });
  const crash = (reason = 'crashed'): void => {
    c.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 });
  };
  return { c, rec, recover, records, crash, reloads: () => reloads };
}

describe('recoveryDelay', () => {
  it('doubles from the first delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => recoveryDelay(n, 1000, 16_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 16_000, 16_000,
    ]);
  });
});

describe('attachCrashRecovery', () => {
  it('reloads a crashed renderer after the first delay, not before', async () => {
    const { crash, reloads, rec } = setup();
    crash();
    expect(rec.pending()).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(reloads()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(reloads()).toBe(1);
    expect(rec.pending()).toBe(false);
  });

  it('a crash loop backs off to the cap and says so in the log', async () => {
    const { crash, reloads, records } = setup();
    const gaps: number[] = [];
    for (let i = 0; i < 7; i++) {
      crash('oom');
      const before = Date.now();
      while (reloads() === i) await vi.advanceTimersByTimeAsync(500);
      gaps.push(Date.now() - before);
    }
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16_000, 16_000, 16_000]);
    const errors = records.filter((r) => r.level === 'error');
    expect(errors).toHaveLength(3);
    expect(errors[0]?.message).toMatch(/crash loop/);
    expect(errors[0]?.fields).toMatchObject({ reason: 'oom', failures: 5, delayMs: 16_000 });
  });

  it('forgets the run once the page has stayed up long enough', async () => {
    const { crash, rec } = setup();
    crash();
    await vi.advanceTimersByTimeAsync(1000);
    crash();
    await vi.advanceTimersByTimeAsync(2000);
    expect(rec.failures()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    crash();
    expect(rec.failures()).toBe(1);
  });

  it('several signals for one failure schedule one reload', async () => {
    const { c, crash, reloads } = setup();
    crash();
    c.emit('did-fail-load', fakeEvent(), -102, 'ERR_CONNECTION_REFUSED', 'http://127.0.0.1:5173/', true);
    crash('killed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reloads()).toBe(1);
  });

  it('ignores a clean exit (the app is quitting)', async () => {
    const { crash, reloads } = setup();
    crash('clean-exit');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(reloads()).toBe(0);
  });

  it('retries a main-frame load failure (runtime not listening yet), not aborted or subframe loads', async () => {
    const { c, reloads } = setup();
    c.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', 'https://evil.example/', true);
    c.emit('did-fail-load', fakeEvent(), -102, 'ERR_CONNECTION_REFUSED', 'http://127.0.0.1:5173/x', false);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(reloads()).toBe(0);
    c.emit('did-fail-load', fakeEvent(), -102, 'ERR_CONNECTION_REFUSED', 'http://127.0.0.1:5173/', true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reloads()).toBe(1);
  });

  it('a reload that fails is logged and does not throw', async () => {
    const { logger, records } = memoryLogger();
    const c = new FakeWebContents();
    attachCrashRecovery(c as unknown as ContentsEvents, {
      recover: () => Promise.reject(new Error('ERR_CONNECTION_REFUSED')),
      clock,
      timers,
      logger,
    });
    c.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 11 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(records.some((r) => r.message === 'reload failed')).toBe(true);
  });

  it('an unresponsive renderer gets a grace period, then is killed (its crash then reloads it)', async () => {
    const killRenderer = vi.fn();
    const { c, reloads } = setup({ killRenderer });
    c.emit('unresponsive');
    c.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(killRenderer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(killRenderer).toHaveBeenCalledTimes(1);
    c.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(reloads()).toBe(1);
  });

  it('a renderer that becomes responsive again is left alone', async () => {
    const killRenderer = vi.fn();
    const { c, reloads } = setup({ killRenderer });
    c.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(5_000);
    c.emit('responsive');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(killRenderer).not.toHaveBeenCalled();
    expect(reloads()).toBe(0);
  });

  it('without a kill function, an unresponsive renderer is reloaded directly', async () => {
    const { c, reloads } = setup();
    c.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(10_000 + 1000);
    expect(reloads()).toBe(1);
  });

  it('nothing happens after dispose or once the webContents is destroyed', async () => {
    const a = setup();
    a.crash();
    a.rec.dispose();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(a.reloads()).toBe(0);

    const b = setup();
    b.crash();
    b.c.destroyed = true;
    await vi.advanceTimersByTimeAsync(100_000);
    b.crash();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(b.reloads()).toBe(0);
  });
});
