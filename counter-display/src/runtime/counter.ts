/**
 * The officer's calling panel: one call starts it and returns the DeviceApi its screen (and USB keypad) binds
 * to, with the whole officer vocabulary: log in / out, open, pause with a reason, close, call next, call a given
 * number, recall, no-show, transfer, hold and return, start, finish.
 *
 * Online, every command is a request to the hub, which decides in one transaction ("call next" is assigned
 * there, so two counters pressing at once never get one ticket). When the hub certainly did not decide
 * (`mayActOffline`: not connected, no answer before the deadline, behind), the counter decides alone where
 * that cannot collide with another counter:
 * - "call next" only in the areas no other counter serves (`soleAreas`); elsewhere it answers `needs-hub`;
 * - "call a given number": the citizen shows the paper, the counter serves a ticket it knows;
 * - everything else acts on this counter's own state, its current or held ticket: log in / out, open, pause,
 *   close, recall, no-show, start, finish, transfer, hold, return.
 * Offline decisions are written to the counter's SQLite and merged on reconnect; if another counter called the
 * same ticket meanwhile, the queue rules keep the call first in hlc order and list the other as a conflict.
 */
import { z } from 'zod';
import {
  actOnCurrent,
  callNext,
  callTicket,
  counterCommand,
  holdCurrent,
  makeTicketId,
  officerCommand,
  parseConfig,
  returnHeld,
  transferCurrent,
  TRANSFER_NOTE_MAX,
  type CentreConfig,
  type CommandResult,
  type QueueState,
} from '@motcua/shared';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { asReason, fail, failure, mayActOffline, ok, type DeviceReason } from '@motcua/shared/device/reasons';
import {
  openDevice,
  type DeviceCore,
  type DeviceStatus,
  type OpenDeviceOptions,
} from '@motcua/shared/device/runtime';
import { RequestError } from '@motcua/shared/sync/device-sync';
import type { RequestBody } from '@motcua/shared/sync/topics';
import { counterView, recallWaitS, type CounterView } from './counter-view.js';
import { createPinGate } from './officer-pin.js';

export type { CounterTicketView, CounterView, CounterOfficerView } from './counter-view.js';

export interface CounterOutcome {
  readonly ticketId: string | null;
  /** Whether the hub decided (online) or the counter alone (offline, merged later). */
  readonly mode: 'online' | 'offline';
}

export type CounterResult = Result<CounterOutcome, DeviceReason>;

export type TransferTarget = { readonly area: string } | { readonly counter: string };

export interface CounterCommands {
  [k: string]: (arg: never) => Promise<Result<unknown>>;
  /** Checked on the device against `officers[].pinHash` (works offline), with a lockout: see officer-pin.ts. */
  login(arg: { officerId: string; pin?: string }): Promise<CounterResult>;
  logout(): Promise<CounterResult>;
  open(): Promise<CounterResult>;
  pause(arg: { reason: string }): Promise<CounterResult>;
  close(): Promise<CounterResult>;
  next(): Promise<CounterResult>;
  callNumber(arg: { area: string; number: number }): Promise<CounterResult>;
  recall(): Promise<CounterResult>;
  noShow(): Promise<CounterResult>;
  /** `note`: a short line for the receiving counter, shown on its panel with the ticket. */
  transfer(arg: { to: TransferTarget; toFront?: boolean; note?: string }): Promise<CounterResult>;
  hold(arg: { reason: string }): Promise<CounterResult>;
  returnHeld(arg: { ticketId: string }): Promise<CounterResult>;
  start(): Promise<CounterResult>;
  finish(arg?: { dossierCode?: string | null }): Promise<CounterResult>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const none = z.union([z.undefined(), z.object({}).strict()]);
const ticketId = z.string().min(1).max(120);
export const counterCommandArgs = {
  login: z.object({ officerId: id, pin: z.string().max(64).optional() }).strict(),
  logout: none,
  open: none,
  pause: z.object({ reason: z.string().min(1).max(200) }).strict(),
  close: none,
  next: none,
  callNumber: z.object({ area: id, number: z.number().int().min(1).max(99_999) }).strict(),
  recall: none,
  noShow: none,
  transfer: z
    .object({
      to: z.union([z.object({ area: id }).strict(), z.object({ counter: id }).strict()]),
      toFront: z.boolean().optional(),
      note: z.string().max(TRANSFER_NOTE_MAX).optional(),
    })
    .strict(),
  hold: z.object({ reason: z.string().max(200) }).strict(),
  returnHeld: z.object({ ticketId }).strict(),
  start: none,
  finish: z.union([
    z.undefined(),
    z.object({ dossierCode: z.string().max(60).nullable().optional() }).strict(),
  ]),
} as const satisfies Record<keyof CounterCommands, z.ZodType>;

export type CounterOptions = Omit<OpenDeviceOptions, 'role' | 'deviceId'> & {
  readonly counterId: string;
  /** Defaults to `counter-<counterId>`. */
  readonly deviceId?: string;
  /** How long to wait for the hub before acting offline (default 1.5 s). */
  readonly onlineTimeoutMs?: number;
};

export interface CounterDevice extends DeviceApi<CounterView, CounterCommands> {
  status(): DeviceStatus;
  /** The centre configuration the counter runs with (given, or stored from the hub). */
  readonly config: CentreConfig;
}

/** Areas that only this counter serves: calling their head offline cannot collide with another counter. */
export function soleAreas(config: CentreConfig, counterId: string): string[] {
  const mine = config.counters.find((c) => c.id === counterId)?.areas ?? [];
  return mine.filter((a) => config.counters.every((c) => c.id === counterId || !c.areas.includes(a)));
}

type Online = { kind: 'call'; body: RequestBody<'call'> } | { kind: 'counter'; body: RequestBody<'counter'> };

export function startCounter(o: CounterOptions): CounterDevice {
  const core = openDevice({ ...o, role: 'counter', deviceId: o.deviceId ?? `counter-${o.counterId}` });
  const { config, store } = core;
  const counterId = o.counterId;
  const counter = config.counters.find((c) => c.id === counterId);
  if (!counter) {
    void core.stop();
    throw new Error(`unknown counter ${counterId} in the centre's configuration`);
  }
  const sole = soleAreas(config, counterId);
  // The same centre, with this counter serving only its sole areas: what "next" may take while offline.
  const soloConfig =
    sole.length === 0
      ? config
      : parseConfig({
          ...config,
          counters: config.counters.map((c) => (c.id === counterId ? { ...c, areas: [...sole] } : c)),
        });
  // Whether the hub answers, not only whether the broker is connected: a stopped hub behind a running broker is
  // noticed when a command gets no answer, and then probed (a harmless catch-up request) until it answers again.
  let hubAnswering = true;
  let probeTimer: NodeJS.Timeout | undefined;
  const probe = (): void => {
    probeTimer = setTimeout(() => {
      probeTimer = undefined;
      if (core.isStopped()) return;
      core.sync.request('catchup', { vector: store.versionVector(), limit: 1 }, undefined, 1_000).then(
        () => {
          hub(true);
        },
        () => {
          if (!hubAnswering && !core.isStopped()) probe();
        },
      );
    }, 2_000);
  };
  const hub = (answered: boolean): void => {
    if (answered === hubAnswering) return;
    hubAnswering = answered;
    core.changed();
    if (!answered && probeTimer === undefined) probe();
  };
  const act = (online: Online, offline: (s: QueueState) => CommandResult | DeviceReason) =>
    decide(core, o.onlineTimeoutMs ?? 1_500, online, offline, hub);
  const call = (action: RequestBody<'call'>['action']): Online => ({
    kind: 'call',
    body: { counterId, action },
  });
  const desk = (action: RequestBody<'counter'>['action']): Online => ({
    kind: 'counter',
    body: { counterId, action },
  });

  const pins = createPinGate(config, core.clock);
  const commands: CounterCommands = {
    login: async ({ officerId, pin }) => {
      const checked = await pins.check(officerId, pin);
      if (!checked.ok) {
        // The log-in list shows attempts left and the lock: let it know.
        core.changed();
        return fail(checked.reason, checked.message);
      }
      return act(desk({ kind: 'login', officerId }), (s) =>
        officerCommand(s, config, counterId, officerId, 'login'),
      );
    },
    logout: () => {
      const officerId = store.state.counters.get(counterId)?.officerId ?? null;
      if (officerId === null)
        return Promise.resolve(fail('not-logged-in', 'nobody is logged in at this counter'));
      return act(desk({ kind: 'logout', officerId }), (s) =>
        officerCommand(s, config, counterId, officerId, 'logout'),
      );
    },
    open: () => act(desk({ kind: 'open' }), (s) => counterCommand(s, counterId, { kind: 'open' })),
    pause: ({ reason }) =>
      act(desk({ kind: 'pause', reason }), (s) => counterCommand(s, counterId, { kind: 'pause', reason })),
    close: () => act(desk({ kind: 'close' }), (s) => counterCommand(s, counterId, { kind: 'close' })),
    next: () =>
      act(call({ kind: 'next' }), (s) =>
        sole.length === 0 ? 'needs-hub' : callNext(s, soloConfig, counterId),
      ),
    callNumber: ({ area, number }) => {
      const t = makeTicketId(config.centre.id, store.day, area, number);
      return act(call({ kind: 'ticket', ticketId: t }), (s) => callTicket(s, config, counterId, t));
    },
    recall: () => {
      // The interval is the counter's rule (config.counterPanel.recallIntervalS), checked on its own copy of the
      // state: the last call or recall of the current ticket.
      const cur = store.state.counters.get(counterId)?.current;
      const wait = recallWaitS(
        cur == null ? undefined : store.state.tickets.get(cur),
        config.counterPanel.recallIntervalS,
        core.clock.now(),
      );
      if (wait > 0) return Promise.resolve(fail('recall-too-soon', `recall allowed again in ${wait} s`));
      return act(call({ kind: 'recall' }), (s) => actOnCurrent(s, counterId, 'recall'));
    },
    noShow: () => act(call({ kind: 'no-show' }), (s) => actOnCurrent(s, counterId, 'no-show')),
    start: () => act(call({ kind: 'start' }), (s) => actOnCurrent(s, counterId, 'start')),
    finish: (arg) => {
      const dossierCode = arg?.dossierCode ?? null;
      return act(call({ kind: 'finish', dossierCode }), (s) =>
        actOnCurrent(s, counterId, 'finish', dossierCode),
      );
    },
    transfer: ({ to, toFront, note }) => {
      const target =
        'area' in to
          ? { kind: 'area' as const, areaId: to.area }
          : { kind: 'counter' as const, counterId: to.counter };
      const front = toFront ?? config.transferPlacement === 'front';
      const text = note?.trim() ?? '';
      const withNote = text === '' ? {} : { note: text };
      return act(call({ kind: 'transfer', to: target, toFront: front, ...withNote }), (s) =>
        transferCurrent(s, config, counterId, target, front, withNote.note),
      );
    },
    hold: ({ reason }) => act(call({ kind: 'hold', reason }), (s) => holdCurrent(s, counterId, reason)),
    returnHeld: ({ ticketId: t }) =>
      act(call({ kind: 'return', ticketId: t }), (s) => returnHeld(s, counterId, t)),
  };

  const view = (): CounterView =>
    counterView(store.state, {
      config,
      counterId,
      day: store.day,
      now: core.clock.now(),
      hubOnline: core.sync.connected && hubAnswering,
      soleAreas: sole,
      pins,
    });
  const api = bindDevice({ core, role: 'counter', view, commands });
  return {
    ...api,
    stop: () => {
      if (probeTimer !== undefined) clearTimeout(probeTimer);
      return api.stop();
    },
    status: () => core.status(),
    config,
  };
}

/**
 * One command: the hub decides when it can; when it certainly did not (mayActOffline) the counter decides alone
 * with `offline` (a reason string when the command needs the hub).
 */
async function decide(
  core: DeviceCore,
  timeoutMs: number,
  online: Online,
  offline: (s: QueueState) => CommandResult | DeviceReason,
  hub: (answered: boolean) => void,
): Promise<CounterResult> {
  if (core.isStopped()) return fail('stopped', 'the counter is stopping');
  const log = core.logger.child(`counter:${core.deviceId}`);
  try {
    const r =
      online.kind === 'call'
        ? await core.sync.request('call', online.body, undefined, timeoutMs)
        : await core.sync.request('counter', online.body, undefined, timeoutMs);
    hub(true);
    core.changed();
    return ok({ ticketId: r.kind === 'done' ? r.ticketId : null, mode: 'online' });
  } catch (e) {
    // It answered, with a refusal.
    if (e instanceof RequestError && !mayActOffline(e.reason) && e.reason !== 'stopped') hub(true);
    if (!(e instanceof RequestError) || !mayActOffline(e.reason) || core.isStopped()) return failure(e);
    hub(false);
    log.info('hub unreachable: acting offline', { reason: e.reason, command: online.body.action.kind });
  }
  const needs: { reason: DeviceReason | null } = { reason: null };
  const r = core.commit((s) => {
    const d = offline(s);
    if (typeof d !== 'string') return d;
    needs.reason = d;
    return { ok: false, reason: 'wrong-status', message: '' };
  });
  if (needs.reason !== null)
    return fail(
      needs.reason,
      'every area of this counter is shared: call the next number when online, or serve a paper ticket',
    );
  if (!r.ok) return fail(asReason(r.reason), r.message);
  return ok({ ticketId: r.ticketId, mode: 'offline' });
}
