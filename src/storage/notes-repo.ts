/**
 * The user's notes on talks, keyed by TalkKey and kept with a snapshot of the talk. A write says
 * which version of the note it replaces, so an editor never silently overwrites another tab's.
 */
import type { Talk, TalkKey } from '../domain/model';
import { guardQuota } from './errors';
import { NAMES, type Note, type PlanBDb, snapshotOf, unknownTalk } from './schema';

/** What writeNote did: wrote `record`, or found `record` (another version) and wrote nothing. */
export type NoteWrite = { kind: 'saved'; record: Note } | { kind: 'conflict'; record: Note };

/** How writeNote decides and stamps. */
export interface NoteWriteOptions {
  /** updatedAt of the version this text replaces; null when the writer saw no note. */
  base: number | null;
  /** Write even when the stored note is another version (the user chose "keep mine"). */
  force?: boolean;
  /** Real time for updatedAt (always later than the stored one). */
  now?: number;
  /** The talk, for a fresh snapshot; absent (an orphan): the stored snapshot is kept. */
  talk?: Talk;
}

/**
 * Writes the note on `key` only if the stored one is still at `base` (or with `force`), in one
 * transaction, so two tabs can never both think their write won. Throws StorageFullError.
 */
export function writeNote(
  db: PlanBDb,
  key: TalkKey,
  text: string,
  options: NoteWriteOptions,
): Promise<NoteWrite> {
  const { base, force = false, now = Date.now(), talk } = options;
  return guardQuota('your note', async () => {
    const tx = db.transaction(NAMES.notes, 'readwrite');
    const current = await tx.store.get(key);
    if (current && current.updatedAt !== base && !force) {
      await tx.done;
      return { kind: 'conflict', record: current };
    }
    const record: Note = {
      ...current,
      talk: key,
      text,
      updatedAt: Math.max(now, (current?.updatedAt ?? 0) + 1),
      snapshot: talk ? snapshotOf(talk) : (current?.snapshot ?? unknownTalk(key)),
    };
    await Promise.all([tx.store.put(record), tx.done]);
    return { kind: 'saved', record };
  });
}

/** The note on a talk, or undefined. */
export function getNote(db: PlanBDb, key: TalkKey): Promise<Note | undefined> {
  return db.get(NAMES.notes, key);
}

/** Every note, most recently updated first (orphans included). */
export async function listNotes(db: PlanBDb): Promise<Note[]> {
  const all = await db.getAll(NAMES.notes);
  return all.sort((a, b) => b.updatedAt - a.updatedAt || a.talk.localeCompare(b.talk));
}
