/**
 * Who may ask the hub what (hub/src/authority.ts): each role's requests are refused outside the role and outside
 * the device's own counter, an unknown device is refused everything, and a hub number goes around the blocks
 * leased to kiosks.
 */
import { describe, expect, it } from 'vitest';
import { counterCommand, emptyState, type CentreConfig, type QueueState } from '@motcua/shared';
import { testCentreConfig } from '@motcua/testing/centre-config';
import { decisionFor, mayLease, standingOf, type AuthorityContext } from '../src/authority.js';

const config: CentreConfig = testCentreConfig({
  devices: [
    { id: 'kiosk-1', role: 'kiosk' },
    { id: 'counter-c1', role: 'counter', counterId: 'c1' },
    { id: 'pad-c1', role: 'ratingpad', counterId: 'c1' },
    { id: 'board-1', role: 'display' },
  ],
});
const DAY = '2026-11-23';
const T = Date.UTC(2026, 10, 23, 1, 0);
const ctx = (leases: AuthorityContext['leases'] = () => []): AuthorityContext => ({ leases, now: () => T });

const ask = (device: string, kind: Parameters<typeof decisionFor>[3], body: unknown, c = ctx()) =>
  decisionFor(config, device, standingOf(config, device), kind, body, c);

const issue = { areaId: 'a', priority: null, needsPrint: true };
const callNextAt = (counterId: string) => ({ counterId, action: { kind: 'next' } });
const open = (counterId: string) => ({ counterId, action: { kind: 'open' } });

describe('the hub authority', () => {
  it('knows each configured device, refuses an unknown one, and lets anyone act in a centre that lists none', () => {
    expect(standingOf(config, 'counter-c1')).toEqual({ role: 'counter', counterId: 'c1' });
    expect(standingOf(config, 'intruder')).toBeNull();
    expect(ask('intruder', 'issue', issue)).toBe('unknown device intruder');
    const open = testCentreConfig();
    expect(open.devices).toEqual([]);
    expect(standingOf(open, 'anyone')).toEqual({ role: 'any' });
  });

  it('refuses each request outside the role that may ask it', () => {
    expect(ask('counter-c1', 'issue', issue)).toBe('only kiosks issue tickets');
    expect(ask('board-1', 'issue', issue)).toBe('only kiosks issue tickets');
    expect(ask('kiosk-1', 'call', callNextAt('c1'))).toBe('only counters call');
    expect(ask('pad-c1', 'call', callNextAt('c1'))).toBe('only counters call');
    expect(ask('kiosk-1', 'counter', open('c1'))).toBe('only counters open and close');
    expect(ask('counter-c1', 'rate', { counterId: 'c1', ticketId: 't', score: 5 })).toBe(
      'only rating pads rate',
    );
    expect(mayLease(standingOf(config, 'kiosk-1'))).toBe(true);
    expect(mayLease(standingOf(config, 'counter-c1'))).toBe(false);
    expect(mayLease(standingOf(config, 'intruder'))).toBe(false);
  });

  it('refuses a counter or a rating pad acting for another counter than its own', () => {
    expect(ask('counter-c1', 'call', callNextAt('c2'))).toBe('device counter-c1 is not at counter c2');
    expect(ask('counter-c1', 'counter', open('c2'))).toBe('device counter-c1 is not at counter c2');
    expect(ask('pad-c1', 'rate', { counterId: 'c2', ticketId: 't', score: 5 })).toBe(
      'device pad-c1 is not at counter c2',
    );
    expect(typeof ask('counter-c1', 'call', callNextAt('c1'))).toBe('function');
    expect(typeof ask('counter-c1', 'counter', open('c1'))).toBe('function');
  });

  it('a hub number stays below the blocks leased to kiosks (leased from the top), and says so when none is left', () => {
    const s: QueueState = emptyState(config, DAY);
    const run = (leases: AuthorityContext['leases']) => {
      const d = ask('kiosk-1', 'issue', issue, ctx(leases));
      if (typeof d === 'string') throw new Error(d);
      return d(s);
    };
    const numberOf = (r: ReturnType<typeof run>): unknown =>
      r.ok ? (r.drafts[0]?.data as { number?: number }).number : r.reason;
    expect(numberOf(run(() => []))).toBe(1001);
    expect(numberOf(run(() => [{ area: 'a', kiosk: 'kiosk-2', first: 1002, last: 1999 }]))).toBe(1001);
    // the whole range leased: nothing left for the hub, said as such (not a number inside a kiosk's block)
    expect(numberOf(run(() => [{ area: 'a', kiosk: 'kiosk-2', first: 1001, last: 1999 }]))).toBe(
      'range-exhausted',
    );
    // another area's lease does not count
    expect(numberOf(run(() => [{ area: 'b', kiosk: 'kiosk-2', first: 2001, last: 2999 }]))).toBe(1001);
  });

  it('the command a call becomes is the rules’ own: calling at a closed counter is refused by the rules', () => {
    const s = emptyState(config, DAY);
    const d = ask('counter-c1', 'call', callNextAt('c1'));
    if (typeof d === 'string') throw new Error(d);
    const r = d(s);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toBe('counter-not-open');
    // and opening is the rules' counterCommand
    const o = ask('counter-c1', 'counter', open('c1'));
    if (typeof o === 'string') throw new Error(o);
    expect(o(s)).toEqual(counterCommand(s, 'c1', { kind: 'open' }));
  });
});
