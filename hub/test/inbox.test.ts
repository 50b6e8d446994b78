/**
 * The hub's way in (hub/src/inbox.ts), without a broker: a device's flood never sits in front of another device's
 * request, a device over its rate or byte budget is refused by name, and a handler that throws loses only its
 * own message.
 */
import { describe, expect, it } from 'vitest';
import { Inbox, TURN, senderKey, type InboxOptions } from '../src/inbox.js';

const topic = (device: string): string => `motcua/v1/test/dev/${device}/req/catchup`;

function inbox(over: Partial<InboxOptions> = {}): {
  box: Inbox;
  handled: string[];
  rejected: string[];
  errors: string[];
} {
  const handled: string[] = [];
  const rejected: string[] = [];
  const errors: string[] = [];
  const box = new Inbox({
    rate: { perSecond: 1_000, burst: 1_000 },
    maxQueuedBytes: 1024 * 1024,
    maxPayloadBytes: 64 * 1024,
    now: () => 0,
    handle: (t, p) => handled.push(`${senderKey(t)}:${p.toString()}`),
    reject: (key, reason) => rejected.push(`${key}:${reason}`),
    onError: (t, e) => errors.push(`${senderKey(t)}:${(e as Error).message}`),
    ...over,
  });
  return { box, handled, rejected, errors };
}

describe('the hub inbox', () => {
  it("serves devices round robin: a kiosk's request queued behind a flood is handled second", async () => {
    const { box, handled } = inbox();
    for (let i = 0; i < 200; i++) box.push(topic('board-1'), Buffer.from(`f${i}`));
    box.push(topic('kiosk-1'), Buffer.from('issue'));
    await box.idle();
    expect(handled).toHaveLength(201);
    expect(handled.indexOf('kiosk-1:issue')).toBe(1);
    // and each device's own messages keep their order
    const flood = handled.filter((h) => h.startsWith('board-1:'));
    expect(flood).toEqual(Array.from({ length: 200 }, (_, i) => `board-1:f${i}`));
  });

  it('lets the event loop read the sockets again once a turn has handled TURN messages', async () => {
    const { box, handled } = inbox();
    for (let i = 0; i < 50; i++) for (const d of ['d1', 'd2']) box.push(topic(d), Buffer.from('x'));
    // The drain is a microtask queued by the first push; this one runs right after its first turn.
    await new Promise<void>((r) => queueMicrotask(r));
    expect(handled).toHaveLength(TURN);
    await box.idle();
    expect(handled).toHaveLength(100);
  });

  it('refuses a device over its rate by name, and only that device', async () => {
    const { box, handled, rejected } = inbox({ rate: { perSecond: 10, burst: 5 } });
    for (let i = 0; i < 7; i++) box.push(topic('pad-c1'), Buffer.from(String(i)));
    box.push(topic('kiosk-1'), Buffer.from('issue'));
    await box.idle();
    expect(rejected).toEqual(['pad-c1:rate-limited', 'pad-c1:rate-limited']);
    expect(handled).toContain('kiosk-1:issue');
    expect(handled.filter((h) => h.startsWith('pad-c1:'))).toHaveLength(5);
  });

  it('refuses an oversized payload without queueing it, and a device whose queue is full', async () => {
    const { box, handled, rejected } = inbox({ maxPayloadBytes: 100, maxQueuedBytes: 150 });
    box.push(topic('pad-c1'), Buffer.alloc(101, 0x61));
    box.push(topic('board-1'), Buffer.alloc(80, 0x62));
    box.push(topic('board-1'), Buffer.alloc(80, 0x63)); // 160 bytes waiting > 150
    box.push(topic('kiosk-1'), Buffer.alloc(80, 0x64)); // another device's queue is its own
    await box.idle();
    expect(rejected).toEqual(['pad-c1:malformed', 'board-1:queue-full']);
    expect(handled.map((h) => h.split(':')[0])).toEqual(['board-1', 'kiosk-1']);
  });

  it('a handler that throws loses only its own message', async () => {
    const handled: string[] = [];
    const { box, errors } = inbox({
      handle: (t, p) => {
        if (p.toString() === 'bad') throw new Error('boom');
        handled.push(p.toString());
      },
    });
    box.push(topic('kiosk-1'), Buffer.from('bad'));
    box.push(topic('kiosk-1'), Buffer.from('good'));
    await box.idle();
    expect(errors).toEqual(['kiosk-1:boom']);
    expect(handled).toEqual(['good']);
  });

  it('counts a message against the device its topic names; anything else shares one key', () => {
    expect(senderKey('motcua/v1/test/dev/kiosk-1/events')).toBe('kiosk-1');
    expect(senderKey('motcua/v1/test/presence/board-2')).toBe('board-2');
    expect(senderKey('motcua/v1/test/dev/NOT A DEVICE/events')).toBe('unknown');
    expect(senderKey('motcua/v1/test/bus/events')).toBe('unknown');
    expect(senderKey(`motcua/v1/test/dev/${'x'.repeat(41)}/events`)).toBe('unknown');
  });
});
