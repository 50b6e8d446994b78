/**
 * The thin entry of a device app's Electron main process: reads the configuration from the environment and
 * the command line, then hands over to `startShell`. The per-app entry (wired by the lead) starts the device
 * runtime, then calls `main` with the runtime's loopback URL and the IPC transport:
 *
 *   const handle = await main({ attachTransport: (wc) => attachIpcTransport(wc, …), appUrl: runtime.url });
 *
 * Environment: MOTCUA_ROLE, MOTCUA_APP_URL, MOTCUA_WINDOW_MODE (kiosk | window | compact),
 * MOTCUA_ADMIN_PIN_HASH, MOTCUA_PRELOAD, MOTCUA_DEV=1 (DevTools; ignored in a packaged app).
 * Command line: --role=…, --app-url=…, --mode=… override the environment.
 */
import * as electron from 'electron';
import type { WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startShell, type DeviceRole, type ShellHandle } from './shell.js';
import { WINDOW_MODES, type WindowMode } from './window-options.js';
import { stderrLogger, type Logger } from '../runtime/logger.js';

const ROLES = [
  'kiosk',
  'lookup',
  'counter',
  'display',
  'rating',
  'board',
] as const satisfies readonly DeviceRole[];

const ConfigSchema = z.object({
  role: z.enum(ROLES),
  appUrl: z.string().min(1).max(2048),
  mode: z.enum(WINDOW_MODES as [WindowMode, ...WindowMode[]]),
  adminPinHash: z.string().min(1).max(512),
  preloadPath: z.string().min(1).max(4096),
  dev: z.boolean(),
});

export type ShellConfig = z.infer<typeof ConfigSchema>;

export type ConfigResult =
  | { readonly ok: true; readonly value: ShellConfig }
  | { readonly ok: false; readonly reason: 'bad-config'; readonly message: string };

/** The preload the IPC transport ships, next to this file once bundled. */
export const DEFAULT_PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

/**
 * Reads the shell's configuration. The command line wins over the environment; a URL or preload path passed by
 * the entry (which started the runtime itself) wins over both. Pure: tested directly.
 */
export function readShellConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: { readonly appUrl?: string; readonly preloadPath?: string } = {},
): ConfigResult {
  const arg = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  };
  const raw = {
    role: arg('role') ?? env.MOTCUA_ROLE,
    appUrl: defaults.appUrl ?? arg('app-url') ?? env.MOTCUA_APP_URL,
    mode: arg('mode') ?? env.MOTCUA_WINDOW_MODE ?? 'kiosk',
    adminPinHash: env.MOTCUA_ADMIN_PIN_HASH,
    preloadPath: defaults.preloadPath ?? env.MOTCUA_PRELOAD ?? DEFAULT_PRELOAD,
    dev: env.MOTCUA_DEV === '1',
  };
  const r = ConfigSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, reason: 'bad-config', message: issues };
  }
  return { ok: true, value: r.data };
}

export interface MainDeps {
  readonly attachTransport: (contents: WebContents) => () => void;
  /** The runtime's URL when the entry started the runtime in this process (wins over env and argv). */
  readonly appUrl?: string;
  readonly preloadPath?: string;
  readonly argv?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
}

export async function main(deps: MainDeps): Promise<ShellHandle> {
  const logger = deps.logger ?? stderrLogger();
  const config = readShellConfig(deps.argv ?? process.argv.slice(1), deps.env ?? process.env, {
    ...(deps.appUrl === undefined ? {} : { appUrl: deps.appUrl }),
    ...(deps.preloadPath === undefined ? {} : { preloadPath: deps.preloadPath }),
  });
  if (!config.ok) {
    logger.error('shell configuration refused', { reason: config.reason, message: config.message });
    throw new Error(`${config.reason}: ${config.message}`);
  }
  const c = config.value;
  const handle = await startShell({
    electron,
    role: c.role,
    appUrl: c.appUrl,
    preloadPath: c.preloadPath,
    mode: c.mode,
    // Secure by default: a packaged app is always production; MOTCUA_DEV only opens DevTools from a checkout.
    production: electron.app.isPackaged || !c.dev,
    adminPinHash: c.adminPinHash,
    attachTransport: deps.attachTransport,
    logger,
  });
  // The service manager's stop must end the app even in kiosk mode.
  process.once('SIGTERM', () => handle.stop('SIGTERM'));
  process.once('SIGINT', () => handle.stop('SIGINT'));
  return handle;
}
