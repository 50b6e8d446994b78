/**
 * The wire between a screen and its device runtime, shared by both transports (WebSocket in browser mode,
 * Electron IPC). Pure: no Node, no DOM, so the screen bundle and the runtime parse with the same schemas.
 *
 * Every frame is a JSON text. Built on `zod/mini` because this file ships inside every screen bundle, where
 * classic zod would cost more than the whole UI framework; the runtime's own `commandArgs` schemas may be
 * classic zod: both share zod's core, which is all the session needs.
 */
import * as z from 'zod/mini';
import type { ConnectionState, Result } from '../device/api.js';

export const PROTOCOL_VERSION = 1;
/** Largest client frame accepted, in UTF-16 code units (≈ bytes for what a screen sends). */
export const MAX_CLIENT_MESSAGE_CHARS = 16 * 1024;
export const MAX_CALL_ID_CHARS = 64;

/** Reason codes the transports themselves produce (a runtime's commands add their own). */
export type TransportReason =
  | 'bad-request' // malformed frame, unknown command, arguments refused by the command's schema
  | 'internal' // the runtime threw or returned something that is not a Result
  | 'rate-limited' // too many frames on one connection
  | 'unsupported-version' // hello with a protocol version this runtime does not speak
  | 'offline-screen' // the screen is not connected to its runtime (client side)
  | 'timeout'; // no answer in time (client side)

const hello = z.object({ t: z.literal('hello'), v: z.number() });
const call = z.object({
  t: z.literal('call'),
  id: z.string().check(z.minLength(1), z.maxLength(MAX_CALL_ID_CHARS)),
  cmd: z.string().check(z.minLength(1), z.maxLength(64)),
  arg: z.unknown(),
});
export const clientMessageSchema = z.discriminatedUnion('t', [hello, call]);
export type ClientMessage = { readonly t: 'hello'; readonly v: number } | CallMessage;
export interface CallMessage {
  readonly t: 'call';
  readonly id: string;
  readonly cmd: string;
  readonly arg: unknown;
}

const connectionStateSchema = z.object({ hub: z.enum(['online', 'offline']), since: z.number() });
const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), reason: z.string(), message: z.string() }),
]);
export const serverMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('view'), view: z.unknown() }),
  z.object({ t: z.literal('conn'), conn: connectionStateSchema }),
  z.object({ t: z.literal('result'), id: z.string(), result: resultSchema }),
  z.object({ t: z.literal('error'), reason: z.string(), message: z.string() }),
]);
export type ServerMessage =
  | { readonly t: 'view'; readonly view: unknown }
  | { readonly t: 'conn'; readonly conn: ConnectionState }
  | { readonly t: 'result'; readonly id: string; readonly result: Result<unknown> }
  | { readonly t: 'error'; readonly reason: string; readonly message: string };

export function isResult(x: unknown): x is Result<unknown> {
  return resultSchema.safeParse(x).success;
}

/**
 * Parses one client frame. On failure the reason says what to answer; `id` is set when the frame was a call
 * whose id could be read, so the caller gets a Result instead of waiting for its timeout.
 */
export function parseClientMessage(
  raw: unknown,
): { ok: true; value: ClientMessage } | { ok: false; reason: 'bad-request'; message: string; id?: string } {
  if (typeof raw !== 'string') return { ok: false, reason: 'bad-request', message: 'frame is not text' };
  if (raw.length > MAX_CLIENT_MESSAGE_CHARS)
    return { ok: false, reason: 'bad-request', message: `frame longer than ${MAX_CLIENT_MESSAGE_CHARS}` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'bad-request', message: 'frame is not JSON' };
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const id = readCallId(json);
  const message = `invalid message: ${summariseIssues(parsed.error.issues)}`;
  return id === undefined
    ? { ok: false, reason: 'bad-request', message }
    : { ok: false, reason: 'bad-request', message, id };
}

export function parseServerMessage(raw: unknown): ServerMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = serverMessageSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as ServerMessage) : undefined;
  } catch {
    return undefined;
  }
}

export function encode(msg: ServerMessage | ClientMessage): string {
  return JSON.stringify(msg);
}

/** A short, log-safe description of schema issues (paths and codes, never the hostile values). */
export function summariseIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function readCallId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { t, id } = json as { t?: unknown; id?: unknown };
  return t === 'call' && typeof id === 'string' && id.length > 0 && id.length <= MAX_CALL_ID_CHARS
    ? id
    : undefined;
}
