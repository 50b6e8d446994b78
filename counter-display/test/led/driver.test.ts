import { describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger } from '@motcua/shared';
import { LedDriver } from '../../src/led/driver.js';
import { createFakeLedDisplay } from '../../src/led/fake.js';
import type { LedLink } from '../../src/led/types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LedDriver retries', () => {
  it('retries a silent display with a doubling, capped delay and logs the failure once', async () => {
    const { logger, records } = memoryLogger();
    const { display, panel } = createFakeLedDisplay({
      logger,
      clock: new ManualClock(0),
      retryInitialMs: 10,
      retryMaxMs: 40,
    });
    panel.answer = 'exception';
    await display.show(5);
    await sleep(400);
    // 10 + 20 + 40 + 40 ... ms: about 11 retries in 400 ms, far fewer than one per tick.
    expect(panel.writes).toBeGreaterThanOrEqual(5);
    expect(panel.writes).toBeLessThanOrEqual(14);
    expect(records.filter((r) => r.message === 'display failed')).toHaveLength(1);
    panel.answer = 'ok';
    await sleep(100);
    expect(panel.value).toBe(5);
    expect(records.filter((r) => r.message === 'display back')).toHaveLength(1);
    const writes = panel.writes;
    await sleep(100);
    expect(panel.writes).toBe(writes);
    await display.close();
  });

  it('a newer number supersedes an older one still waiting: the display ends on the latest', async () => {
    const { display, panel } = createFakeLedDisplay({
      logger: memoryLogger().logger,
      clock: new ManualClock(0),
    });
    const results = await Promise.all([display.show(1), display.show(2), display.show(3)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(panel.value).toBe(3);
    await display.close();
  });

  it('a link that throws something unexpected is reported as bad-answer, not thrown', async () => {
    const link: LedLink = {
      description: 'broken',
      open: () => Promise.resolve(),
      isOpen: () => true,
      writeValue: () => Promise.reject(new TypeError('boom')),
      onLost: () => undefined,
      close: () => Promise.resolve(),
    };
    const display = new LedDriver({
      link,
      logger: memoryLogger().logger,
      clock: new ManualClock(0),
      retryInitialMs: 1000,
    });
    expect(await display.show(1)).toMatchObject({ ok: false, reason: 'bad-answer' });
    await display.close();
  });

  it('a 3-digit display refuses 1000 and shows 999', async () => {
    const { display, panel } = createFakeLedDisplay({
      logger: memoryLogger().logger,
      clock: new ManualClock(0),
      digits: 3,
    });
    expect(await display.show(1000)).toMatchObject({ ok: false, reason: 'out-of-range' });
    expect(await display.show(999)).toEqual({ ok: true, shown: 999 });
    expect(panel.value).toBe(999);
    await display.close();
  });
});
