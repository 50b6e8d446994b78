/**
 * Procedure catalogues bigger than one MQTT message. A provincial catalogue of 2,000 procedures is ~1.2 MB of
 * JSON, above the 1 MiB packet limit every broker and device enforces. The hub then publishes the catalogue's
 * JSON cut into retained parts (`catalogue/part/{i}`) and, after them, a manifest on `catalogue` naming the
 * revision, the number of parts, the length and the SHA-256 of the whole. A catalogue that fits one message is
 * still sent whole on `catalogue`, so terminals running older software keep working with it.
 *
 * The device side (`CatalogueAssembler`) holds parts until the manifest's are all there, checks length and
 * hash, and only then hands the JSON on to be validated and stored like an inline catalogue. Pure: no I/O, no
 * clock; the caller logs what it reports.
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '../catalogue/schema.js';
import {
  MAX_CATALOGUE_BYTES,
  MAX_CATALOGUE_PARTS,
  catalogueManifest,
  cataloguePartHeader,
  type CatalogueManifest,
} from './topics.js';

/** Parts are at most this big (smaller when the broker's packet limit is). */
export const CATALOGUE_PART_BYTES = 512 * 1024;
/** Room left in a packet for the topic, the MQTT header and a part's own header line. */
const PACKET_OVERHEAD = 1024;

export class CatalogueSizeError extends Error {
  readonly reason = 'catalogue-too-large';
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueSizeError';
  }
}

export type PackedCatalogue =
  | { readonly kind: 'inline'; readonly message: string; readonly bytes: number }
  | {
      readonly kind: 'parts';
      readonly manifest: CatalogueManifest;
      /** Payloads for `catalogue/part/0..n-1`, each with its header line. */
      readonly parts: readonly Buffer[];
      readonly bytes: number;
    };

/**
 * How the hub publishes `catalogue` given the smallest packet limit on the way (broker and devices): whole when
 * its message fits, else in parts. Throws CatalogueSizeError above MAX_CATALOGUE_BYTES (devices would refuse it).
 */
export function packCatalogue(catalogue: Catalogue, packetLimit: number): PackedCatalogue {
  const text = JSON.stringify(catalogue);
  // The same text as JSON.stringify({ revision, catalogue }), without serialising a big catalogue twice.
  const message = `{"revision":${catalogue.revision},"catalogue":${text}}`;
  const messageBytes = Buffer.byteLength(message);
  if (messageBytes <= packetLimit - PACKET_OVERHEAD) return { kind: 'inline', message, bytes: messageBytes };
  const json = Buffer.from(text, 'utf8');
  if (json.length > MAX_CATALOGUE_BYTES)
    throw new CatalogueSizeError(
      `the procedure catalogue is ${json.length} bytes; look-up terminals accept at most ${MAX_CATALOGUE_BYTES}`,
    );
  const partBytes = Math.min(CATALOGUE_PART_BYTES, packetLimit - PACKET_OVERHEAD);
  const count = Math.ceil(json.length / partBytes);
  if (count > MAX_CATALOGUE_PARTS)
    throw new CatalogueSizeError(
      `the procedure catalogue (${json.length} bytes) needs ${count} parts at the broker's packet limit; at most ${MAX_CATALOGUE_PARTS}`,
    );
  const parts = Array.from({ length: count }, (_, index) =>
    Buffer.concat([
      Buffer.from(`${JSON.stringify({ revision: catalogue.revision, index })}\n`, 'utf8'),
      json.subarray(index * partBytes, (index + 1) * partBytes),
    ]),
  );
  const manifest: CatalogueManifest = {
    revision: catalogue.revision,
    parts: count,
    bytes: json.length,
    sha256: createHash('sha256').update(json).digest('hex'),
  };
  return { kind: 'parts', manifest, parts, bytes: json.length };
}

/** What the assembler made of a message. */
export type AssemblyResult =
  | { readonly kind: 'waiting' }
  /** `routine`: expected in normal operation (a retained part already stored, a cleared part), not worth a warning. */
  | { readonly kind: 'ignored'; readonly reason: string; readonly routine?: boolean }
  /** The whole catalogue's JSON, checked against its manifest but not yet validated as a catalogue. */
  | { readonly kind: 'complete'; readonly revision: number; readonly catalogue: unknown }
  | { readonly kind: 'refused'; readonly revision: number; readonly reason: string };

/**
 * Collects one big catalogue's parts on a device. Parts may come before or after their manifest (retained
 * messages of two subscriptions arrive in no fixed order); a part of an older revision than the manifest's is
 * dropped, and at most one part per index is held, so memory stays within MAX_CATALOGUE_PARTS parts.
 */
export class CatalogueAssembler {
  private manifest: CatalogueManifest | null = null;
  /** Revisions up to this one are already stored: their parts are not held. */
  private floor = -1;
  private readonly parts = new Map<number, { revision: number; bytes: Buffer }>();

  /** A `catalogue` message that is a manifest (already known not to be an inline catalogue). */
  onManifest(body: unknown): AssemblyResult {
    const m = catalogueManifest.safeParse(body);
    if (!m.success) {
      const issue = m.error.issues[0];
      return {
        kind: 'ignored',
        reason: `not a catalogue manifest: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      };
    }
    if (m.data.revision <= this.floor)
      return { kind: 'ignored', reason: 'catalogue already stored', routine: true };
    this.manifest = m.data;
    for (const [i, p] of this.parts)
      if (p.revision < m.data.revision || i >= m.data.parts) this.parts.delete(i);
    return this.tryComplete();
  }

  /** A `catalogue/part/{index}` payload. */
  onPart(index: number, payload: Buffer): AssemblyResult {
    // An empty retained payload is how a broker's retained part is cleared.
    if (payload.length === 0) return { kind: 'ignored', reason: 'empty part', routine: true };
    const nl = payload.indexOf(0x0a);
    if (nl < 0 || nl > 200) return { kind: 'ignored', reason: 'part without a header' };
    let header: unknown;
    try {
      header = JSON.parse(payload.subarray(0, nl).toString('utf8'));
    } catch {
      return { kind: 'ignored', reason: 'part header is not JSON' };
    }
    const h = cataloguePartHeader.safeParse(header);
    if (!h.success || h.data.index !== index)
      return { kind: 'ignored', reason: 'part header does not match its topic' };
    if (h.data.revision <= this.floor)
      return { kind: 'ignored', reason: 'part of a stored catalogue', routine: true };
    const m = this.manifest;
    if (m !== null && (h.data.revision < m.revision || (h.data.revision === m.revision && index >= m.parts)))
      return { kind: 'ignored', reason: 'part of an older catalogue', routine: true };
    const held = this.parts.get(index);
    if (held !== undefined && held.revision > h.data.revision)
      return { kind: 'ignored', reason: 'part of an older catalogue', routine: true };
    // Copied: the MQTT client may reuse the buffer it handed us.
    this.parts.set(index, { revision: h.data.revision, bytes: Buffer.from(payload.subarray(nl + 1)) });
    return this.tryComplete();
  }

  /**
   * The device holds `revision` (stored, or skipped as not newer): parts and manifests up to it are dropped, so a
   * retained big catalogue the terminal already has is not kept in memory after every reconnect.
   */
  settle(revision: number): void {
    this.floor = Math.max(this.floor, revision);
    if (this.manifest !== null && this.manifest.revision <= this.floor) this.manifest = null;
    for (const [i, p] of this.parts) if (p.revision <= this.floor) this.parts.delete(i);
  }

  /** Indexes the current manifest still waits for (empty when there is none or nothing is missing). */
  missing(): number[] {
    const m = this.manifest;
    if (m === null) return [];
    const out: number[] = [];
    for (let i = 0; i < m.parts; i++) if (this.parts.get(i)?.revision !== m.revision) out.push(i);
    return out;
  }

  /** The revision being assembled, if any. */
  get pendingRevision(): number | null {
    return this.manifest?.revision ?? null;
  }

  private tryComplete(): AssemblyResult {
    const m = this.manifest;
    if (m === null || this.missing().length > 0) return { kind: 'waiting' };
    const chunks: Buffer[] = [];
    for (let i = 0; i < m.parts; i++) chunks.push(this.parts.get(i)!.bytes);
    // Done with this revision either way: the parts are released and a repeat of its manifest starts over.
    this.manifest = null;
    for (const [i, p] of this.parts) if (p.revision <= m.revision) this.parts.delete(i);
    const json = Buffer.concat(chunks);
    if (json.length !== m.bytes)
      return {
        kind: 'refused',
        revision: m.revision,
        reason: `${json.length} bytes, manifest says ${m.bytes}`,
      };
    const sha = createHash('sha256').update(json).digest('hex');
    if (sha !== m.sha256) return { kind: 'refused', revision: m.revision, reason: 'sha256 does not match' };
    try {
      return {
        kind: 'complete',
        revision: m.revision,
        catalogue: JSON.parse(json.toString('utf8')) as unknown,
      };
    } catch (e) {
      return { kind: 'refused', revision: m.revision, reason: `not JSON: ${(e as Error).message}` };
    }
  }
}
