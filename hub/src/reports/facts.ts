/**
 * Per-ticket and per-rating facts of one business day, derived by the pure domain: the day's events are folded
 * by the queue rules (so a conflicting or refused event changes nothing here either), and each ticket's final
 * state gives its figures. Pure: no Node built-ins, no storage.
 *
 * Definitions (the same as shared/src/domain/stats.ts, so the day's summary and the reports agree):
 * - wait = issue → first call, for tickets that were called;
 * - service = start (or the last call when never started) → finish, for finished tickets;
 * - a ticket counts for the area it was issued for; for a counter and an officer when it ended there (served
 *   or marked absent); a rating for the counter it was given at, the served ticket's area and officer.
 */
import type { CentreConfig } from '@motcua/shared/config/schema';
import { foldEvents } from '@motcua/shared/domain/engine';
import type { QueueEvent } from '@motcua/shared/domain/events';
import type { QueueState } from '@motcua/shared/domain/state';
import { serviceMs, waitMs } from '@motcua/shared/domain/stats';

export type TicketOutcome = 'served' | 'no-show' | 'open' | 'cancelled';

export interface TicketFact {
  readonly id: string;
  readonly day: string;
  /** The area it was issued for. */
  readonly areaId: string;
  /** Where it ended (served or absent); null while open or when cancelled. */
  readonly counterId: string | null;
  readonly officerId: string | null;
  readonly outcome: TicketOutcome;
  readonly issuedAt: number;
  readonly waitMs: number | null;
  readonly serviceMs: number | null;
  readonly transfers: number;
}

export interface RatingFact {
  readonly day: string;
  readonly counterId: string;
  readonly officerId: string | null;
  readonly areaId: string | null;
  readonly level: number;
  readonly reasons: readonly string[];
}

export interface DayFacts {
  readonly day: string;
  readonly tickets: readonly TicketFact[];
  readonly ratings: readonly RatingFact[];
}

function outcomeOf(status: string): TicketOutcome {
  if (status === 'done') return 'served';
  if (status === 'no_show') return 'no-show';
  if (status === 'cancelled' || status === 'voided') return 'cancelled';
  return 'open';
}

/** Facts from a folded day (the hub's live state for today, or a fold of an archived day). */
export function factsOfState(s: QueueState): DayFacts {
  const tickets: TicketFact[] = [];
  for (const t of s.tickets.values()) {
    const outcome = outcomeOf(t.status);
    const ended = outcome === 'served' || outcome === 'no-show';
    tickets.push({
      id: t.id,
      day: s.day,
      areaId: t.areaId,
      counterId: ended ? t.counterId : null,
      officerId: ended ? t.officerId : null,
      outcome,
      issuedAt: t.issuedAt,
      waitMs: waitMs(t),
      serviceMs: serviceMs(t),
      transfers: t.transfers,
    });
  }
  const ratings = s.ratings.map((r) => ({
    day: s.day,
    counterId: r.counterId,
    officerId: r.officerId,
    areaId: r.areaId,
    level: r.level,
    reasons: r.reasons,
  }));
  return { day: s.day, tickets, ratings };
}

/** Facts of a day from its events (any order, duplicates allowed). */
export function factsOfEvents(config: CentreConfig, day: string, events: readonly QueueEvent[]): DayFacts {
  return factsOfState(foldEvents(config, day, events).state);
}
