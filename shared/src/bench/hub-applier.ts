/**
 * The benches' way to build a day through the real commands without a store: each command's drafts become the
 * hub's events (sequence, hybrid clock at `now()`) applied to `engine`. Returns the ticket the command made or
 * acted on, or null when the rules refused it.
 */
import type { CommandResult } from '../domain/commands.js';
import type { QueueEngine } from '../domain/engine.js';
import { encodeHlc, initialHlc, tick } from '../domain/hlc.js';

export function hubApplier(
  engine: QueueEngine,
  day: string,
  now: () => number,
): (r: CommandResult) => string | null {
  let h = initialHlc('hub');
  let seq = 0;
  return (r) => {
    if (!r.ok) return null;
    for (const d of r.drafts) {
      h = tick(h, now());
      seq++;
      engine.apply({ v: 1, id: `hub:${String(seq)}`, device: 'hub', seq, hlc: encodeHlc(h), day, ...d });
    }
    return r.ticketId;
  };
}
