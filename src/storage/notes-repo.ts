/**
 * The user's notes on talks, keyed by TalkKey and kept with a snapshot of the talk. Minimal on
 * purpose: the notes editor (debounced saves, conflict with another tab) comes later.
 */
import type { Talk, TalkKey } from '../domain/model';
import { guardQuota } from './errors';
import { NAMES, type Note, type PlanBDb, snapshotOf } from './schema';

/** Saves the note on a talk and returns its updatedAt (UTC ms). */
export async function putNote(
  db: PlanBDb,
  talk: Talk,
  text: string,
  now: number = Date.now(),
): Promise<number> {
  const note: Note = { talk: talk.key, text, updatedAt: now, snapshot: snapshotOf(talk) };
  await guardQuota('your note', () => db.put(NAMES.notes, note));
  return now;
}

/** The note on a talk, or undefined. */
export function getNote(db: PlanBDb, key: TalkKey): Promise<Note | undefined> {
  return db.get(NAMES.notes, key);
}

/** Deletes the note on a talk (no error when there was none). */
export function deleteNote(db: PlanBDb, key: TalkKey): Promise<void> {
  return db.delete(NAMES.notes, key);
}

/** Every note, most recently updated first (orphans included). */
export async function listNotes(db: PlanBDb): Promise<Note[]> {
  const all = await db.getAll(NAMES.notes);
  return all.sort((a, b) => b.updatedAt - a.updatedAt || a.talk.localeCompare(b.talk));
}
