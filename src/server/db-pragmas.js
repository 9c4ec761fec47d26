// @ts-check
/**
 * The SQLite settings every connection to the relay's database uses: the main one (db.ts) and
 * the writer thread's (db-writer.worker.js). Plain JavaScript so the worker thread can load it
 * without a TypeScript loader; type-checked through @ts-check.
 */

/** Set on a database file (not on an in-memory one): readers never wait for the writer. */
export const FILE_PRAGMAS = ['journal_mode = WAL'];

/** Set on every connection: an acknowledged report is on disk; a busy file is waited for. */
export const CONNECTION_PRAGMAS = ['synchronous = FULL', 'busy_timeout = 5000'];
