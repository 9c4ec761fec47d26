import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { openPlanBDb } from '../../src/storage/db';
import { DB_VERSION } from '../../src/storage/schema';
import { freshName } from './fixtures';
import { buildV1 } from './v1-database';

function openRaw(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('sharing the database with other tabs', () => {
  it('closes when another tab needs a newer version, so its upgrade is not blocked', async () => {
    const name = freshName();
    const onBlocking = vi.fn();
    const db = await openPlanBDb(name, { onBlocking });

    const newer = await openRaw(name, DB_VERSION + 1); // resolves only if we let go
    expect(onBlocking).toHaveBeenCalledWith(DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await expect(db.get('settings', 'x')).rejects.toThrow(); // this connection is closed
  });

  it('waits, and says so, while an old tab that ignores upgrades keeps version 1 open', async () => {
    const name = freshName();
    await buildV1(name);
    const old = await openRaw(name, 1); // an old app version with no versionchange handler
    const onBlocked = vi.fn();
    const opening = openPlanBDb(name, { onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledWith(1));
    old.close(); // the user closes the old tab
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('reports a connection the browser closed abnormally', async () => {
    const onTerminated = vi.fn();
    const db = await openPlanBDb(freshName(), { onTerminated });
    // fake-indexeddb types this parameter as the class, not an instance.
    forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(onTerminated).toHaveBeenCalledOnce();
  });
});
