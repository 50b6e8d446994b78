/**
 * The bench's end of the simulated devices' child process (sync-farm.ts): forty counters and the kiosks run there,
 * at nice 19, because in a centre each is its own machine. `motcua bench sync` and `motcua bench counter` both
 * use it. One request at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FarmReply, FarmRequest } from './sync-farm.js';

export type { FarmReply, FarmRequest } from './sync-farm.js';

/** The child process of simulated counters and kiosks; one request at a time. */
export interface Farm {
  ask(r: FarmRequest): Promise<FarmReply>;
  stop(): Promise<void>;
}

export function startFarm(): Farm {
  // The child runs TypeScript through tsx, whichever directory the bench was started from.
  const child: ChildProcess = fork(fileURLToPath(new URL('./sync-farm.ts', import.meta.url)), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (child.pid !== undefined) setPriority(child.pid, 19);
  let waiting: { resolve: (r: FarmReply) => void; reject: (e: Error) => void } | null = null;
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      waiting?.reject(new Error(`the simulated devices' process exited (${signal ?? String(code)})`));
      waiting = null;
      resolve();
    }),
  );
  child.on('message', (m: FarmReply) => {
    const w = waiting;
    waiting = null;
    if (!w) return;
    if (m.op === 'error') w.reject(new Error(`simulated devices: ${m.message}`));
    else w.resolve(m);
  });
  return {
    ask: (r) =>
      new Promise<FarmReply>((resolve, reject) => {
        if (exited) {
          reject(new Error("the simulated devices' process is not running"));
          return;
        }
        waiting = { resolve, reject };
        child.send(r);
      }),
    stop: async () => {
      if (!exited) {
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        if (child.connected) child.send({ op: 'stop' } satisfies FarmRequest);
        else child.kill('SIGKILL');
        await gone;
        clearTimeout(t);
      }
    },
  };
}
