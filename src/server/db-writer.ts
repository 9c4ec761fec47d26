/**
 * Where report batches are committed. With a data folder the commits run on a worker thread
 * with its own SQLite connection, so an fsync (synchronous=FULL) never stalls the event loop
 * that answers polls and streams; while one batch commits, the next one gathers. An in-memory
 * database (tests, no data folder) cannot be shared between threads and is written inline.
 */
import { Worker } from 'node:worker_threads';
import type { RelayDb } from './db';

/** One report row: id, room, level, at, device, received_at, source (null: its own). */
export type ReportRow = [string, string, string, number, string, number, string | null];

/** Commits batches; resolves per row with true (inserted) or false (the id was already there). */
export interface ReportWriter {
  write(rows: ReportRow[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/** The insert both writers run; INSERT OR IGNORE makes a resent id a no-op. */
export const INSERT_REPORT =
  'INSERT OR IGNORE INTO reports (id, room, level, at, device, received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** Commits on the calling thread (for in-memory databases). */
export function inlineWriter(db: RelayDb): ReportWriter {
  const insert = db.prepare(INSERT_REPORT);
  const write = db.transaction((rows: ReportRow[]) => rows.map((r) => insert.run(r).changes > 0));
  return {
    write: async (rows) => write(rows),
    close: async () => {},
  };
}

type Reply = { seq: number; inserted?: boolean[]; error?: string };

/** Commits on a worker thread with its own connection to `file` (WAL, synchronous=FULL). */
export function workerWriter(file: string): ReportWriter {
  const worker = new Worker(new URL('./db-writer.worker.js', import.meta.url), {
    workerData: { file, insert: INSERT_REPORT },
  });
  const waiting = new Map<number, { done(v: boolean[]): void; fail(e: Error): void }>();
  let seq = 0;
  let failure: Error | undefined;
  const failAll = (e: Error) => {
    failure = e;
    for (const w of waiting.values()) w.fail(e);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.seq);
    waiting.delete(reply.seq);
    if (reply.inserted) w?.done(reply.inserted);
    else w?.fail(new Error(reply.error ?? 'the database refused the batch'));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the database writer stopped')));
  return {
    write(rows) {
      if (failure) return Promise.reject(failure);
      return new Promise((done, fail) => {
        waiting.set(++seq, { done, fail });
        worker.postMessage({ seq, rows });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
