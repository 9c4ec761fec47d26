/** Bookmarks ("on my schedule") as the views see them: store.bookmarks and its two actions. */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Talk, TalkKey } from '../domain/model';
import { addBookmark, listBookmarks, removeBookmark } from '../storage/bookmarks-repo';
import type { Bookmark, PlanBDb } from '../storage/schema';
import type { Notices } from './notices';

/** The bookmarks part of the store. */
export interface Bookmarks {
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, Bookmark>>;
  /** Re-reads every bookmark (start-up, another tab, a restore). */
  reload(): Promise<void>;
  toggle(talk: Talk): Promise<void>;
  /** Removes a bookmark by key (also one whose talk left the schedule). */
  remove(key: TalkKey): Promise<void>;
}

/** Creates the bookmarks part; a failed write is told as a notice, the list stays as it was. */
export function createBookmarks(deps: {
  db: PlanBDb;
  now: ReadonlySignal<number>;
  notices: Notices;
}): Bookmarks {
  const { db } = deps;
  const bookmarks = signal<ReadonlyMap<TalkKey, Bookmark>>(new Map());
  const change = async (write: (next: Map<TalkKey, Bookmark>) => Promise<void>) => {
    const next = new Map(bookmarks.value);
    try {
      await write(next);
      bookmarks.value = next;
    } catch (error) {
      deps.notices.push({ kind: 'error', text: (error as Error).message });
    }
  };
  return {
    bookmarks,
    async reload() {
      bookmarks.value = new Map((await listBookmarks(db)).map((b) => [b.talk, b]));
    },
    toggle: (talk) =>
      change(async (next) => {
        if (next.has(talk.key)) {
          await removeBookmark(db, talk.key);
          next.delete(talk.key);
        } else {
          next.set(talk.key, await addBookmark(db, talk, deps.now.value));
        }
      }),
    remove: (key) =>
      change(async (next) => {
        await removeBookmark(db, key);
        next.delete(key);
      }),
  };
}
