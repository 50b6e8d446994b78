/**
 * `motcua broker provision --config <file> --out <dir>`: the Mosquitto files of a site from its configuration:
 * an ACL limiting each device to its own topics by role, and a password file (passwords generated here,
 * printed once as `credentials.json` for installing on the devices; existing ones are reused).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '@motcua/shared';
import { buildAclFile, buildPasswordFile, writeFileAtomic } from '@motcua/shared/sync/acl';
import type { CliIo } from './io.js';

export async function brokerCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'provision') {
    io.err('usage: motcua broker provision --config <file> --out <dir> [--hub-user <name>]');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      'hub-user': { type: 'string', default: 'hub' },
    },
  });
  if (values.config === undefined || values.out === undefined) {
    io.err('usage: motcua broker provision --config <file> --out <dir> [--hub-user <name>]');
    return 2;
  }
  const config = loadConfigFile(values.config);
  if (config.devices.length === 0) {
    io.err(`${values.config}: lists no devices; add "devices" with their roles first`);
    return 1;
  }
  mkdirSync(values.out, { recursive: true });
  const credFile = join(values.out, 'credentials.json');
  const creds: Record<string, string> = existsSync(credFile)
    ? (JSON.parse(readFileSync(credFile, 'utf8')) as Record<string, string>)
    : {};
  const users = [values['hub-user'], ...config.devices.map((d) => d.id)];
  for (const u of users) creds[u] ??= randomBytes(18).toString('base64url');
  const acl = buildAclFile({
    centreId: config.centre.id,
    hubUsername: values['hub-user'],
    devices: config.devices,
  });
  const passwd = await buildPasswordFile(users.map((u) => ({ username: u, password: creds[u]! })));
  await writeFileAtomic(join(values.out, 'acl'), acl, 0o644);
  await writeFileAtomic(join(values.out, 'passwd'), passwd, 0o600);
  await writeFileAtomic(credFile, `${JSON.stringify(creds, null, 2)}\n`, 0o600);
  io.out(`${values.out}/acl: ${users.length} broker users (${config.devices.length} devices + hub)`);
  io.out(`${values.out}/passwd: hashed with mosquitto_passwd`);
  io.out(`${values.out}/credentials.json: plain passwords for installing on the devices (keep it safe)`);
  return 0;
}
