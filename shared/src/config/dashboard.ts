/**
 * The `dashboard` part of the centre's configuration: the supervisors' web dashboard the hub serves (log-in
 * accounts, sessions, where it listens). Optional as a whole (older configs stay valid); every field has a
 * default, and with no accounts the dashboard cannot be logged into.
 *
 * This block never leaves the hub: the configuration the hub publishes to devices has it removed (see
 * `publicConfig`), so password hashes are not copied to every kiosk in the hall.
 */
import { z } from 'zod';

/**
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>`: the admin PIN's format (shared/src/electron/kiosk.ts),
 * made by `motcua dashboard-password-hash`.
 */
export const PASSWORD_HASH_FORMAT =
  /^scrypt\$\d{1,2}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{22,}\$[A-Za-z0-9_-]{43,}$/;

const account = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9, ".", "_" and "-"'),
    /** Shown in the dashboard and written into the audit log. */
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    /** supervisor: reads everything; admin: also edits the centre's configuration. */
    role: z.enum(['supervisor', 'admin']),
    passwordHash: z
      .string()
      .regex(PASSWORD_HASH_FORMAT, 'must be a hash made by "motcua dashboard-password-hash"'),
  })
  .strict();

export const dashboardSchema = z
  .object({
    /** Whether `motcua hub` starts the dashboard. */
    enabled: z.boolean().default(false),
    /** 0 lets the system pick (tests). */
    port: z.number().int().min(0).max(65_535).default(8080),
    /** Loopback by default; a site names the hub's LAN address so supervisors' PCs reach it. */
    host: z.string().min(1).max(100).default('127.0.0.1'),
    accounts: z
      .array(account)
      .max(100)
      .default([])
      .refine((a) => new Set(a.map((x) => x.username)).size === a.length, 'two accounts share a username'),
    /** A session ends this many minutes after its last request. */
    sessionTtlMin: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(480),
    /** Failed log-ins allowed per username and per client address in `loginWindowMin` before refusing (429). */
    loginMaxFailures: z.number().int().min(1).max(100).default(5),
    loginWindowMin: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
  })
  .strict();

export type DashboardConfig = z.output<typeof dashboardSchema>;
export type DashboardAccount = DashboardConfig['accounts'][number];
export const defaultDashboardConfig: DashboardConfig = dashboardSchema.parse({});
