/**
 * Opening a device's SQLite database: WAL, synchronous=FULL on every open (better-sqlite3 reopens WAL
 * databases with NORMAL, which can lose the last commits on power loss), and schema migrations by
 * user_version, each in its own transaction.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(
    readonly reason:
      'open-failed' | 'newer-schema' | 'disk-full' | 'write-failed' | 'day-mismatch' | 'corrupt',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

const MIGRATIONS: readonly string[] = [
  // 1: events, outbox, ticket projection, days, meta
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    v INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (device, seq)
  ) STRICT;
  CREATE INDEX events_day_hlc ON events (day, hlc);
  -- Own events not yet durably stored by the hub (transactional outbox).
  CREATE TABLE outbox (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events (id)) STRICT;
  -- Events this software cannot read yet (newer version or type): kept, never dropped.
  CREATE TABLE deferred_events (
    id TEXT PRIMARY KEY, device TEXT NOT NULL, seq INTEGER NOT NULL, v INTEGER NOT NULL, body TEXT NOT NULL,
    reason TEXT NOT NULL
  ) STRICT;
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    area TEXT NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    printed INTEGER NOT NULL DEFAULT 0,
    counter TEXT,
    issued_event TEXT NOT NULL REFERENCES events (id),
    UNIQUE (area, day, number)
  ) STRICT;
  CREATE TABLE days (
    day TEXT PRIMARY KEY,
    opened_hlc TEXT NOT NULL,
    archived_hlc TEXT,
    summary TEXT
  ) STRICT;
  `,
  // 2: sync — contiguous per-device high-water marks, idempotent requests, number leases
  `
  -- For each device, every event with seq <= contiguous is stored here (the version vector).
  CREATE TABLE vector (device TEXT PRIMARY KEY, contiguous INTEGER NOT NULL) STRICT;
  -- Answers to requests already handled, so a retried request gets the same answer and changes nothing.
  CREATE TABLE requests (
    device TEXT NOT NULL, request_id TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (device, request_id)
  ) STRICT;
  -- Blocks of numbers leased to kiosks for offline issuing, per area and business day.
  CREATE TABLE leases (
    day TEXT NOT NULL, area TEXT NOT NULL, kiosk TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
    PRIMARY KEY (day, area, first)
  ) STRICT;
  INSERT INTO vector (device, contiguous)
    SELECT device, MAX(seq) FROM events GROUP BY device HAVING COUNT(*) = MAX(seq);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(path: string): Db {
  let db: Db;
  try {
    if (path !== ':memory:') {
      // Owner only: the database holds the day's tickets and officers (folders made here are 0700; SQLite gives
      // its -wal and -shm files the database file's mode).
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
      for (const side of ['-wal', '-shm']) if (existsSync(path + side)) chmodSync(path + side, 0o600);
    }
    db = new Database(path);
  } catch (e) {
    throw new StoreError('open-failed', `cannot open database ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Checkpoints are run by EventStore.checkpoint() off the intent path (an automatic one inside a commit
  // costs the citizen at the kiosk a few milliseconds of fsync on the main database file).
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** A read-only connection, for tools and tests that verify what a device's file holds (never for writing). */
export function openDatabaseReadOnly(path: string): Db {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new StoreError('open-failed', `cannot open database ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreError(
      'newer-schema',
      `database schema ${version} is newer than this software (${SCHEMA_VERSION})`,
    );
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Turns SQLite's errors into ones the screens can explain. */
export function classifyWriteError(e: unknown): StoreError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL')
    return new StoreError('disk-full', 'the disk is full: nothing was written', { cause: e });
  if (code.startsWith('SQLITE_CORRUPT'))
    return new StoreError('corrupt', 'the database is damaged', { cause: e });
  return new StoreError('write-failed', `write failed: ${(e as Error).message}`, { cause: e });
}

/**
 * One value of a database file's `meta` table, read before its store is opened (a device takes its clock offset
 * and its configuration from there, and the store needs both to open). Null when the key is not set.
 */
export function readMeta(path: string, key: string): string | null {
  const db = openDatabase(path);
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}
