/**
 * The shapes of the Plan B backup file (see BACKUP-FORMAT.md) and the error every way of
 * reading one can end in. Types and constants only; the logic is in backup.ts.
 */

import type { TalkKey } from '../model';
import type { TalkSnapshot } from '../snapshot';

/** The value of a backup's `format` field. */
export const BACKUP_FORMAT = 'planb-backup';

/** The format version this code writes and the newest it reads. Additive changes keep it. */
export const BACKUP_VERSION = 1;

/** Largest backup accepted, in characters (a heavy user's is well under 1 MB). */
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;

/** What a user record remembers of its talk, to show and export it when the talk is gone. */
export type RecordSnapshot = TalkSnapshot;

/** A bookmark as the backup holds it (extra fields are kept as they are). */
export interface BookmarkRecord {
  talk: TalkKey;
  /** When it was bookmarked, UTC ms. */
  addedAt?: number;
  snapshot?: RecordSnapshot;
}

/** A note as the backup holds it (extra fields are kept as they are). */
export interface NoteRecord {
  talk: TalkKey;
  /** Markdown as the user typed it. */
  text: string;
  /** Last edit, UTC ms: the newer note wins a restore. */
  updatedAt: number;
  snapshot?: RecordSnapshot;
}

/** An attended talk as the backup holds it (extra fields are kept as they are). */
export interface AttendedRecord {
  talk: TalkKey;
  /** When it was marked attended, UTC ms. */
  at?: number;
  /** Optional short rating, a whole number from 1 to 5. */
  rating?: number;
  snapshot?: RecordSnapshot;
}

/** One of the user's own crowd reports (the outbox record; extra fields are kept). */
export interface ReportRecord {
  /** Random id, the relay's idempotency key. */
  id: string;
  /** Room slug ("ub2252a"). */
  room: string;
  /** FULLNESS_LEVELS index: 0 seats, 1 standing, 2 full, 3 queue. */
  level: number;
  /** When the attendee tapped, UTC ms. */
  at: number;
  /** Anonymous per-install device id (one vote per device). */
  device: string;
  /** When the relay accepted it, UTC ms. */
  sentAt?: number;
}

/** The per-talk user records the exporters read. Storage records fit this shape as they are. */
export interface UserRecords {
  bookmarks: readonly BookmarkRecord[];
  notes: readonly NoteRecord[];
  attended: readonly AttendedRecord[];
}

/** Everything a backup carries, apart from its header. */
export interface UserData extends UserRecords {
  reports: readonly ReportRecord[];
  /** Settings by key, values as JSON. */
  settings: Readonly<Record<string, unknown>>;
  /** Top-level fields of a restored backup that this version does not know: written back out. */
  unknownFields: Readonly<Record<string, unknown>>;
}

/** A backup file's content (plus any unknown top-level fields, kept as own properties). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When it was made, ISO 8601 UTC. */
  exportedAt: string;
  /** Which conference the records belong to (informational: records are keyed by TalkKey). */
  conference?: { title: string; acronym: string };
  bookmarks: BookmarkRecord[];
  notes: NoteRecord[];
  attended: AttendedRecord[];
  reports?: ReportRecord[];
  settings?: Record<string, unknown>;
}

/** Top-level fields this version knows; any other survives as UserData.unknownFields. */
export const KNOWN_BACKUP_FIELDS: ReadonlySet<string> = new Set([
  'format',
  'version',
  'exportedAt',
  'conference',
  'bookmarks',
  'notes',
  'attended',
  'reports',
  'settings',
]);

/** Why a backup could not be read. */
export type BackupErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-a-backup'
  | 'newer-version'
  | 'wrong-shape';

/** Thrown for any backup that cannot be read; the message says what and where. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    /** What is wrong, in words for the user. */
    readonly problem: string,
    /** Where, when known: a JSON path like "notes[3].updatedAt". */
    readonly where?: string,
  ) {
    super(`This is not a Plan B backup we can read: ${where ? `${where}: ` : ''}${problem}`);
  }
}
