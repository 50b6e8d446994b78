import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger } from '@motcua/shared';
import { FakeModbusDisplay, startFakeModbusLine } from '@motcua/testing/modbus-display';
import { createFakeLedDisplay } from '../../src/led/fake.js';
import { createModbusLedDisplay } from '../../src/led/modbus.js';
import type { LedDisplay, LedStatus } from '../../src/led/types.js';

/**
 * One contract for every number display driver: the Modbus RTU driver talking to a byte-level fake
 * display through a socat pty (real serialport binding), and the in-memory fake driver.
 */
type Answer = 'ok' | 'exception' | 'garbage' | 'silent';
interface Harness {
  display: LedDisplay;
  /** What the display shows now (register value), undefined if never written. */
  shown: () => number | undefined;
  /** Requests the display received. */
  writes: () => number;
  answer: (a: Answer) => void;
  unplug: () => Promise<void>;
  replug: () => Promise<void>;
  cleanup: () => Promise<void>;
}
type Connect = (o: { plugged: boolean }) => Promise<Harness>;

const RETRY = { retryInitialMs: 40, retryMaxMs: 160 };

const kinds: Record<string, Connect> = {
  'modbus over pty': async ({ plugged }) => {
    const peer = new FakeModbusDisplay();
    const line = await startFakeModbusLine(peer);
    if (!plugged) await line.unplug();
    const display = createModbusLedDisplay({
      path: line.path,
      answerTimeoutMs: 150,
      logger: memoryLogger().logger,
      clock: new ManualClock(1000),
      ...RETRY,
    });
    return {
      display,
      shown: () => peer.shown,
      writes: () => peer.requests.length,
      answer: (a) => {
        peer.answer = a === 'ok' ? 'echo' : a;
      },
      unplug: () => line.unplug(),
      replug: () => line.replug(),
      cleanup: async () => {
        await display.close();
        await line.close();
      },
    };
  },
  'in-memory fake': ({ plugged }) => {
    const { display, link, panel } = createFakeLedDisplay({
      logger: memoryLogger().logger,
      clock: new ManualClock(1000),
      ...RETRY,
    });
    if (!plugged) panel.present = false;
    return Promise.resolve({
      display,
      shown: () => panel.value,
      writes: () => panel.writes,
      answer: (a) => {
        panel.answer = a;
      },
      unplug: () => {
        link.unplug();
        return Promise.resolve();
      },
      replug: () => {
        panel.present = true;
        return Promise.resolve();
      },
      cleanup: () => display.close(),
    });
  },
};

async function until(check: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const [kind, connect] of Object.entries(kinds)) {
  describe(`LED display contract: ${kind}`, () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.cleanup();
      h = undefined;
    });
    const open = async (plugged = true): Promise<Harness> => {
      h = await connect({ plugged });
      return h;
    };

    it('shows the number the counter calls, and reports ok', async () => {
      const { display, shown } = await open();
      expect(display.status().state).toBe('unknown');
      expect(await display.show(1025)).toEqual({ ok: true, shown: 1025 });
      expect(shown()).toBe(1025);
      expect(await display.show(1026)).toEqual({ ok: true, shown: 1026 });
      expect(shown()).toBe(1026);
      expect(display.status()).toMatchObject({ state: 'ok', wanted: 1026, shown: 1026 });
    });

    it('blanks the display with null (register value 0)', async () => {
      const { display, shown } = await open();
      await display.show(88);
      expect(await display.show(null)).toEqual({ ok: true, shown: null });
      expect(shown()).toBe(0);
    });

    it('refuses numbers that do not fit 4 digits, sends nothing and keeps the shown number', async () => {
      const { display, shown, writes } = await open();
      await display.show(9999);
      const before = writes();
      for (const n of [10000, -1, 12.5, Number.NaN]) {
        const r = await display.show(n);
        expect(r).toMatchObject({ ok: false, reason: 'out-of-range', willRetry: false });
        if (!r.ok) {
          expect(r.message).toMatch(/chữ số/);
          expect(r.messageEn).toMatch(/digits/);
        }
      }
      expect(writes()).toBe(before);
      expect(shown()).toBe(9999);
      expect(display.status()).toMatchObject({ state: 'ok', wanted: 9999 });
    });

    it('reports a silent display as no-answer, in Vietnamese and English, without throwing', async () => {
      const { display, answer } = await open();
      answer('silent');
      const started = Date.now();
      const r = await display.show(5);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(r).toMatchObject({ ok: false, reason: 'no-answer', willRetry: true });
      if (!r.ok) {
        expect(r.message).toBe('Bảng số không trả lời (kiểm tra nguồn và dây RS-485)');
        expect(r.messageEn).toMatch(/does not answer/);
      }
      expect(display.status().state).toBe('no-answer');
    });

    it.each(['exception', 'garbage'] as const)('reports a %s reply as bad-answer', async (a) => {
      const { display, answer, shown } = await open();
      answer(a);
      expect(await display.show(12)).toMatchObject({ ok: false, reason: 'bad-answer' });
      expect(display.status().state).toBe('bad-answer');
      expect(shown()).toBeUndefined();
    });

    it('re-drives a display that comes back (silent, then answering) with the current number', async () => {
      const { display, answer, shown } = await open();
      const seen: LedStatus['state'][] = [];
      display.onStatus((s) => seen.push(s.state));
      answer('silent');
      expect((await display.show(1031)).ok).toBe(false);
      answer('ok');
      await until(() => shown() === 1031, 'the display to show 1031 again');
      await until(() => display.status().state === 'ok', 'status ok');
      expect(seen).toEqual(['no-answer', 'ok']);
    });

    it('a port that disappears is reported, reopened when it returns, and shows the current number', async () => {
      const { display, shown, unplug, replug } = await open();
      expect((await display.show(1040)).ok).toBe(true);
      await unplug();
      await until(() => display.status().state === 'port-missing', 'port-missing');
      const r = await display.show(1041);
      expect(r).toMatchObject({ ok: false, reason: 'port-missing', willRetry: true });
      expect(display.status().wanted).toBe(1041);
      await replug();
      await until(() => shown() === 1041, 'the replugged display to show 1041');
      // The display takes the number before its echo reaches the driver.
      await until(() => display.status().state === 'ok', 'status ok');
      expect(display.status()).toMatchObject({ state: 'ok', shown: 1041 });
    });

    it('starts without its port and shows the wanted number once the port appears', async () => {
      const { display, shown, replug } = await open(false);
      expect(await display.show(7)).toMatchObject({ ok: false, reason: 'port-missing' });
      await replug();
      await until(() => shown() === 7, 'the display to show 7');
    });

    it('after close, show answers closed and sends nothing', async () => {
      const { display, writes } = await open();
      await display.show(3);
      await display.close();
      const before = writes();
      expect(await display.show(4)).toMatchObject({ ok: false, reason: 'closed', willRetry: false });
      expect(writes()).toBe(before);
    });
  });
}
