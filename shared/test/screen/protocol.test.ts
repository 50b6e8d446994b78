import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientMessage, serverMessageSchema } from '../../src/screen/protocol.js';
import { parseServerMessage } from '../../src/screen/wire.js';

/** JSON values shaped like server frames, valid or nearly so. */
const nearServerFrame = fc.record(
  {
    t: fc.constantFrom('view', 'conn', 'result', 'error', 'hello', 'x'),
    view: fc.jsonValue({ maxDepth: 2 }),
    conn: fc.oneof(
      fc.record({
        hub: fc.constantFrom('online', 'offline', 'on'),
        since: fc.oneof(fc.integer(), fc.string()),
      }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    result: fc.oneof(
      fc.record({ ok: fc.constant(true), value: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ['ok'] }),
      fc.record(
        {
          ok: fc.oneof(fc.constant(false), fc.constant(0)),
          reason: fc.oneof(fc.string(), fc.integer()),
          message: fc.string(),
        },
        { requiredKeys: ['ok'] },
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    reason: fc.oneof(fc.string(), fc.integer()),
    message: fc.oneof(fc.string(), fc.constant(null)),
  },
  { requiredKeys: ['t'] },
);

describe('wire protocol', () => {
  it("the screen's zod-free reader accepts exactly what the server schema accepts, with the same result", () => {
    fc.assert(
      fc.property(fc.oneof(nearServerFrame, fc.jsonValue({ maxDepth: 2 })), (frame) => {
        const raw = JSON.stringify(frame);
        const bySchema = serverMessageSchema.safeParse(JSON.parse(raw));
        const byGuard = parseServerMessage(raw);
        expect(byGuard !== undefined).toBe(bySchema.success);
        if (bySchema.success) expect(byGuard).toEqual(bySchema.data);
      }),
      { numRuns: 2000 },
    );
    expect(parseServerMessage('{oops')).toBeUndefined();
    expect(parseServerMessage(42)).toBeUndefined();
  });

  it('refuses oversized, non-text and malformed client frames with bad-request, keeping a readable call id', () => {
    expect(parseClientMessage(JSON.stringify({ t: 'hello', v: 1 }))).toEqual({
      ok: true,
      value: { t: 'hello', v: 1 },
    });
    expect(parseClientMessage('x'.repeat(20_000))).toMatchObject({ ok: false, reason: 'bad-request' });
    expect(parseClientMessage(new Uint8Array(3))).toMatchObject({ ok: false, message: 'frame is not text' });
    expect(parseClientMessage(JSON.stringify({ t: 'call', id: 'a1', cmd: '' }))).toMatchObject({
      ok: false,
      reason: 'bad-request',
      id: 'a1',
    });
    expect(parseClientMessage(JSON.stringify([1, 2]))).toMatchObject({ ok: false, reason: 'bad-request' });
  });
});
