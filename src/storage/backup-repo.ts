/**
 * Backup and restore of everything the user made (bookmarks, notes, attendance, own crowd
 * reports, settings), and bookmarks from a calendar file. Restore reads, merges and writes in
 * one transaction: a backup that cannot be read, or a write that fails, changes nothing.
 * Fields this version does not know survive: record fields are stored as they are, unknown
 * top-level fields under one settings key, written back out by the next backup.
 */
import {
  type Backup,
  BackupError,
  createBackup,
  type MergeSummary,
  mergeUserData,
  parseBackup,
  type UserData,
  userDataFromBackup,
  validateBackup,
} from '../domain/export/backup';
import { type CalendarBookmarks, matchCalendarBookmarks } from '../domain/import/calendar';
import type { Conference, Talk, TalkKey } from '../domain/model';
import { guardQuota, StorageFullError } from './errors';
import {
  type Attended,
  type Bookmark,
  type CrowdReportRecord,
  NAMES,
  type Note,
  type PlanBDb,
  type PlanBSchema,
  snapshotOf,
  type TalkSnapshot,
  unknownTalk,
} from './schema';

/** Settings key holding a restored backup's unknown top-level fields (not itself a setting). */
export const UNKNOWN_FIELDS_SETTING = 'planb:backup-unknown-fields';

const USER_STORES = [
  NAMES.bookmarks,
  NAMES.notes,
  NAMES.attended,
  NAMES.reports,
  NAMES.settings,
] as const;

/** A restore that did not happen; the message says why and that nothing was changed. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    message: string,
    /** The BackupError, StorageFullError or other failure underneath. */
    override readonly cause: unknown,
  ) {
    super(`${message.replace(/\.?$/, '.')} Nothing was changed.`, { cause });
  }
}

/** Everything the user made, read in one transaction. */
export function collectUserData(db: PlanBDb): Promise<UserData> {
  return readUserData(db.transaction(USER_STORES));
}

/** A backup of everything the user made; `conference` names the schedule it belongs to. */
export async function backupUserData(
  db: PlanBDb,
  options: { now?: number; conference?: Pick<Conference, 'title' | 'acronym'> } = {},
): Promise<Backup> {
  const { now = Date.now(), conference } = options;
  return createBackup(await collectUserData(db), { now, ...(conference ? { conference } : {}) });
}

/** What a restore did. */
export interface RestoreResult {
  summary: MergeSummary;
  /** The conference the backup names, when it is not the current one (its talks are orphans). */
  otherConference?: { title: string; acronym: string };
}

/**
 * Restores a backup (its text, or already-parsed JSON) by merging it into the database (see
 * mergeUserData: newer notes on the device are kept). Records whose talk is in `conference` get
 * a fresh snapshot of it. Throws RestoreError, and then nothing was changed.
 */
export async function restoreBackup(
  db: PlanBDb,
  input: string | unknown,
  options: { conference?: Conference; now?: number } = {},
): Promise<RestoreResult> {
  const { conference, now = Date.now() } = options;
  let backup: Backup;
  try {
    backup = typeof input === 'string' ? parseBackup(input) : validateBackup(input);
  } catch (e) {
    throw new RestoreError(e instanceof BackupError ? e.message : String(e), e);
  }
  const incoming = userDataFromBackup(backup);
  const { [UNKNOWN_FIELDS_SETTING]: _reserved, ...settings } = incoming.settings;
  const talks = new Map(conference?.talks.map((t) => [t.key, t]));
  const snapshot = (key: TalkKey, kept: TalkSnapshot | undefined) => {
    const talk = talks.get(key);
    return talk ? snapshotOf(talk) : (kept ?? unknownTalk(key));
  };

  let summary: MergeSummary;
  try {
    summary = await guardQuota('the restored backup', async () => {
      const tx = db.transaction(USER_STORES, 'readwrite');
      // When one request fails the transaction aborts and every other one rejects as well: the
      // first failure is the one reported, the rest are expected and silenced.
      const pending: Promise<unknown>[] = [];
      const track = (request: Promise<unknown>) => {
        request.catch(() => undefined);
        pending.push(request);
      };
      track(tx.done);
      try {
        const plan = mergeUserData(await readUserData(tx), { ...incoming, settings });
        for (const b of plan.bookmarks) {
          const addedAt = b.addedAt ?? now;
          const record: Bookmark = { ...b, addedAt, snapshot: snapshot(b.talk, b.snapshot) };
          track(tx.objectStore(NAMES.bookmarks).put(record));
        }
        for (const n of plan.notes) {
          const record: Note = { ...n, snapshot: snapshot(n.talk, n.snapshot) };
          track(tx.objectStore(NAMES.notes).put(record));
        }
        for (const a of plan.attended) {
          const record: Attended = {
            ...a,
            at: a.at ?? now,
            snapshot: snapshot(a.talk, a.snapshot),
          };
          track(tx.objectStore(NAMES.attended).put(record));
        }
        for (const r of plan.reports) {
          track(tx.objectStore(NAMES.reports).put(r as CrowdReportRecord));
        }
        const settingsStore = tx.objectStore(NAMES.settings);
        for (const [key, value] of Object.entries(plan.settings)) {
          track(settingsStore.put(value, key));
        }
        if (Object.keys(plan.unknownFields).length > 0) {
          track(settingsStore.put(plan.unknownFields, UNKNOWN_FIELDS_SETTING));
        }
        await Promise.all(pending);
        return plan.summary;
      } catch (e) {
        abortQuietly(tx);
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof StorageFullError) throw new RestoreError(e.message, e);
    throw new RestoreError(`The backup could not be restored (${(e as Error)?.message ?? e})`, e);
  }
  const named = backup.conference;
  const other =
    conference && named?.acronym && named.acronym !== conference.acronym ? named : undefined;
  return { summary, ...(other ? { otherConference: other } : {}) };
}

/** What importCalendarBookmarks did. */
export interface CalendarImportResult {
  /** Talks newly bookmarked. */
  added: Talk[];
  /** Matched talks that were bookmarked already (their bookmark is left as it was). */
  alreadyBookmarked: Talk[];
  unmatched: CalendarBookmarks['unmatched'];
}

/**
 * Bookmarks the talks of a FOSDEM Companion or Plan B calendar export, in one transaction.
 * Throws CalendarImportError (nothing added) for a file that is not a calendar.
 */
export async function importCalendarBookmarks(
  db: PlanBDb,
  conference: Conference,
  icsText: string,
  now: number = Date.now(),
): Promise<CalendarImportResult> {
  const { matched, unmatched } = matchCalendarBookmarks(conference, icsText);
  return guardQuota('the imported bookmarks', async () => {
    const tx = db.transaction(NAMES.bookmarks, 'readwrite');
    const held = new Set(await tx.store.getAllKeys());
    const added = matched.map((m) => m.talk).filter((t) => !held.has(t.key));
    await Promise.all([
      ...added.map((t) => tx.store.put({ talk: t.key, addedAt: now, snapshot: snapshotOf(t) })),
      tx.done,
    ]);
    const alreadyBookmarked = matched.map((m) => m.talk).filter((t) => held.has(t.key));
    return { added, alreadyBookmarked, unmatched };
  });
}

type UserStore = (typeof USER_STORES)[number];

/** The reads readUserData needs, whatever the transaction's mode. */
interface ReadableTx {
  objectStore<N extends UserStore>(
    name: N,
  ): {
    getAll(): Promise<PlanBSchema[N]['value'][]>;
    getAllKeys(): Promise<PlanBSchema[N]['key'][]>;
  };
}

/** The device's user data, read inside the given transaction (a restore reads in its own). */
async function readUserData(tx: ReadableTx): Promise<UserData> {
  const settingsStore = tx.objectStore(NAMES.settings);
  const [bookmarks, notes, attended, reports, keys, values] = await Promise.all([
    tx.objectStore(NAMES.bookmarks).getAll(),
    tx.objectStore(NAMES.notes).getAll(),
    tx.objectStore(NAMES.attended).getAll(),
    tx.objectStore(NAMES.reports).getAll(),
    settingsStore.getAllKeys(),
    settingsStore.getAll(),
  ]);
  const settings: Record<string, unknown> = {};
  let unknownFields: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    if (key !== UNKNOWN_FIELDS_SETTING) settings[key] = values[i];
    else if (isObject(values[i])) unknownFields = values[i];
  });
  return { bookmarks, notes, attended, reports, settings, unknownFields };
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was committed after the failure either way.
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
