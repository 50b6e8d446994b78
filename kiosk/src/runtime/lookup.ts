/**
 * The look-up terminal's runtime: the queue status of every area (waiting, estimated wait), computed from the
 * terminal's own copy of the day's events, so it keeps answering while the hub is down; the procedure
 * catalogue (newest of what the hub sent and stored, or the one given at start) with its pre-built search
 * index for the screen; dossier status through a `DossierStatusAdapter`.
 *
 * The screen searches in the browser: it fetches the catalogue and index once per revision (`catalogue`
 * command) so typing never waits for a round trip. The view stays small: it carries the revision only.
 */
import { z } from 'zod';
import { businessDay, estimatedWaitMinutes, issuingWindow } from '@motcua/shared';
import type { DeviceApi } from '@motcua/shared/device/api';
import { bindDevice } from '@motcua/shared/device/bind';
import { openDevice, type OpenDeviceOptions } from '@motcua/shared/device/runtime';
import { storedCatalogue } from '@motcua/shared/sync/device-sync';
import type { Catalogue } from '@motcua/shared/catalogue/schema';
import { buildIndex, loadIndex, type PrebuiltIndex } from '@motcua/shared/catalogue/search';
import { tableDossierAdapter, type DossierStatusAdapter } from '@motcua/shared/catalogue/dossier';
import { placeOf, type ProcedurePlace } from '@motcua/shared/catalogue/config-check';
import type { LookupCatalogue, LookupCommands, LookupView } from './lookup-api.js';

export type {
  LookupAreaView,
  LookupView,
  LookupCatalogue,
  LookupReason,
  LookupCommands,
} from './lookup-api.js';

export const lookupCommandArgs: Record<keyof LookupCommands, z.ZodType> = {
  catalogue: z.object({}).strict(),
  // Bounded: a scanner may deliver a whole portal link; anything longer is not a receipt.
  dossier: z.object({ code: z.string().max(300) }).strict(),
};

export type LookupOptions = Omit<OpenDeviceOptions, 'role'> & {
  /** The catalogue to use until the hub sends a newer one (e.g. the shipped sample). */
  readonly catalogue?: Catalogue;
  /** A pre-built index for `catalogue` (used when it matches; otherwise the index is built here once). */
  readonly index?: PrebuiltIndex | string;
  /** Another dossier source (a provincial system's API); default: the table in the catalogue. */
  readonly dossierAdapter?: (catalogue: Catalogue) => DossierStatusAdapter;
};

export function startLookup(o: LookupOptions): DeviceApi<LookupView, LookupCommands> {
  const core = openDevice({ ...o, role: 'lookup' });
  const { config, store, sync, clock } = core;
  const log = core.logger.child('lookup');

  let catalogue: Catalogue | null = null;
  try {
    catalogue = storedCatalogue(store);
  } catch (e) {
    log.warn('stored catalogue unreadable; using the shipped one', { message: (e as Error).message });
  }
  if (o.catalogue !== undefined && (catalogue === null || o.catalogue.revision > catalogue.revision))
    catalogue = o.catalogue;
  let prepared: { revision: number; value: LookupCatalogue; adapter: DossierStatusAdapter } | null = null;
  const prepare = (c: Catalogue) => {
    if (prepared?.revision === c.revision) return prepared;
    let index: PrebuiltIndex | null = null;
    if (o.index !== undefined && c === o.catalogue) {
      try {
        index = loadIndex(o.index, c).toJSON();
      } catch (e) {
        log.warn('shipped index does not match; building one', { message: (e as Error).message });
      }
    }
    index ??= buildIndex(c).toJSON();
    const places: Record<string, ProcedurePlace> = {};
    for (const p of c.procedures) {
      const place = placeOf(p, config);
      if (place !== null) places[p.areaId] = place;
    }
    const today = (): string => businessDay(clock.now(), config.centre.timeZone);
    const adapter = o.dossierAdapter?.(c) ?? tableDossierAdapter(c, { today });
    prepared = { revision: c.revision, value: { catalogue: c, index, places }, adapter };
    return prepared;
  };
  const offCatalogue = sync.onCatalogue((c) => {
    catalogue = c;
    core.changed();
  });

  const view = (): LookupView => {
    const s = store.state;
    const now = clock.now();
    return {
      role: 'lookup',
      takesNumbers: false,
      day: store.day,
      hubOnline: sync.connected,
      issuing: issuingWindow(config, now).open,
      catalogueRevision: catalogue?.revision ?? null,
      areas: config.areas.map((a) => {
        const waiting = s.waitingByArea.get(a.id)?.size ?? 0;
        return {
          id: a.id,
          name: a.name,
          nameEn: a.nameEn ?? null,
          departmentId: a.departmentId,
          waiting,
          // The estimator printed on tickets, at this terminal's clock.
          estimatedWaitMinutes: estimatedWaitMinutes(s, config, a.id, waiting, now),
          openCounters: config.counters.filter(
            (c) => c.areas.includes(a.id) && s.counters.get(c.id)?.status === 'open',
          ).length,
        };
      }),
    };
  };
  const noCatalogue = { ok: false, reason: 'no-catalogue', message: 'no procedure catalogue yet' } as const;
  const commands: LookupCommands = {
    catalogue() {
      if (catalogue === null) return Promise.resolve(noCatalogue);
      return Promise.resolve({ ok: true, value: prepare(catalogue).value });
    },
    async dossier({ code }) {
      if (catalogue === null) return noCatalogue;
      try {
        return { ok: true, value: await prepare(catalogue).adapter.lookup(code) };
      } catch (e) {
        // An adapter on a remote system may fail; the screen says "try again", the log says why.
        log.warn('dossier look-up failed', { message: (e as Error).message });
        return { ok: false, reason: 'lookup-failed', message: 'dossier status unavailable' };
      }
    },
  };
  return bindDevice({ core, role: 'lookup', view, commands, beforeStop: offCatalogue });
}
