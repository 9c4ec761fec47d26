/**
 * User data whose talk is no longer in the schedule (removed, or another conference imported).
 * It is never dropped: the app lists it with the last known snapshot ("was: Sat 11:00, K.3.201").
 */
import type { Conference } from '../domain/model';
import { type Attended, type Bookmark, NAMES, type Note, type PlanBDb } from './schema';

/** Orphaned user records, each with the snapshot of its talk as last seen. */
export interface Orphans {
  bookmarks: Bookmark[];
  notes: Note[];
  attended: Attended[];
}

/** Finds the user records whose TalkKey is not in `conference` (everything, when undefined). */
export async function orphans(db: PlanBDb, conference: Conference | undefined): Promise<Orphans> {
  const keys = new Set(conference?.talks.map((t) => t.key));
  const tx = db.transaction([NAMES.bookmarks, NAMES.notes, NAMES.attended]);
  const [bookmarks, notes, attended] = await Promise.all([
    tx.objectStore(NAMES.bookmarks).getAll(),
    tx.objectStore(NAMES.notes).getAll(),
    tx.objectStore(NAMES.attended).getAll(),
  ]);
  const orphaned = <R extends { talk: string }>(records: R[]) =>
    records.filter((r) => !keys.has(r.talk));
  return {
    bookmarks: orphaned(bookmarks),
    notes: orphaned(notes),
    attended: orphaned(attended),
  };
}
