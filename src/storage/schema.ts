/**
 * The whole IndexedDB layout in one place: names, DB_VERSION, record shapes and the cumulative
 * upgrade steps. Schedule stores (conferences, talks, meta) are replaced on each import; user
 * stores (bookmarks, notes, attended, reports, settings) are keyed by TalkKey or room slug and
 * survive every import.
 *
 * Versions:
 * 1. conferences, talks (indexes by-version, by-day, by-room), meta, notes, attended, reports,
 *    settings; bookmarks were one array of TalkKeys in settings under "bookmarks".
 * 2. talks gain a by-track index; bookmarks get their own store, with when they were added and
 *    a snapshot of the talk so a bookmark whose talk disappears can still be shown.
 * 3. talks lose the by-day, by-room and by-track indexes: the app reads a whole version at once
 *    (the start-up snapshots, else by primary-key range) and filters in memory, so nothing read
 *    them, and every import paid for keeping them.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ReportRecord } from '../domain/export/backup-format';
import type { Conference, Talk, TalkKey } from '../domain/model';
import type { TalkSnapshot } from '../domain/snapshot';
import { snapshotOf, unknownSnapshot as unknownTalk } from '../domain/snapshot';

/** Default database name (tests pass their own to openPlanBDb). */
export const DB_NAME = 'planb';

/** Bump with a new `if (oldVersion < N)` step below; never edit a past step. */
export const DB_VERSION = 3;

/** Store and index names. Do not change without a migration: they are the on-disk layout. */
export const NAMES = {
  conferences: 'conferences',
  talks: 'talks',
  meta: 'meta',
  bookmarks: 'bookmarks',
  notes: 'notes',
  attended: 'attended',
  reports: 'reports',
  settings: 'settings',
  byVersion: 'by-version',
  byDay: 'by-day',
  byRoom: 'by-room',
  byTrack: 'by-track',
  /** meta key of the current conference version id. */
  current: 'current',
  /**
   * meta keys of the current version's talks as two JSON texts ("<version id>\n<json>"), read at
   * start-up in one request each, much faster than reviving hundreds of records: the talks
   * without abstract, description and links (parsed at once), and those three per talk (parsed
   * on first use; three quarters of the text at FOSDEM). Absent in databases written before
   * they existed; the talks store stays the source of truth.
   */
  currentSummaries: 'current-summaries',
  currentDetails: 'current-details',
  /** meta key of an earlier one-text snapshot of the talks; deleted by the next import. */
  v2CurrentTalks: 'current-talks',
  /** settings key where version 1 kept bookmarks (migrated away in version 2). */
  v1Bookmarks: 'bookmarks',
} as const;

/** A conference without its talks: what the `conferences` store keeps per imported version. */
export type ConferenceMeta = Omit<Conference, 'talks'>;

/** One imported version of a schedule. */
export interface ConferenceVersion {
  /** Random id of this import; talks are keyed [id, talk key]. */
  id: string;
  /** When it was imported, UTC ms. */
  importedAt: number;
  /** File name or URL it came from. */
  source: string;
  /** HTTP validators for the next conditional GET. */
  etag?: string;
  lastModified?: string;
  conference: ConferenceMeta;
  talkCount: number;
}

/** A talk as stored: tagged with its version and its position in the parsed order. */
export interface StoredTalk extends Talk {
  version: string;
  order: number;
}

/** What a user record remembers of its talk (see domain/snapshot.ts). */
export type { TalkSnapshot } from '../domain/snapshot';

/** A bookmarked talk ("on my schedule"). */
export interface Bookmark {
  talk: TalkKey;
  addedAt: number;
  snapshot: TalkSnapshot;
}

/** The user's note on a talk. */
export interface Note {
  talk: TalkKey;
  text: string;
  updatedAt: number;
  snapshot: TalkSnapshot;
}

/** A talk the user attended (or says they did). */
export interface Attended {
  talk: TalkKey;
  at: number;
  /** Optional short rating, a whole number from 1 to 5 (added in version 2; no index). */
  rating?: number;
  snapshot: TalkSnapshot;
}

/**
 * One crowd report in the outbox (src/sync/report-outbox.ts). It counts in this phone's view
 * from the moment it is saved; `sentAt` is set once the relay accepted it, `rejected` when the
 * relay refused it for good (unknown room…); `attempts` and `nextAttemptAt` pace the retries.
 * The fields a backup carries are domain/export's ReportRecord.
 */
export interface CrowdReportRecord extends ReportRecord {
  attempts?: number;
  nextAttemptAt?: number;
  /** The relay's reason when it refused the report; it is not sent again. */
  rejected?: string;
}

/** The typed schema of the current version (DB_VERSION). */
export interface PlanBSchema extends DBSchema {
  conferences: { key: string; value: ConferenceVersion };
  talks: {
    key: [string, TalkKey];
    value: StoredTalk;
    indexes: { 'by-version': string };
  };
  meta: { key: string; value: string };
  bookmarks: { key: TalkKey; value: Bookmark };
  notes: { key: TalkKey; value: Note };
  attended: { key: TalkKey; value: Attended };
  reports: { key: string; value: CrowdReportRecord; indexes: { 'by-room': string } };
  settings: { key: string; value: unknown };
}

/** An open Plan B database. */
export type PlanBDb = IDBPDatabase<PlanBSchema>;

type UpgradeTx = IDBPTransaction<PlanBSchema, StoreNames<PlanBSchema>[], 'versionchange'>;

/** Runs every upgrade step the database has not seen yet, oldest first, in the upgrade tx. */
export function upgradePlanBDb(db: PlanBDb, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore(NAMES.conferences, { keyPath: 'id' });
    const talks = db.createObjectStore(NAMES.talks, { keyPath: ['version', 'key'] });
    talks.createIndex(NAMES.byVersion, 'version');
    pastIndexes(talks).createIndex(NAMES.byDay, ['version', 'day']);
    pastIndexes(talks).createIndex(NAMES.byRoom, ['version', 'room']);
    db.createObjectStore(NAMES.meta);
    db.createObjectStore(NAMES.notes, { keyPath: 'talk' });
    db.createObjectStore(NAMES.attended, { keyPath: 'talk' });
    const reports = db.createObjectStore(NAMES.reports, { keyPath: 'id' });
    reports.createIndex(NAMES.byRoom, 'room');
    db.createObjectStore(NAMES.settings);
  }
  if (oldVersion < 2) {
    pastIndexes(tx.objectStore(NAMES.talks)).createIndex(NAMES.byTrack, ['version', 'track']);
    db.createObjectStore(NAMES.bookmarks, { keyPath: 'talk' });
    // A failure aborts the upgrade (the open rejects) rather than commit without the bookmarks.
    moveV1Bookmarks(tx).catch(() => tx.abort());
  }
  if (oldVersion < 3) {
    const talks = pastIndexes(tx.objectStore(NAMES.talks));
    for (const index of [NAMES.byDay, NAMES.byRoom, NAMES.byTrack]) talks.deleteIndex(index);
  }
}

/**
 * A store as past upgrade steps saw it: with indexes the current schema (typed as DB_VERSION)
 * no longer has. Only upgrade steps use it.
 */
function pastIndexes(store: object): {
  createIndex(name: string, keyPath: string | string[]): unknown;
  deleteIndex(name: string): void;
} {
  return store as ReturnType<typeof pastIndexes>;
}

/**
 * Version 2: settings["bookmarks"] (TalkKey[]) → one Bookmark per key. The snapshot comes from
 * the current schedule when the talk is in it; the old format had no date, so addedAt is now.
 */
async function moveV1Bookmarks(tx: UpgradeTx): Promise<void> {
  const settings = tx.objectStore(NAMES.settings);
  const old = await settings.get(NAMES.v1Bookmarks);
  if (old === undefined) return;
  const keys = Array.isArray(old) ? old.filter((k): k is string => typeof k === 'string') : [];
  const version = await tx.objectStore(NAMES.meta).get(NAMES.current);
  const talks = tx.objectStore(NAMES.talks);
  const bookmarks = tx.objectStore(NAMES.bookmarks);
  const now = Date.now();
  for (const key of new Set(keys)) {
    const talk = version ? await talks.get([version, key]) : undefined;
    await bookmarks.put({
      talk: key,
      addedAt: now,
      snapshot: talk ? snapshotOf(talk) : unknownTalk(key),
    });
  }
  await settings.delete(NAMES.v1Bookmarks);
}

/** What a user record keeps of a talk; a placeholder for a key whose talk was never seen. */
export { snapshotOf, unknownTalk };
