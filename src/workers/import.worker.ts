/**
 * The import worker: downloads, parses and stores a schedule off the main thread, so the page
 * stays responsive while FOSDEM's 2.5 MB file is read. Also keeps the XML and ICS parsers out of
 * the first-load bundle.
 */

import { openPlanBDb } from '../storage/db';
import { ImportError } from '../storage/errors';
import type { PlanBDb } from '../storage/schema';
import { runImport } from '../sync/schedule-import';
import type { WorkerReply, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
let db: Promise<PlanBDb> | undefined;
/** The imports running, to cancel them. */
const running = new Map<number, AbortController>();

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('cancel' in message) return void running.get(message.id)?.abort();
  const { id, request, dbName } = message;
  const reply = (message: WorkerReply) => self.postMessage(message);
  const controller = new AbortController();
  running.set(id, controller);
  try {
    db ??= openPlanBDb(dbName, {
      onBlocking: () => {
        db = undefined;
      },
    });
    const outcome = await runImport(
      await db,
      request,
      (progress) => reply({ id, type: 'progress', progress }),
      fetch,
      controller.signal,
    );
    reply({ id, type: 'done', outcome });
  } catch (error) {
    const { detail, reason } = ImportError.from(error);
    reply({ id, type: 'error', error: { detail, reason } });
  } finally {
    running.delete(id);
  }
};
