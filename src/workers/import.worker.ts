/**
 * The import worker: downloads, parses and stores a schedule off the main thread, so the page
 * stays responsive while FOSDEM's 2.5 MB file is read. Also keeps the XML and ICS parsers out of
 * the first-load bundle.
 */

import { openPlanBDb } from '../storage/db';
import { ImportError } from '../storage/errors';
import type { PlanBDb } from '../storage/schema';
import { type ImportRequest, runImport } from '../sync/schedule-import';
import type { WorkerReply } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
let db: Promise<PlanBDb> | undefined;

self.onmessage = async (
  event: MessageEvent<{ id: number; request: ImportRequest; dbName?: string }>,
) => {
  const { id, request, dbName } = event.data;
  const reply = (message: WorkerReply) => self.postMessage(message);
  try {
    db ??= openPlanBDb(dbName, {
      onBlocking: () => {
        db = undefined;
      },
    });
    const outcome = await runImport(await db, request, (progress) =>
      reply({ id, type: 'progress', progress }),
    );
    reply({ id, type: 'done', outcome });
  } catch (error) {
    const { detail, reason } = ImportError.from(error);
    reply({ id, type: 'error', error: { detail, reason } });
  }
};
