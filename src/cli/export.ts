/**
 * `planb export`: the app's Markdown and ICS exporters, run on a schedule and a backup file, so
 * a write-up can be made on a laptop too. The document goes to stdout, problems to stderr.
 */
import { parseBackup } from '../domain/export/backup';
import { exportDocument } from '../domain/export/file';
import { selectForExport, WRITE_UP_KINDS } from '../domain/export/selection';
import { readSource } from '../node/read-source';
import { loadConference } from './load';

/** The formats `planb export --format` writes. */
export const EXPORT_FORMATS = ['markdown', 'ics'] as const;

/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of `planb export`. */
export interface ExportCommandOptions {
  /** Path (or URL) of a Plan B backup file. */
  backup: string;
  format: ExportFormat;
  /** A venue-local date of the conference, YYYY-MM-DD; the whole conference when absent. */
  day?: string;
}

/**
 * Exports the talks a backup has records on: for Markdown, those attended or with notes, then
 * the bookmarked ones missed; for ICS, attended, bookmarked or with notes. Throws
 * SourceError, ScheduleError, BackupError or ExportError, each with a message for the user.
 * The result lacks its last "\n", which the caller's line-wise output adds back (so an ICS
 * document still ends in CRLF).
 */
export async function runExport(
  schedule: string,
  options: ExportCommandOptions,
  now: number = Date.now(),
): Promise<string> {
  const backup = parseBackup((await readSource(options.backup)).text);
  const conference = await loadConference(schedule);
  const day = options.day ? { day: options.day } : {};
  // The write-up holds what the attendee saw or wrote about (bookmarks left: "What I missed");
  // the calendar, every talk they had a record on.
  const kinds = options.format === 'markdown' ? { kinds: WRITE_UP_KINDS } : {};
  const selection = selectForExport(conference, backup, { ...day, ...kinds, now });
  const { text } = exportDocument(selection, options.format, { now, ...day });
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
