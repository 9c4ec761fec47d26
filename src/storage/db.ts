/**
 * Opens the Plan B database and keeps it a good citizen among tabs: when another tab (or a new
 * service worker) needs a newer version, this connection closes so the upgrade can run, and the
 * app is told so it can ask for a reload instead of failing on a closed connection.
 */
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, type PlanBDb, type PlanBSchema, upgradePlanBDb } from './schema';

/** What the app wants to hear about the connection's life. All optional. */
export interface OpenHooks {
  /** Another tab still has an older version open and did not close it; we wait for it. */
  onBlocked?(currentVersion: number): void;
  /** Another tab wants a newer version: this connection has been closed; reload to continue. */
  onBlocking?(newVersion: number | null): void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  onTerminated?(): void;
}

/** Opens (creating or upgrading as needed) the Plan B database. */
export function openPlanBDb(name: string = DB_NAME, hooks: OpenHooks = {}): Promise<PlanBDb> {
  return openDB<PlanBSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgradePlanBDb(db, oldVersion, tx);
    },
    blocked(currentVersion) {
      hooks.onBlocked?.(currentVersion);
    },
    blocking(_currentVersion, blockedVersion, event) {
      (event.target as IDBDatabase).close();
      hooks.onBlocking?.(blockedVersion);
    },
    terminated() {
      hooks.onTerminated?.();
    },
  });
}
