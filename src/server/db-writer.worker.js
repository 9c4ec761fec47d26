// @ts-check
/**
 * The relay's database writer thread (see db-writer.ts): its own SQLite connection to the file,
 * committing each batch of report rows in one transaction and answering which rows were new.
 * Plain JavaScript so Node runs it as it is, under tsx, vitest or plain node; type-checked
 * through @ts-check and linted like the rest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CONNECTION_PRAGMAS, FILE_PRAGMAS } from './db-pragmas.js';

/** @type {{ file: string; insert: string }} */
const { file, insert: insertSql } = workerData;
const db = new Database(file);
for (const pragma of [...FILE_PRAGMAS, ...CONNECTION_PRAGMAS]) db.pragma(pragma);
const insert = db.prepare(insertSql);
const write = db.transaction(
  /** @param {unknown[][]} rows */
  (rows) => rows.map((row) => insert.run(row).changes > 0),
);

parentPort?.on(
  'message',
  /** @param {{ seq: number; rows: unknown[][] }} message */
  ({ seq, rows }) => {
    try {
      parentPort?.postMessage({ seq, inserted: write(rows) });
    } catch (e) {
      parentPort?.postMessage({ seq, error: e instanceof Error ? e.message : String(e) });
    }
  },
);
