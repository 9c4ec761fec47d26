/**
 * The relay's SQLite database: one file in the data folder, WAL mode, synchronous=FULL so a
 * committed transaction is on disk (fsynced) before the relay answers 202. Writes are batched
 * per event-loop tick (see reports.ts), so the fsync is paid once per batch, not per report.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CONNECTION_PRAGMAS, FILE_PRAGMAS } from './db-pragmas.js';

/** An open relay database. */
export type RelayDb = Database.Database;

/** The file inside DATA_DIR. */
export const DB_FILE = 'planb-relay.sqlite';

/** Cumulative schema steps; the database's user_version says how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE reports (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     room TEXT NOT NULL,
     level TEXT NOT NULL,
     at INTEGER NOT NULL,
     device TEXT NOT NULL,
     received_at INTEGER NOT NULL
   );
   CREATE INDEX reports_by_at ON reports (at);`,
  // The abuse rule's source (domain/crowd.ts rule 5); NULL for reports stored before it, which
  // then count as their own source. The salt makes stored sources unreadable as addresses.
  `ALTER TABLE reports ADD COLUMN source TEXT;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO meta (key, value) VALUES ('source-salt', lower(hex(randomblob(16))));`,
  // Reminders by Web Push (push-store.ts): a phone's subscription and the instants it wants a
  // push at, nothing about which talks.
  `CREATE TABLE push_subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     endpoint TEXT NOT NULL UNIQUE,
     p256dh TEXT NOT NULL,
     auth TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE push_reminders (
     subscription INTEGER NOT NULL,
     at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (subscription, at)
   ) WITHOUT ROWID;
   CREATE INDEX push_reminders_by_at ON push_reminders (at);`,
];

/**
 * Opens (creating the folder and the schema as needed) the database in `dataDir`, or an
 * in-memory one when dataDir is undefined (tests, and a relay started without a data folder).
 */
export function openRelayDb(dataDir?: string): RelayDb {
  let db: RelayDb;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, DB_FILE));
    for (const pragma of FILE_PRAGMAS) db.pragma(pragma);
  } else {
    db = new Database(':memory:');
  }
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

/** The database's own salt for stored sources (made once, by the schema step that added them). */
export function sourceSalt(db: RelayDb): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'source-salt'").get() as { value: string })
    .value;
}
