/**
 * What a user record (bookmark, note, attendance) remembers of its talk, so the record can be
 * shown and exported when its talk leaves the schedule. Shared by storage and the exports.
 */
import type { Talk, TalkKey } from './model';

/** The remembered part of a talk. */
export interface TalkSnapshot {
  title: string;
  /** UTC ms; 0 when never known. */
  start: number;
  end: number;
  room: string;
  track: string;
  cancelled: boolean;
}

/** A talk's snapshot as of now. */
export function snapshotOf(talk: Talk): TalkSnapshot {
  return {
    title: talk.title,
    start: talk.start,
    end: talk.end,
    room: talk.room,
    track: talk.track,
    cancelled: talk.cancelled,
  };
}

/** A placeholder for a key whose talk was never seen (migrated or restored data): its key. */
export function unknownSnapshot(key: TalkKey): TalkSnapshot {
  return {
    title: key.replace(/^\w+:/, ''),
    start: 0,
    end: 0,
    room: '',
    track: '',
    cancelled: false,
  };
}

/**
 * The user records (bookmarks, notes, attendance) whose talk is not in the schedule, earliest
 * remembered start first: never dropped, shown with their snapshot ("no longer in the schedule").
 */
export function orphaned<R extends { talk: TalkKey; snapshot: TalkSnapshot }>(
  records: Iterable<R>,
  talks: { has(key: TalkKey): boolean },
): R[] {
  return [...records]
    .filter((r) => !talks.has(r.talk))
    .sort(
      (a, b) =>
        a.snapshot.start - b.snapshot.start || a.snapshot.title.localeCompare(b.snapshot.title),
    );
}
