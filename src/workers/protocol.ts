/** Messages between the page and the import worker. */
import type { ImportErrorReason } from '../storage/errors';
import type { ImportOutcome, ImportProgress } from '../sync/schedule-import';

/** What the worker sends back for request `id`. */
export type WorkerReply =
  | { id: number; type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'done'; outcome: ImportOutcome }
  | {
      id: number;
      type: 'error';
      error: { detail: string; reason: ImportErrorReason };
    };
