/**
 * The wire between a screen and its device runtime, shared by both transports (WebSocket in browser mode,
 * Electron IPC): every message's schema, and the runtime-side parser of screen frames. Pure: no Node, no DOM.
 * Every frame is a JSON text.
 *
 * Built on `zod/mini`: the session needs only zod's core, which it shares with the runtimes' classic-zod
 * `commandArgs` schemas. The screen bundle does not import this file (even zod/mini adds ~6.6 KB gzip to a
 * ~9 KB screen): it reads runtime frames with the zod-free guard in `wire.ts`, which a property test holds
 * equal to `serverMessageSchema` here.
 */
import * as z from 'zod/mini';
import type { Result } from '../device/api.js';
import { MAX_CALL_ID_CHARS, MAX_CLIENT_MESSAGE_CHARS, type ClientMessage } from './wire.js';

export * from './wire.js';

const hello = z.object({ t: z.literal('hello'), v: z.number() });
const call = z.object({
  t: z.literal('call'),
  id: z.string().check(z.minLength(1), z.maxLength(MAX_CALL_ID_CHARS)),
  cmd: z.string().check(z.minLength(1), z.maxLength(64)),
  // Absent when the command takes no argument (JSON drops `undefined`); the command's schema decides.
  arg: z.optional(z.unknown()),
});
export const clientMessageSchema = z.discriminatedUnion('t', [hello, call]);

const connectionStateSchema = z.object({ hub: z.enum(['online', 'offline']), since: z.number() });
const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.optional(z.unknown()) }), // Result<void>: value absent
  z.object({ ok: z.literal(false), reason: z.string(), message: z.string() }),
]);
export const serverMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('view'), view: z.unknown() }),
  z.object({ t: z.literal('conn'), conn: connectionStateSchema }),
  z.object({ t: z.literal('result'), id: z.string(), result: resultSchema }),
  z.object({ t: z.literal('error'), reason: z.string(), message: z.string() }),
]);

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

/** A short, log-safe description of schema issues (paths and codes, never the hostile values). */
export function summariseIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
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
