/** `motcua <command>`: the one command-line tool of the product. */
import type { CliIo, Command } from './io.js';

const USAGE = `Một Cửa — queue and kiosk software for public administration service centres

usage: motcua <command> [options]

  hub [--config <file>] [--demo] [--port <n>] [--host <addr>] [--data <dir>]
      [--broker <url> --broker-user <name> --broker-password-file <file>]
                                 run the site hub (embedded MQTT broker unless --broker is given; the
                                 password comes from the file or MOTCUA_BROKER_PASSWORD, never the URL)
  demo [--speed <n>] [--no-sim] [--data <dir>] [--port-base <n>] [--counters <n>]
                                 a whole demo centre (what npm start runs): hub, embedded broker, every
                                 screen in browser mode, and a simulator of citizens and officers
  config validate <file>         check a centre configuration; errors name the field
  broker provision --config <file> --out <dir>
                                 Mosquitto ACL and password files for the devices of a centre
  simulate --seed <n> [--config <file>] [--citizens <n>] [--json]
                                 run a simulated day through the queue rules and check the invariants
  bench core [--json]            domain and store figures (apply rate, rebuild, intent latency)
  bench printer [--json]         ticket rendering and transfer figures
  bench sync [--json]            MQTT round trip, call → displays, issue, catch-up, hub ingest (needs mosquitto)
  ticket --config <file> --area <id> --number <n> [--profile <name>] [--width 80|58] --out <file> [--png <file>]
                                 write the ESC/POS bytes of a ticket (and a picture of it)
  escpos decode <file> [--png-dir <dir>] [--json]
                                 print what a printer would print from ESC/POS bytes
  search "<query>" [--catalogue <file>] [--config <file>] [--limit <n>] [--json]
                                 search the procedure catalogue as a look-up terminal does
  bench search [--json] [--procedures <n>] [--rounds <n>]
                                 catalogue search figures over a scaled catalogue (Node)
  words <n> [--south] [--four tư|bốn] [--json]
                                 the Vietnamese words for a number, as the hall board says them
  announce --number <n> --counter <c> [--south] [--english] [--recall] [--config <file>]
           [--pack <dir> | --cache <dir>] --wav <out.wav> [--json]
                                 the call's announcement as a WAV file (voice pack clips, espeak-ng fallback)
  bench voice [--json] [--pack <dir>] [--calls <n>]
                                 call → announcement audio ready, pack size and clip count
  bench wait [--json] [--waiting <n>] [--served <n>] [--rounds <n>]
                                 the cost of the ticket's estimated wait per ticket (a long morning queue)
  bench kiosk [--json] [--tickets <n>] [--rounds <n>]
                                 search, tap → printer, screen size and start-up, runtime memory (needs
                                 mosquitto and chromium)
  bench counter [--json] [--presses <n>] [--slowdown <n>]
                                 officer's press → hall board page, board frame times, screen size (needs
                                 mosquitto and chromium)
  bench reports [--json] [--days <n>] [--tickets <n>] [--live-samples <n>]
                                 a year of archived days: report and XLSX export times, hub memory, and
                                 event → dashboard page latency (needs mosquitto and chromium)
  officer-pin-hash               reads a 4–12 digit PIN on stdin, prints the hash for officers[].pinHash
  dashboard-password-hash        reads a password on stdin, prints the hash for a dashboard account
  admin-pin-hash                 reads a 6–12 digit PIN on stdin, prints the hash for MOTCUA_ADMIN_PIN_HASH
`;

async function load(name: string): Promise<Command | null> {
  switch (name) {
    case 'hub':
      return (await import('./hub-command.js')).hubCommand;
    case 'demo':
      return (await import('./demo-command.js')).demoCommand;
    case 'config':
      return (await import('./config-command.js')).configCommand;
    case 'broker':
      return (await import('./broker-command.js')).brokerCommand;
    case 'simulate':
      return (await import('./simulate-command.js')).simulateCommand;
    case 'bench':
      return (await import('./bench-command.js')).benchCommand;
    case 'ticket':
      return (await import('@motcua/ticket-printer/cli')).ticketCommand;
    case 'escpos':
      return (await import('@motcua/ticket-printer/cli')).escposCommand;
    case 'search':
      return (await import('@motcua/shared/catalogue/cli')).searchCommand;
    case 'words':
      return (await import('@motcua/counter-display/voice/cli')).wordsCommand;
    case 'announce':
      return (await import('@motcua/counter-display/voice/cli')).announceCommand;
    case 'dashboard-password-hash':
      return (await import('@motcua/hub/dashboard/password')).dashboardPasswordHashCommand;
    case 'officer-pin-hash':
      return (await import('@motcua/counter-display/runtime/officer-pin')).officerPinHashCommand;
    case 'admin-pin-hash':
      return (await import('@motcua/shared/electron/pin-cli')).adminPinHashCommand;
    default:
      return null;
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = await load(name);
  if (!command) {
    io.err(`motcua: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    // Usage mistakes from parseArgs read well as they are; anything else gets its name.
    const err = e as Error & { code?: string };
    io.err(
      err.code?.startsWith('ERR_PARSE_ARGS')
        ? `motcua ${name}: ${err.message}`
        : `motcua ${name}: ${err.stack ?? err.message}`,
    );
    return err.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}
