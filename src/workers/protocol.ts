/** Messages between the page and the import worker. */
import type { ImportErrorReason } from '../storage/errors';
import type { ImportOutcome, ImportProgress, ImportRequest } from '../sync/schedule-import';

/** What the page asks of the import worker: run import `id`, or cancel it. */
export type WorkerRequest =
  | { id: number; request: ImportRequest; dbName?: string }
  | { id: number; cancel: true };

/** What the worker sends back for request `id`. */
export type WorkerReply =
  | { id: number; type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'done'; outcome: ImportOutcome }
  | {
      id: number;
      type: 'error';
      error: { detail: string; reason: ImportErrorReason };
    };
