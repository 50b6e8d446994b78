/**
 * The hall board: every counter's current number, the last calls, the waiting per area, computed from the
 * board's OWN copy of the events (shared/src/domain/board.ts), not from the hub's summary: when the hub is down
 * and the broker still carries the counters' events, the board keeps showing what is called.
 */
import type { z } from 'zod';
import { boardView, type BoardView } from '@motcua/shared/domain/board';
import type { DeviceApi, Result } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';

export interface HallBoardView extends BoardView {
  /** Which page set the screen shows. */
  readonly role: 'board';
  readonly hubOnline: boolean;
}

export type BoardCommands = Record<string, (arg: never) => Promise<Result<unknown>>>;
export const boardCommandArgs: Record<string, z.ZodType> = {};

export type BoardOptions = Omit<OpenDeviceOptions, 'role'> & {
  /** How many recent calls the board lists (default 8). */
  readonly lastCalls?: number;
};

export function startBoard(o: BoardOptions): DeviceApi<HallBoardView, BoardCommands> {
  const core = openDevice({ hearDevices: true, ...o, role: 'display' });
  const view = (): HallBoardView => ({
    role: 'board',
    ...boardView(core.store.state, core.config, o.lastCalls ?? 8),
    hubOnline: core.sync.connected,
  });
  return bindDevice({ core, role: 'board', view, commands: {} });
}
