/**
 * A local Mosquitto process (product module: `bench sync` and the test suites start their broker through it):
 * temp dir, OS-assigned port, always cleaned up.
 *
 * - The port is found by binding port 0 and releasing it; if Mosquitto then loses the race for it
 *   (EADDRINUSE) a fresh port is tried. `restart()` keeps the port and the persistence dir, so clients
 *   reconnect to the same URL, as they would to a real hub after a crash.
 * - Every process started here is killed with SIGKILL when the Node process exits, even if a test
 *   forgot `stop()`; `stop()` also removes the temp dir.
 * - Readiness: the process is alive, accepts TCP, and (when it logs to stderr) has logged "running".
 *   The log check matters: a TCP probe alone could reach another process that grabbed the port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

export interface ConfContext {
  readonly port: number;
  readonly host: string;
  /** The broker's private temp dir; `files` are written here. */
  readonly dir: string;
  /** `${dir}/data/`, created before start. */
  readonly dataDir: string;
}

export interface StartMosquittoOptions {
  /** Builds the config text for a port and dir. Default: `defaultTestConf()`. */
  readonly conf?: (ctx: ConfContext) => string;
  /** Extra files (acl, passwd…) written into the temp dir before the first start, by name. */
  readonly files?: Readonly<Record<string, string>>;
  /** Default `MOSQUITTO_BIN`. */
  readonly binary?: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** How long to wait for readiness. Default 10 s. */
  readonly startTimeoutMs?: number;
}

export interface RunningMosquitto {
  readonly port: number;
  readonly host: string;
  /** `mqtt://host:port` */
  readonly url: string;
  readonly dir: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  /** The last 64 KiB of the broker's stdout/stderr, for assertion messages. */
  logs(): string;
  /** SIGTERM, then SIGKILL after 3 s; removes the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Sends a signal (default SIGKILL); for signals that end the process, waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts again on the same port and dir (stopping it gracefully first if it is still running). */
  restart(): Promise<void>;
}

export class MosquittoStartError extends Error {
  constructor(
    readonly reason: 'address-in-use' | 'exited' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'MosquittoStartError';
  }
}

/**
 * Mosquitto defaults plus what a test needs: loopback listener, anonymous allowed, stderr logs; and TCP_NODELAY
 * as in production (build/mosquitto/mosquitto.conf). Without it Nagle's algorithm holds a small message the
 * broker forwards while the peer's ACK of the previous one is delayed: a request or an answer then waits tens of
 * milliseconds in the broker, and a test or bench measures that instead of the product.
 */
export function defaultTestConf(opts: { persistence?: boolean } = {}): (ctx: ConfContext) => string {
  return (ctx) =>
    [
      `listener ${ctx.port} ${ctx.host}`,
      'allow_anonymous true',
      `persistence ${opts.persistence === true ? 'true' : 'false'}`,
      `persistence_location ${ctx.dataDir}`,
      ...rootUserLine(),
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      'set_tcp_nodelay true',
      '',
    ].join('\n');
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** As root Mosquitto would drop to user `mosquitto`, which cannot read a root-owned temp dir. */
function rootUserLine(): string[] {
  return isRoot() ? ['user root'] : [];
}

/** A port that was free a moment ago (bind 0, read, release). */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => {
        if (addr !== null && typeof addr === 'object') resolve(addr.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

// ---- process bookkeeping: nothing outlives the test process ------------------------------------------

const liveChildren = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  });
}

const NON_TERMINATING: ReadonlySet<string> = new Set(['SIGSTOP', 'SIGCONT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2']);
const LOG_LIMIT = 64 * 1024;

function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => {
      s.destroy();
      resolve(false);
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

export async function startMosquitto(opts: StartMosquittoOptions = {}): Promise<RunningMosquitto> {
  installExitHook();
  const host = opts.host ?? '127.0.0.1';
  const binary = opts.binary ?? MOSQUITTO_BIN;
  const buildConf = opts.conf ?? defaultTestConf();
  const startTimeoutMs = opts.startTimeoutMs ?? 10_000;

  const dir = await mkdtemp(join(tmpdir(), 'motcua-mosquitto-'));
  liveDirs.add(dir);
  const dataDir = join(dir, 'data') + '/';
  let child: ChildProcess | undefined;
  let log = '';
  /** Output of the current launch only: readiness and bind errors are judged on this. */
  let launchLog = '';
  let removed = false;

  const appendLog = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    log += text;
    if (log.length > LOG_LIMIT) log = log.slice(-LOG_LIMIT);
    if (launchLog.length < LOG_LIMIT) launchLog += text;
  };

  const launchOnce = async (port: number): Promise<void> => {
    const confText = buildConf({ port, host, dir, dataDir });
    const confPath = join(dir, 'mosquitto.conf');
    await writeFile(confPath, confText, { mode: 0o600 });
    const logsToStderr = /^\s*log_dest\s+stderr\b/m.test(confText);
    launchLog = '';
    const proc = spawn(binary, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    liveChildren.add(proc);
    proc.once('exit', () => liveChildren.delete(proc));
    proc.stdout.on('data', appendLog);
    proc.stderr.on('data', appendLog);
    proc.once('error', (err) => {
      appendLog(Buffer.from(`spawn error: ${err.message}\n`));
    });

    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      const exited = proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined;
      const recent = launchLog;
      if (exited) {
        liveChildren.delete(proc);
        if (/address already in use/i.test(recent)) {
          throw new MosquittoStartError('address-in-use', `port ${port} in use`);
        }
        throw new MosquittoStartError('exited', `mosquitto exited during start:\n${recent}`);
      }
      if ((!logsToStderr || / running/.test(recent)) && (await probe(host, port))) return;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        await waitExit(proc);
        throw new MosquittoStartError(
          'timeout',
          `mosquitto not ready after ${startTimeoutMs} ms:\n${recent}`,
        );
      }
      await sleep(20);
    }
  };

  const files = opts.files ?? {};
  try {
    await mkdir(dataDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(dir, name), text, { mode: 0o600 });
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
    throw err;
  }

  // First start: any free port; retry with a new one if someone else takes it between probe and bind.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await findFreePort(host);
    try {
      await launchOnce(port);
      break;
    } catch (err) {
      if (err instanceof MosquittoStartError && err.reason === 'address-in-use' && attempt < 5) continue;
      await rm(dir, { recursive: true, force: true });
      liveDirs.delete(dir);
      throw err;
    }
  }

  const isRunning = (): boolean =>
    child !== undefined && child.exitCode === null && child.signalCode === null && child.pid !== undefined;

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (proc === undefined || !isRunning()) return;
    proc.kill(signal);
    if (!NON_TERMINATING.has(signal)) await waitExit(proc);
  };

  const terminate = async (): Promise<void> => {
    const proc = child;
    if (proc === undefined || !isRunning()) return;
    proc.kill('SIGCONT'); // a SIGSTOPped broker would never handle SIGTERM
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
    await waitExit(proc);
    clearTimeout(timer);
  };

  return {
    port,
    host,
    url: `mqtt://${host}:${port}`,
    dir,
    get pid() {
      return child?.pid;
    },
    get running() {
      return isRunning();
    },
    logs: () => log,
    kill,
    async stop() {
      await terminate();
      if (!removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
        liveDirs.delete(dir);
      }
    },
    async restart() {
      if (removed) throw new Error('restart() after stop(): the broker dir is gone');
      await terminate();
      // The same port: after a SIGKILL it is free at once (Mosquitto sets SO_REUSEADDR), but some
      // other process may have taken it; retry briefly, then give up loudly.
      for (let attempt = 1; ; attempt++) {
        try {
          await launchOnce(port);
          return;
        } catch (err) {
          if (err instanceof MosquittoStartError && err.reason === 'address-in-use' && attempt < 20) {
            await sleep(100);
            continue;
          }
          throw err;
        }
      }
    },
  };
}
