/**
 * Storage errors the UI can show as they are: each says what happened and what is still safe.
 */
import { ScheduleError } from '../domain/errors';

/**
 * Why an import failed: `download` (no network, the server refused), `cancelled` (the user
 * stopped it), `schedule` (the file is not
 * a schedule we can read), `storage` (the disk is full), `other` (anything else).
 */
export type ImportErrorReason = 'download' | 'cancelled' | 'schedule' | 'storage' | 'other';

/**
 * A schedule import that failed before anything was written; the message says so. The page's
 * importer rebuilds it from the worker's reply (`detail` and `reason` cross, the cause does not).
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    /** What went wrong, without "Your current schedule is unchanged." */
    readonly detail: string,
    /** The underlying ScheduleError, StorageFullError or other failure. */
    override readonly cause: unknown,
    readonly reason: ImportErrorReason = 'other',
  ) {
    super(`${detail} Your current schedule is unchanged.`, { cause });
  }

  /** Wraps any import failure; a ScheduleError keeps its own words. */
  static from(cause: unknown): ImportError {
    if (cause instanceof ImportError) return cause;
    if (cause instanceof ScheduleError)
      return new ImportError(cause.message.replace(/\.?$/, '.'), cause, 'schedule');
    if (cause instanceof StorageFullError)
      return new ImportError(cause.message.replace(/\.?$/, '.'), cause, 'storage');
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ImportError(`The schedule could not be saved (${detail}).`, cause);
  }
}

/** The browser refused a write because the origin's storage quota is used up. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(
    /** What was being saved, for the message: "your note", "the schedule". */
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(
      `There is no storage space left on this device, so ${what} could not be saved. ` +
        'Free some space (or remove old schedules) and try again.',
      { cause },
    );
  }
}

/** True for the browser's quota error, whether thrown by a request or by an aborted transaction. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  // 22 is the legacy DOMException code; Firefox once used NS_ERROR_DOM_QUOTA_REACHED.
  return (
    e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22
  );
}

/** Runs a write; a quota failure becomes a StorageFullError naming `what`, others pass through. */
export async function guardQuota<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaExceeded(error)) throw new StorageFullError(what, error);
    throw error;
  }
}
