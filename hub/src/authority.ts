/**
 * What a device may ask the hub, and the queue command each request becomes. A device's role and counter come
 * from the centre's configuration (a broker user is a device id); a request outside its role is refused with a
 * sentence, before any state is read. Pure: the coordinator runs the returned command in the store's
 * transaction.
 */
import {
  actOnCurrent,
  callNext,
  callTicket,
  counterCommand,
  holdCurrent,
  issueTicket,
  nextHubNumber,
  officerCommand,
  rateService,
  returnHeld,
  transferCurrent,
  type CentreConfig,
  type CommandResult,
  type LeaseBlock,
  type QueueState,
} from '@motcua/shared';
import type { RequestBody, RequestKind } from '@motcua/shared/sync/topics';

/** A device's standing: its configured role (and counter), or 'any' in a centre that lists no devices. */
export interface Standing {
  readonly role: string;
  readonly counterId?: string;
}

/** The device's standing, or null for a device the configuration does not know (refused everything). */
export function standingOf(config: CentreConfig, device: string): Standing | null {
  const d = config.devices.find((x) => x.id === device);
  if (d) return d.counterId === undefined ? { role: d.role } : { role: d.role, counterId: d.counterId };
  return config.devices.length === 0 ? { role: 'any' } : null;
}

export interface AuthorityContext {
  /** Number blocks leased to kiosks on a business day (hub numbers go around them). */
  readonly leases: (day: string) => readonly LeaseBlock[];
  readonly now: () => number;
}

export type DecidedKind = Exclude<RequestKind, 'catchup' | 'lease'>;

/** The command for a request, or a refusal when the device may not ask it (a string). */
export function decisionFor(
  config: CentreConfig,
  device: string,
  standing: Standing | null,
  kind: DecidedKind,
  body: unknown,
  ctx: AuthorityContext,
): ((s: QueueState) => CommandResult) | string {
  if (standing === null) return `unknown device ${device}`;
  const role = standing.role;
  const ownCounter = (counterId: string): boolean => role === 'any' || standing.counterId === counterId;
  switch (kind) {
    case 'issue': {
      if (role !== 'any' && role !== 'kiosk') return 'only kiosks issue tickets';
      const b = body as RequestBody<'issue'>;
      return (s) => {
        const area = config.areas.find((a) => a.id === b.areaId);
        const number = area ? nextHubNumber(s, area, ctx.leases(s.day)) : null;
        if (area && number === null)
          return { ok: false, reason: 'range-exhausted', message: `${area.name}: no numbers left` };
        return issueTicket(
          s,
          config,
          {
            areaId: b.areaId,
            priority: b.priority,
            kioskId: device,
            needsPrint: b.needsPrint,
            series: 'hub',
            ...(number === null ? {} : { number }),
          },
          ctx.now(),
        );
      };
    }
    case 'call': {
      const b = body as RequestBody<'call'>;
      if (role !== 'any' && role !== 'counter') return 'only counters call';
      if (!ownCounter(b.counterId)) return `device ${device} is not at counter ${b.counterId}`;
      return (s) => callDecision(s, config, b);
    }
    case 'counter': {
      const b = body as RequestBody<'counter'>;
      if (role !== 'any' && role !== 'counter') return 'only counters open and close';
      if (!ownCounter(b.counterId)) return `device ${device} is not at counter ${b.counterId}`;
      const a = b.action;
      if (a.kind === 'login' || a.kind === 'logout')
        return (s) => officerCommand(s, config, b.counterId, a.officerId, a.kind);
      return (s) => counterCommand(s, b.counterId, a);
    }
    case 'rate': {
      const b = body as RequestBody<'rate'>;
      if (role !== 'any' && role !== 'ratingpad') return 'only rating pads rate';
      if (!ownCounter(b.counterId)) return `device ${device} is not at counter ${b.counterId}`;
      return (s) => rateService(s, config, b);
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Only kiosks lease number blocks for offline issuing. */
export function mayLease(standing: Standing | null): boolean {
  return standing !== null && (standing.role === 'any' || standing.role === 'kiosk');
}

/** A counter's call action on the current state. */
function callDecision(s: QueueState, config: CentreConfig, b: RequestBody<'call'>): CommandResult {
  const a = b.action;
  switch (a.kind) {
    case 'next':
      return callNext(s, config, b.counterId);
    case 'ticket':
      return callTicket(s, config, b.counterId, a.ticketId);
    case 'recall':
      return actOnCurrent(s, b.counterId, 'recall');
    case 'start':
      return actOnCurrent(s, b.counterId, 'start');
    case 'no-show':
      return actOnCurrent(s, b.counterId, 'no-show');
    case 'finish':
      return actOnCurrent(s, b.counterId, 'finish', a.dossierCode);
    case 'transfer':
      return transferCurrent(s, config, b.counterId, a.to, a.toFront, a.note);
    case 'hold':
      return holdCurrent(s, b.counterId, a.reason);
    case 'return':
      return returnHeld(s, b.counterId, a.ticketId);
    default: {
      const never: never = a;
      return never;
    }
  }
}
