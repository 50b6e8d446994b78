/**
 * The wire's types, constants and the screen-side reader of runtime frames, without zod: this is the part of
 * the protocol the screen bundle imports (see protocol.ts for the schemas; a property test keeps
 * `parseServerMessage` equal to `serverMessageSchema`). Pure: no Node, no DOM.
 */
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

export type ClientMessage = { readonly t: 'hello'; readonly v: number } | CallMessage;
export interface CallMessage {
  readonly t: 'call';
  readonly id: string;
  readonly cmd: string;
  readonly arg?: unknown;
}

export type ServerMessage =
  | { readonly t: 'view'; readonly view: unknown }
  | { readonly t: 'conn'; readonly conn: ConnectionState }
  | { readonly t: 'result'; readonly id: string; readonly result: Result<unknown> }
  | { readonly t: 'error'; readonly reason: string; readonly message: string };

export function encode(msg: ServerMessage | ClientMessage): string {
  return JSON.stringify(msg);
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function isConn(x: unknown): x is ConnectionState {
  return isObj(x) && (x.hub === 'online' || x.hub === 'offline') && typeof x.since === 'number';
}

function isResultShape(x: unknown): x is Result<unknown> {
  if (!isObj(x)) return false;
  if (x.ok === true) return true; // value: any JSON, or absent (a command with nothing to return)
  return x.ok === false && typeof x.reason === 'string' && typeof x.message === 'string';
}

/** Reads one runtime frame; undefined for anything that is not a valid server message. */
export function parseServerMessage(raw: unknown): ServerMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObj(m)) return undefined;
  switch (m.t) {
    case 'view':
      return Object.hasOwn(m, 'view') ? { t: 'view', view: m.view } : undefined;
    case 'conn':
      return isConn(m.conn) ? { t: 'conn', conn: m.conn } : undefined;
    case 'result':
      return typeof m.id === 'string' && isResultShape(m.result)
        ? { t: 'result', id: m.id, result: m.result }
        : undefined;
    case 'error':
      return typeof m.reason === 'string' && typeof m.message === 'string'
        ? { t: 'error', reason: m.reason, message: m.message }
        : undefined;
    default:
      return undefined;
  }
}
