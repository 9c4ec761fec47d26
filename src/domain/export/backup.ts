/**
 * The Plan B backup file: every record a user made (bookmarks, notes, attendance, own crowd
 * reports, settings) as one versioned JSON object. Pure: storage/backup-repo.ts reads and writes
 * the database; this module builds, checks and parses the file. The format is documented in
 * BACKUP-FORMAT.md beside this file.
 *
 * Unknown fields are data, not noise: a newer Plan B may add fields, and an older one must carry
 * them through a restore and the next backup. Records keep every field they arrive with; unknown
 * top-level fields travel in UserData.unknownFields.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  BackupError,
  KNOWN_BACKUP_FIELDS,
  MAX_BACKUP_CHARS,
  type UserData,
} from './backup-format';
import { readRecords } from './backup-records';

export type { MergeCount, MergePlan, MergeSummary } from '../import/backup-merge';
export { mergeUserData } from '../import/backup-merge';
export * from './backup-format';

/**
 * Builds a backup of the user's data, records sorted by key so two backups of the same data are
 * identical. `now` is a parameter (domain code never reads the clock).
 */
export function createBackup(
  data: UserData,
  options: { now: number; conference?: { title: string; acronym: string } },
): Backup {
  const byTalk = <R extends { talk: string }>(rs: readonly R[]) =>
    [...rs].sort((a, b) => compare(a.talk, b.talk));
  const { conference } = options;
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    ...(conference ? { conference: { title: conference.title, acronym: conference.acronym } } : {}),
    bookmarks: byTalk(data.bookmarks),
    notes: byTalk(data.notes),
    attended: byTalk(data.attended),
    reports: [...data.reports].sort((a, b) => a.at - b.at || compare(a.id, b.id)),
    settings: { ...data.settings },
    // After the known fields, so the file starts with its header; they can never override one.
    ...withoutKnownFields(data.unknownFields),
  };
  return backup;
}

/** The backup as the text of a .json file (2-space indented, final newline). */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** Parses a backup file's text. Throws BackupError and nothing else. */
export function parseBackup(text: string): Backup {
  if (text.length > MAX_BACKUP_CHARS) {
    throw new BackupError(
      'too-large',
      `it is ${(text.length / 1024 / 1024).toFixed(0)} MB; a backup may be at most ${MAX_BACKUP_CHARS / 1024 / 1024} MB.`,
    );
  }
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new BackupError('empty', 'the file is empty.');
  if (/^(?:<|BEGIN:VCALENDAR)/i.test(body)) {
    throw new BackupError(
      'not-a-backup',
      'it looks like a schedule or calendar, not a backup (a backup is a .json file made by Plan B).',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new BackupError('not-json', `it is not valid JSON (${(e as Error).message}).`);
  }
  return validateBackup(data);
}

/**
 * Checks a parsed backup and returns it normalized: times as UTC ms (ISO strings are accepted),
 * duplicate records folded (the newest note per talk, the first of anything else), missing
 * arrays empty. Every field it does not know is kept. Throws BackupError naming the first
 * problem's JSON path.
 */
export function validateBackup(data: unknown): Backup {
  if (!isObject(data)) {
    throw new BackupError(
      'not-a-backup',
      'it is JSON but not an object with "format": "planb-backup".',
    );
  }
  if (data.format !== BACKUP_FORMAT) {
    const hint = 'schedule' in data ? ' It looks like a schedule.' : '';
    throw new BackupError(
      'not-a-backup',
      `it has no "format": "${BACKUP_FORMAT}", so it was not made by Plan B.${hint}`,
      'format',
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError('wrong-shape', 'must be a whole number (1).', 'version');
  }
  if (version > BACKUP_VERSION) {
    throw new BackupError(
      'newer-version',
      `it was made by a newer Plan B (backup format version ${version}; this one reads up to ${BACKUP_VERSION}). Update Plan B and try again.`,
      'version',
    );
  }
  const records = readRecords(data);
  const exportedAt = data.exportedAt;
  return {
    format: BACKUP_FORMAT,
    version,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
    ...records,
    ...withoutKnownFields(data),
  };
}

/** The user data a backup carries, its unknown top-level fields split out. */
export function userDataFromBackup(backup: Backup): UserData {
  return {
    bookmarks: backup.bookmarks,
    notes: backup.notes,
    attended: backup.attended,
    reports: backup.reports ?? [],
    settings: backup.settings ?? {},
    unknownFields: withoutKnownFields(backup as unknown as Record<string, unknown>),
  };
}

/** The fields of an object this version does not know (and never `__proto__`). */
function withoutKnownFields(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([k]) => !KNOWN_BACKUP_FIELDS.has(k) && k !== '__proto__'),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
