/**
 * The user-data tools of the Notes view: the Markdown or ICS write-up, a backup file, restoring
 * one, and bookmarks from a calendar file. Their code (and the storage it reads) loads on demand.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { ExportFile } from '../domain/export/file';
import type { ExportKind } from '../domain/export/selection';
import type { Conference } from '../domain/model';
import type { CalendarImportResult, RestoreResult } from '../storage/backup-repo';
import type { PlanBDb } from '../storage/schema';

export type { CalendarImportResult, RestoreResult };

/** What to export. */
export interface ExportRequest {
  /** A venue-local date (YYYY-MM-DD); the whole conference when absent. */
  day?: string;
  kinds: readonly ExportKind[];
  /** The app's clock: bookmarked talks over by then and not attended are "missed". */
  now?: number;
}

/** The tools as the views see them (through store.notes). */
export interface UserFiles {
  /** The Markdown or ICS write-up, from what is saved (pending drafts are saved first). */
  exportFile(format: 'markdown' | 'ics', request: ExportRequest): Promise<ExportFile>;
  /** A backup file of everything the user made. */
  backupFile(): Promise<ExportFile>;
  /** Merges a backup (its text) into the device; throws RestoreError, and then nothing changed. */
  restore(text: string): Promise<RestoreResult>;
  /** Bookmarks the talks of a calendar file (FOSDEM Companion or Plan B ICS). */
  importCalendar(text: string): Promise<CalendarImportResult>;
}

/** What the tools need from the store. */
export interface UserFilesDeps {
  db: PlanBDb;
  conference: ReadonlySignal<Conference | undefined>;
  realNow(): number;
  /** Saves every pending note draft (a file is made from what is saved). */
  flushAll(): Promise<void>;
  /** A restore changed everything: re-read notes, attendance and bookmarks; tell other tabs. */
  afterRestore(): Promise<void>;
  /** A calendar import added bookmarks: re-read them; tell other tabs. */
  afterCalendarImport(): Promise<void>;
}

/** Creates the user-data tools. */
export function createUserFiles(deps: UserFilesDeps): UserFiles {
  const { db } = deps;
  const requireConference = (): Conference => {
    const conference = deps.conference.value;
    if (!conference) throw new Error('Load a schedule first.');
    return conference;
  };
  const named = () => {
    const conference = deps.conference.value;
    return { now: deps.realNow(), ...(conference ? { conference } : {}) };
  };
  return {
    async exportFile(format, request) {
      const conference = requireConference();
      await deps.flushAll();
      const [{ collectUserData }, { selectForExport }, { exportDocument }] = await Promise.all([
        import('../storage/backup-repo'),
        import('../domain/export/selection'),
        import('../domain/export/file'),
      ]);
      const data = await collectUserData(db);
      const day = request.day ? { day: request.day } : {};
      const now = request.now !== undefined ? { now: request.now } : {};
      const selection = selectForExport(conference, data, { ...day, ...now, kinds: request.kinds });
      return exportDocument(selection, format, { now: deps.realNow(), ...day });
    },
    async backupFile() {
      await deps.flushAll();
      const [{ backupUserData }, { backupFile }] = await Promise.all([
        import('../storage/backup-repo'),
        import('../domain/export/file'),
      ]);
      return backupFile(await backupUserData(db, named()));
    },
    async restore(text) {
      await deps.flushAll();
      const { restoreBackup } = await import('../storage/backup-repo');
      const result = await restoreBackup(db, text, named());
      await deps.afterRestore();
      return result;
    },
    async importCalendar(text) {
      const conference = requireConference();
      const { importCalendarBookmarks } = await import('../storage/backup-repo');
      const result = await importCalendarBookmarks(db, conference, text, deps.realNow());
      await deps.afterCalendarImport();
      return result;
    },
  };
}
