/**
 * The kiosk benchmark (dev only: it starts a test centre from testing/):
 * `npx tsx kiosk/scripts/bench-kiosk.ts [--json] [--tickets N] [--runs N] [--slowdown N]`.
 */
import { benchKioskCommand } from '../bench/bench.js';

process.exitCode = await benchKioskCommand(process.argv.slice(2), {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
});
