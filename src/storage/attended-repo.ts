/**
 * Talks the user attended, with an optional short rating (1–5), keyed by TalkKey and kept with
 * a snapshot of the talk like bookmarks and notes. The app offers "Did you attend?" for
 * bookmarked talks that have ended (domain/attendance.ts talksToConfirm).
 */
import type { Talk, TalkKey } from '../domain/model';
import { guardQuota } from './errors';
import { type Attended, NAMES, type PlanBDb, snapshotOf } from './schema';

/** Highest rating; ratings are whole numbers from 1 to RATING_MAX. */
export const RATING_MAX = 5;

/** Throws RangeError unless `rating` is a whole number from 1 to 5. */
export function checkRating(rating: number): void {
  if (!Number.isInteger(rating) || rating < 1 || rating > RATING_MAX) {
    throw new RangeError(`A rating is a whole number from 1 to ${RATING_MAX} (got ${rating}).`);
  }
}

/** Options for markAttended. */
export interface MarkOptions {
  /** A rating to set; null removes the rating; absent keeps the one there is. */
  rating?: number | null;
  now?: number;
}

/**
 * Marks a talk attended. Marking it again keeps the first `at` (and any field a newer Plan B
 * added) and refreshes the snapshot; the rating changes only when `rating` is given.
 */
export async function markAttended(
  db: PlanBDb,
  talk: Talk,
  options: MarkOptions = {},
): Promise<Attended> {
  const { rating, now = Date.now() } = options;
  if (typeof rating === 'number') checkRating(rating);
  return guardQuota('your attendance', async () => {
    const tx = db.transaction(NAMES.attended, 'readwrite');
    const existing = await tx.store.get(talk.key);
    const record: Attended = {
      ...existing,
      talk: talk.key,
      at: existing?.at ?? now,
      snapshot: snapshotOf(talk),
    };
    if (rating === null) delete record.rating;
    else if (rating !== undefined) record.rating = rating;
    await Promise.all([tx.store.put(record), tx.done]);
    return record;
  });
}

/**
 * Sets or (with null) removes the rating of an attended talk, whether or not the talk is still
 * in the schedule. Resolves to undefined when the talk is not marked attended.
 */
export async function rateAttended(
  db: PlanBDb,
  key: TalkKey,
  rating: number | null,
): Promise<Attended | undefined> {
  if (rating !== null) checkRating(rating);
  return guardQuota('your rating', async () => {
    const tx = db.transaction(NAMES.attended, 'readwrite');
    const existing = await tx.store.get(key);
    if (!existing) {
      await tx.done;
      return undefined;
    }
    const record: Attended = { ...existing };
    if (rating === null) delete record.rating;
    else record.rating = rating;
    await Promise.all([tx.store.put(record), tx.done]);
    return record;
  });
}

/** Unmarks a talk (no error when it was not marked). */
export function unmarkAttended(db: PlanBDb, key: TalkKey): Promise<void> {
  return db.delete(NAMES.attended, key);
}

/** Every attended record, in the order the talks were attended (orphans included). */
export async function listAttended(db: PlanBDb): Promise<Attended[]> {
  const all = await db.getAll(NAMES.attended);
  return all.sort((a, b) => a.at - b.at || a.talk.localeCompare(b.talk));
}
