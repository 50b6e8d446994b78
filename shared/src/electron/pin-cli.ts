/**
 * `motcua admin-pin-hash`: prints the scrypt hash of a new admin PIN, for MOTCUA_ADMIN_PIN_HASH in a device's
 * configuration. The PIN is read from standard input, never from the command line (which shell history and
 * `ps` would keep).
 */
import { readLineFromStdin } from '../runtime/stdin.js';
import { hashPin } from './kiosk.js';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

/** Digits only: the PIN is typed on the kiosk's on-screen keypad. Six or more: the lockout then holds for years. */
const PIN_FORMAT = /^\d{6,12}$/;

export async function adminPinHashCommand(
  argv: string[],
  io: CliIo,
  readPin: () => Promise<string> = readLineFromStdin,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out('usage: motcua admin-pin-hash < pin.txt   (reads the PIN, 6–12 digits, from standard input)\n');
    return 0;
  }
  if (argv.length > 0) {
    io.err('admin-pin-hash: bad-args: the PIN is read from standard input, not from arguments\n');
    return 2;
  }
  const pin = (await readPin()).trim();
  if (!PIN_FORMAT.test(pin)) {
    io.err('admin-pin-hash: bad-pin: the admin PIN must be 6 to 12 digits\n');
    return 2;
  }
  io.out(`${await hashPin(pin)}\n`);
  return 0;
}
