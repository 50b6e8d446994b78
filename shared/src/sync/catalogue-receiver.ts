/**
 * A look-up terminal's side of the `catalogue` topics: an inline catalogue, or a big one's manifest and parts
 * (put together by `CatalogueAssembler`), validated with the catalogue schema and kept in SQLite meta so the
 * terminal boots with it offline. Whatever fails (schema, hash, length, JSON, parts missing) is logged with its
 * reason and the stored catalogue kept.
 */
import { parseCatalogue, type Catalogue } from '../catalogue/schema.js';
import type { Logger } from '../runtime/logger.js';
import type { EventStore } from '../store/event-store.js';
import { CatalogueAssembler, type AssemblyResult } from './catalogue-parts.js';
import { catalogueMessage } from './topics.js';

export interface CatalogueReceiverOptions {
  readonly store: EventStore;
  readonly log: Logger;
  /** How long after a manifest missing parts are reported in the log (default 30 s). */
  readonly partsWaitMs?: number;
}

export class CatalogueReceiver {
  private readonly listeners = new Set<(c: Catalogue) => void>();
  private readonly assembler = new CatalogueAssembler();
  private partsTimer: NodeJS.Timeout | null = null;

  constructor(private readonly o: CatalogueReceiverOptions) {}

  /** Called with every newer, valid catalogue stored. */
  onCatalogue(fn: (catalogue: Catalogue) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** A payload on `catalogue/part/{index}` (raw, unparsed). */
  onPart(index: number, payload: Buffer): void {
    this.onAssembly(this.assembler.onPart(index, payload));
  }

  stop(): void {
    if (this.partsTimer !== null) clearTimeout(this.partsTimer);
    this.partsTimer = null;
  }

  /**
   * A message on `catalogue`: the catalogue itself, or the manifest of a big one. Like the configuration, a newer,
   * valid revision is kept in SQLite meta; an invalid one is logged with its fields named and the stored one kept.
   */
  onMessage(body: unknown): void {
    const m = catalogueMessage.safeParse(body);
    if (!m.success) {
      // A catalogue too big for one message comes as a manifest of parts.
      const revision = (body as { revision?: unknown } | null)?.revision;
      const stored = storedCatalogueRevision(this.o.store);
      if (typeof revision === 'number' && stored !== null && revision <= stored) {
        this.assembler.settle(stored);
        return;
      }
      this.onAssembly(this.assembler.onManifest(body));
      return;
    }
    this.storeCatalogue(m.data);
  }

  /** Logs what the assembler said; a complete catalogue goes on to be validated and stored. */
  private onAssembly(r: AssemblyResult): void {
    if (this.partsTimer !== null) clearTimeout(this.partsTimer);
    this.partsTimer = null;
    switch (r.kind) {
      case 'ignored':
        if (r.routine === true) this.o.log.debug(() => `catalogue part ignored: ${r.reason}`);
        else this.o.log.warn('catalogue message ignored', { reason: r.reason });
        return;
      case 'refused':
        this.o.log.warn('catalogue parts refused; keeping the stored one', {
          revision: r.revision,
          reason: r.reason,
        });
        return;
      case 'complete':
        this.storeCatalogue({ revision: r.revision, catalogue: r.catalogue });
        return;
      case 'waiting': {
        if (this.assembler.pendingRevision === null) return;
        // Parts still missing a while after the manifest: say which (the broker may have lost them).
        this.partsTimer = setTimeout(() => {
          this.partsTimer = null;
          const missing = this.assembler.missing();
          if (missing.length > 0)
            this.o.log.warn('catalogue parts missing; keeping the stored one', {
              revision: this.assembler.pendingRevision,
              missing,
            });
        }, this.o.partsWaitMs ?? 30_000);
        this.partsTimer.unref();
        return;
      }
    }
  }

  private storeCatalogue(data: { revision: number; catalogue: unknown }): void {
    const stored = storedCatalogueRevision(this.o.store);
    if (stored !== null && data.revision <= stored) {
      this.assembler.settle(stored);
      return;
    }
    let catalogue: Catalogue;
    try {
      catalogue = parseCatalogue(data.catalogue);
    } catch (e) {
      this.o.log.warn('catalogue from the hub is invalid; keeping the stored one', {
        message: (e as Error).message,
      });
      return;
    }
    this.o.store.setMeta(CATALOGUE_KEY, JSON.stringify(data));
    this.assembler.settle(data.revision);
    this.o.log.info('catalogue stored', { revision: data.revision });
    for (const fn of this.listeners) fn(catalogue);
  }
}

const CATALOGUE_KEY = 'catalogue';

function storedCatalogueRevision(store: EventStore): number | null {
  const raw = store.getMeta(CATALOGUE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { revision: number }).revision;
}

/** The procedure catalogue this device last received from the hub (validated again); null if none yet. */
export function storedCatalogue(store: EventStore): Catalogue | null {
  const raw = store.getMeta(CATALOGUE_KEY);
  return raw === null ? null : parseCatalogue((JSON.parse(raw) as { catalogue: unknown }).catalogue);
}
