import { describe, expect, it } from 'vitest';
import { ManualClock, memoryLogger } from '@motcua/shared';
import { FakeHidBus } from '@motcua/testing/fake-hid';
import { HidKeypad } from '../../src/keypad/hid.js';
import { BOOT_KEYBOARD_KEY_MAP, decodeReport, parseKeypadConfig } from '../../src/keypad/keymap.js';
import type { KeypadAction } from '../../src/keypad/types.js';
import { F1, K1, PID, UP, VID, config, keys, until } from './contract.js';

describe('keypad config', () => {
  it('accepts hex or decimal ids and usage codes, and fills the defaults', () => {
    const r = parseKeypadConfig({
      vendorId: '0x1A86',
      productId: 58083,
      keys: { '0x3a': 'next', '30': '1' },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      vendorId: 0x1a86,
      productId: 0xe2e3,
      reportLength: 8,
      usageOffset: 2,
      usageCount: 6,
      pollMs: 1000,
    });
    expect(r.config.keys.get(0x3a)).toEqual({ type: 'next' });
    expect(r.config.keys.get(30)).toEqual({ type: 'digit', digit: 1 });
  });

  it('the example boot-keyboard map covers every command and digit', () => {
    const r = parseKeypadConfig({ vendorId: 1, productId: 2, keys: BOOT_KEYBOARD_KEY_MAP });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const types = new Set(
      [...r.config.keys.values()].map((a) => (a.type === 'digit' ? `d${a.digit}` : a.type)),
    );
    for (const t of ['next', 'recall', 'no-show', 'finish', 'start', 'transfer', 'hold', 'clear', 'enter'])
      expect(types).toContain(t);
    for (let d = 0; d <= 9; d++) expect(types).toContain(`d${d}`);
  });

  it.each([
    [{ vendorId: 70000, productId: 1, keys: {} }, 'vendorId'],
    [{ vendorId: '0xZZ', productId: 1, keys: {} }, 'vendorId'],
    [{ vendorId: 1, keys: {} }, 'productId'],
    [{ vendorId: 1, productId: 1, keys: { '0x3a': 'call-next' } }, 'keys.0x3a'],
    [{ vendorId: 1, productId: 1, keys: { '0x1ff': 'next' } }, 'keys.0x1ff'],
    [{ vendorId: 1, productId: 1, keys: { '0': 'next' } }, 'keys.0'],
    [{ vendorId: 1, productId: 1, keys: {}, usageOffset: 4, usageCount: 6 }, 'usageCount'],
    [{ vendorId: 1, productId: 1, keys: {}, pollMs: 1 }, 'pollMs'],
    [{ vendorId: 1, productId: 1, keys: {}, extra: true }, '(config)'],
    [{ vendorId: 1, productId: 1, keys: { '58': 'next', '0x3a': 'recall' } }, 'keys.0x3a'],
  ])('rejects %j naming the field %s', (input, field) => {
    const r = parseKeypadConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toContain(field);
    for (const p of r.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('an unknown action name lists the valid ones', () => {
    const r = parseKeypadConfig({ vendorId: 1, productId: 1, keys: { '0x3a': 'call-next' } });
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(/next, recall, no-show/);
  });
});

describe('decodeReport', () => {
  const c = config();
  it('acts on keys newly pressed, not on held keys or releases', () => {
    let held = new Set<number>();
    const step = (report: Uint8Array): KeypadAction[] => {
      const r = decodeReport(report, held, c);
      held = r.held;
      return r.actions;
    };
    expect(step(keys(F1))).toEqual([{ type: 'next' }]);
    expect(step(keys(F1))).toEqual([]);
    expect(step(keys(F1, K1))).toEqual([{ type: 'digit', digit: 1 }]);
    expect(step(keys(K1))).toEqual([]);
    expect(step(UP)).toEqual([]);
    expect(step(keys(K1))).toEqual([{ type: 'digit', digit: 1 }]);
  });

  it('returns unknown usages for logging and ignores a roll-over error report', () => {
    expect(decodeReport(keys(0x04, F1), new Set(), c)).toMatchObject({
      actions: [{ type: 'next' }],
      unknown: [0x04],
    });
    const held = new Set([F1]);
    const r = decodeReport(keys(1, 1, 1, 1, 1, 1), held, c);
    expect(r.actions).toEqual([]);
    expect([...r.held]).toEqual([F1]);
  });

  it('reads vendor reports with the codes elsewhere (usageOffset/usageCount)', () => {
    const parsed = parseKeypadConfig({
      vendorId: 1,
      productId: 1,
      reportLength: 4,
      usageOffset: 1,
      usageCount: 1,
      keys: { '5': 'finish' },
    });
    if (!parsed.ok) throw new Error('config');
    expect(decodeReport(Uint8Array.from([0x02, 5, 0, 0]), new Set(), parsed.config).actions).toEqual([
      { type: 'finish' },
    ]);
  });
});

describe('HidKeypad reports', () => {
  it('splits reads that carry several whole reports, and logs an unmapped key once', async () => {
    const bus = new FakeHidBus();
    const device = bus.plug({ vendorId: VID, productId: PID });
    const { logger, records } = memoryLogger();
    const keypad = await HidKeypad.start({
      config: config(),
      backend: bus,
      logger,
      clock: new ManualClock(0),
    });
    const actions: KeypadAction[] = [];
    keypad.onAction((a) => actions.push(a));
    device.send(Uint8Array.from([...keys(F1), ...UP, ...keys(K1), ...UP]));
    for (const r of [keys(0x04), UP, keys(0x04), UP, keys(0x3d), UP]) device.send(r);
    await until(() => actions.length === 3, 'three actions');
    expect(actions).toEqual([{ type: 'next' }, { type: 'digit', digit: 1 }, { type: 'finish' }]);
    expect(records.filter((r) => r.message === 'key not in the key map')).toHaveLength(1);
    await keypad.close();
  });
});
