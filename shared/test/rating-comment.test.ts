/**
 * The citizen's free-text comment with a rating: cleaned (no control or bidi-override characters, NFC, one
 * space between words), bounded at 500 letters, carried by the rating event and the hub's `rate` request, and
 * refused there when it was not cleaned first.
 */
import { describe, expect, it } from 'vitest';
import { RATING_COMMENT_MAX, cleanComment, isStorableComment } from '../src/domain/comment.js';
import {
  actOnCurrent,
  callNext,
  counterCommand,
  issueTicket,
  printOutcome,
  rateService,
} from '../src/domain/commands.js';
import { QueueEngine } from '../src/domain/engine.js';
import { validateEvent } from '../src/domain/events.js';
import { requestBodies } from '../src/sync/topics.js';
import { DAY, Device, testConfig } from './helpers.js';

function servedTicket() {
  const config = testConfig();
  const engine = new QueueEngine(config, DAY);
  const dev = new Device('hub');
  const s = () => engine.state;
  const r = issueTicket(
    s(),
    config,
    { areaId: 'a', priority: null, kioskId: 'k1', needsPrint: true },
    dev.now,
  );
  dev.run(engine, r);
  const id = r.ok ? r.ticketId! : '';
  dev.run(engine, printOutcome(s(), id, { kind: 'printed', copies: 1 }));
  dev.run(engine, counterCommand(s(), 'c1', { kind: 'open' }));
  dev.run(engine, callNext(s(), config, 'c1'));
  dev.run(engine, actOnCurrent(s(), 'c1', 'start'));
  dev.run(engine, actOnCurrent(s(), 'c1', 'finish'));
  return { config, engine, dev, s, id };
}

describe('rating comment', () => {
  it('cleaning strips control and bidi-override characters, composes to NFC, collapses white space', () => {
    const raw = '  Cán bộ\u0000 rất\t\tnhiệt\u202e tình\u0085\n'.normalize('NFD');
    expect(cleanComment(raw)).toBe('Cán bộ rất nhiệt tình');
    expect(cleanComment(raw)).toBe(cleanComment(raw).normalize('NFC'));
    expect(isStorableComment(cleanComment(raw))).toBe(true);
    expect(isStorableComment(raw)).toBe(false);
    expect(isStorableComment('')).toBe(false);
  });

  it('the bound counts letters (code points), not UTF-16 units or bytes', () => {
    const full = 'ệ'.repeat(RATING_COMMENT_MAX);
    expect(isStorableComment(full)).toBe(true);
    expect(isStorableComment(`${full}a`)).toBe(false);
  });

  it('the rule records the cleaned comment; a comment of blanks is dropped; too long is refused with a reason', () => {
    const q = servedTicket();
    const base = { counterId: 'c1', ticketId: q.id, level: 1, reasons: ['attitude'], dossierCode: null };
    expect(
      rateService(q.s(), q.config, { ...base, comment: 'x'.repeat(RATING_COMMENT_MAX + 1) }),
    ).toMatchObject({
      ok: false,
      reason: 'comment-too-long',
    });
    const blank = rateService(q.s(), q.config, { ...base, comment: ' \u0007 ' });
    expect(blank.ok && blank.drafts[0]!.data).not.toHaveProperty('comment');
    const [e] = q.dev.run(q.engine, rateService(q.s(), q.config, { ...base, comment: 'Chờ\u0001  lâu quá' }));
    expect(e!.data).toMatchObject({ comment: 'Chờ lâu quá' });
    expect(validateEvent(JSON.parse(JSON.stringify(e)))).toMatchObject({ ok: true });
    expect(q.s().ratings.at(-1)).toMatchObject({ comment: 'Chờ lâu quá', level: 1 });
  });

  it('an event or a hub request whose comment was not cleaned is refused at the edge', () => {
    const q = servedTicket();
    const [e] = q.dev.run(
      q.engine,
      rateService(q.s(), q.config, {
        counterId: 'c1',
        ticketId: q.id,
        level: 3,
        reasons: [],
        dossierCode: null,
        comment: 'tốt',
      }),
    );
    const raw = JSON.parse(JSON.stringify(e)) as { data: { comment: string } };
    raw.data.comment = 'tốt\u0000';
    expect(validateEvent(raw)).toMatchObject({ ok: false, reason: 'invalid-event' });
    const body = { counterId: 'c1', ticketId: null, level: 3, reasons: [], dossierCode: null };
    expect(requestBodies.rate.safeParse({ ...body, comment: 'Tốt lắm' }).success).toBe(true);
    expect(requestBodies.rate.safeParse(body).success).toBe(true);
    expect(requestBodies.rate.safeParse({ ...body, comment: 'a\u202eb' }).success).toBe(false);
    expect(requestBodies.rate.safeParse({ ...body, comment: 'é'.normalize('NFD') }).success).toBe(false);
  });
});
