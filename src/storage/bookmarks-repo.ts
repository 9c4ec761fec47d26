/**
 * Bookmarks ("on my schedule"), keyed by TalkKey so they follow a talk that moves or changes
 * time, and kept with a snapshot of the talk so one whose talk disappears can still be shown.
 */
import type { Talk, TalkKey } from '../domain/model';
import { guardQuota } from './errors';
import { type Bookmark, NAMES, type PlanBDb, snapshotOf } from './schema';

/** Bookmarks a talk; bookmarking it again keeps the first addedAt and refreshes the snapshot. */
export function addBookmark(db: PlanBDb, talk: Talk, now: number = Date.now()): Promise<Bookmark> {
  return guardQuota('your bookmark', async () => {
    const tx = db.transaction(NAMES.bookmarks, 'readwrite');
    const existing = await tx.store.get(talk.key);
    const bookmark: Bookmark = {
      talk: talk.key,
      addedAt: existing?.addedAt ?? now,
      snapshot: snapshotOf(talk),
    };
    await Promise.all([tx.store.put(bookmark), tx.done]);
    return bookmark;
  });
}

/** Removes a bookmark (no error when there was none). */
export function removeBookmark(db: PlanBDb, key: TalkKey): Promise<void> {
  return db.delete(NAMES.bookmarks, key);
}

/** Every bookmark, oldest first (orphans included: check them against the conference). */
export async function listBookmarks(db: PlanBDb): Promise<Bookmark[]> {
  const all = await db.getAll(NAMES.bookmarks);
  return all.sort((a, b) => a.addedAt - b.addedAt || a.talk.localeCompare(b.talk));
}
