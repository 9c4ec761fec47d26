/**
 * The page's side of imports: runs them in the import worker (module workers), or in the page
 * when there is none (tests, old browsers). Either way the caller gets progress and an outcome,
 * or an ImportError whose message is safe to show and whose `reason` says what kind of failure.
 */
import { ImportError } from '../storage/errors';
import type { PlanBDb } from '../storage/schema';
import type { ImportOutcome, ImportProgress, ImportRequest } from '../sync/schedule-import';
import type { WorkerReply } from '../workers/protocol';

/** Runs one import. */
export type Importer = (
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
  cancel?: AbortSignal,
) => Promise<ImportOutcome>;

/** Imports in the page itself, with the given database (tests; browsers without module workers). */
export function createInPageImporter(db: PlanBDb, fetchImpl?: typeof fetch): Importer {
  return async (request, onProgress, cancel) => {
    const { runImport } = await import('../sync/schedule-import');
    try {
      return await runImport(db, request, onProgress, fetchImpl, cancel);
    } catch (error) {
      throw ImportError.from(error);
    }
  };
}

/** Imports in a module worker; one worker, started on first use. */
export function createWorkerImporter(dbName?: string): Importer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (o: ImportOutcome) => void;
      reject: (e: Error) => void;
      onProgress: (p: ImportProgress) => void;
    }
  >();
  const start = () => {
    const w = new Worker(new URL('../workers/import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'planb-import',
    });
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'progress') job.onProgress(reply.progress);
      else {
        pending.delete(reply.id);
        if (reply.type === 'done') job.resolve(reply.outcome);
        else job.reject(new ImportError(reply.error.detail, undefined, reply.error.reason));
      }
    };
    w.onerror = (event) => {
      for (const job of pending.values())
        job.reject(new ImportError(`The import stopped unexpectedly (${event.message}).`, event));
      pending.clear();
      worker = undefined;
    };
    return w;
  };
  return (request, onProgress, cancel) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      cancel?.addEventListener('abort', () => w.postMessage({ id, cancel: true }), { once: true });
      w.postMessage({ id, request, ...(dbName ? { dbName } : {}) });
    });
}
