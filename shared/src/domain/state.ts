/** The queue state of one business day, as folded from its events. */

export type TicketStatus =
  'waiting' | 'called' | 'serving' | 'held' | 'done' | 'no_show' | 'cancelled' | 'voided';

export interface TicketState {
  readonly id: string;
  /** The area the ticket was issued for; statistics by area count here. */
  readonly areaId: string;
  readonly number: number;
  readonly priority: string | null;
  readonly kioskId: string;
  readonly needsPrint: boolean;
  readonly series: string;
  readonly issuedAt: number;
  status: TicketStatus;
  printed: boolean;
  printFailure: string | null;
  /** The area queue it waits in now (changes on transfer to an area). */
  queueAreaId: string;
  /** Set when transferred to one counter: only that counter may call it. */
  directedCounterId: string | null;
  /** Queue position: front-of-queue transfers first, then by time. */
  queueFront: boolean;
  queueTime: number;
  /** The counter that holds the ticket while called, serving or held. */
  counterId: string | null;
  officerId: string | null;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  callCount: number;
  transfers: number;
  /** The note sent with the last transfer (for the receiving counter), and the counter that sent it. */
  transferNote: string | null;
  transferredFrom: string | null;
  rated: boolean;
  /** The id of the event that last called it (to find the offline call a hub's call overrules). */
  callEvent: string | null;
  /** The hlc of the issued event: the final tie-break in queue order. */
  readonly hlc: string;
}

export type CounterStatus = 'closed' | 'open' | 'paused';

export interface CounterState {
  readonly id: string;
  status: CounterStatus;
  pauseReason: string | null;
  /** When the current pause began (null unless paused): the wait estimate expects the officer back. */
  pausedAt: number | null;
  /** Today's finished pauses as [from, to] ms, oldest first: the wait estimate learns break lengths here. */
  pauses: [number, number][];
  officerId: string | null;
  /** The ticket being called or served at this counter. */
  current: string | null;
  held: Set<string>;
}

export interface AreaState {
  readonly id: string;
  lastNumber: number;
  issued: number;
  /** For the interleave policy: normal calls since the last priority call. */
  normalSincePriority: number;
  consecutivePriority: number;
  /** Recent service durations (ms), newest last, for the estimated wait. */
  recentServiceMs: number[];
}

export interface RatingRecord {
  readonly eventId: string;
  readonly counterId: string;
  readonly officerId: string | null;
  readonly areaId: string | null;
  readonly level: number;
  readonly reasons: readonly string[];
  readonly dossierCode: string | null;
  /** The citizen's cleaned free text, null when none. */
  readonly comment: string | null;
  readonly at: number;
}

export type RejectReason =
  | 'duplicate-ticket'
  | 'duplicate-number'
  | 'unknown-area'
  | 'unknown-counter'
  | 'unknown-officer'
  | 'unknown-ticket'
  | 'unknown-priority'
  | 'unknown-rating'
  | 'bad-ticket-id'
  | 'not-callable'
  | 'not-printed'
  | 'counter-not-open'
  | 'counter-busy'
  | 'counter-mismatch'
  | 'area-not-served'
  | 'wrong-status'
  | 'already-rated'
  /** An offline decision overruled by a call the hub had already acknowledged (see QueueEngine). */
  | 'superseded';

/** An event that arrived but could not be applied: a conflict the supervisor is told about. */
export interface Rejection {
  readonly eventId: string;
  readonly type: string;
  readonly reason: RejectReason;
  readonly detail: string;
}

export interface QueueState {
  readonly day: string;
  readonly tickets: Map<string, TicketState>;
  /** area -> number -> ticket id */
  readonly numbers: Map<string, Map<number, string>>;
  readonly counters: Map<string, CounterState>;
  readonly areas: Map<string, AreaState>;
  /** officer -> counter where logged in */
  readonly officers: Map<string, string>;
  readonly ratings: RatingRecord[];
  readonly rejected: Rejection[];
  /** Waiting tickets per queue area (ids), kept for fast "call next". */
  readonly waitingByArea: Map<string, Set<string>>;
  readonly waitingByCounter: Map<string, Set<string>>;
}

export const RECENT_SERVICE_SAMPLES = 20;
