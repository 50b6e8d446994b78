/** The hall board's view, computed from a day's events alone (any device can, so a board works without the hub). */
import { describe, expect, it } from 'vitest';
import { boardView } from '../src/domain/board.js';
import { callNext, counterCommand, issueTicket } from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import { mayActOffline } from '../src/device/reasons.js';
import { DAY, Device, T0, testConfig } from './helpers.js';

describe('boardView', () => {
  it("shows each counter's number, the last calls newest first, the waiting per area and the conflicts", () => {
    const config = testConfig();
    const engine = new QueueEngine(config, DAY);
    const kiosk = new Device('kiosk-1');
    const c1 = new Device('counter-c1');
    const c2 = new Device('counter-c2');
    for (let i = 0; i < 3; i++)
      kiosk.run(
        engine,
        issueTicket(
          engine.state,
          config,
          { areaId: 'a', priority: null, kioskId: 'kiosk-1', needsPrint: false },
          T0,
        ),
      );
    kiosk.run(
      engine,
      issueTicket(
        engine.state,
        config,
        { areaId: 'b', priority: null, kioskId: 'kiosk-1', needsPrint: false },
        T0,
      ),
    );
    for (const [d, id] of [
      [c1, 'c1'],
      [c2, 'c2'],
    ] as const) {
      d.observe(engine);
      d.run(engine, counterCommand(engine.state, id, { kind: 'open' }));
    }
    c1.now = T0 + 1_000;
    c1.observe(engine);
    c1.run(engine, callNext(engine.state, config, 'c1'));
    c2.now = T0 + 2_000;
    c2.observe(engine);
    c2.run(engine, callNext(engine.state, config, 'c2'));

    const v = boardView(engine.state, config);
    expect(v.day).toBe(DAY);
    expect(v.counters.map((c) => [c.number, c.status, c.current?.display ?? null])).toEqual([
      [1, 'open', '1001'],
      [2, 'open', '1002'],
      [3, 'closed', null],
    ]);
    expect(v.lastCalls.map((c) => [c.display, c.counterNumber])).toEqual([
      ['1002', 2],
      ['1001', 1],
    ]);
    expect(v.waiting).toEqual({ a: 1, b: 1 });
    expect(v.conflicts).toEqual([]);

    // A counter cut off calls the ticket counter 1 already has: the rules reject it, the board lists it.
    const late = new Device('counter-c3');
    late.now = T0 + 3_000;
    const taken = v.counters[0]!.current!.ticketId;
    late.observe(engine);
    engine.apply(late.stamp({ type: 'counter.opened', data: { counterId: 'c3' } }));
    engine.apply(
      late.stamp({
        type: 'ticket.called',
        data: { ticketId: taken, counterId: 'c3', officerId: null },
      }),
    );
    expect(boardView(engine.state, config).conflicts.map((c) => c.type)).toEqual(['ticket.called']);
  });
});

describe('mayActOffline', () => {
  it('lets a device decide alone only when the hub certainly did not', () => {
    expect(['offline', 'no-answer', 'behind', 'expired'].map(mayActOffline)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['stopped', 'forbidden', 'queue-empty', 'internal'].map(mayActOffline)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
