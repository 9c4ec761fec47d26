/**
 * Exports as files: the text with the name and MIME type a download or a Web Share needs, so
 * the app and the command line name them alike ("fosdem-2020-notes-2020-02-01.md").
 */
import { slugify } from '../schedule/normalize';
import { type Backup, serializeBackup } from './backup';
import { exportIcs } from './ics';
import { exportMarkdown } from './markdown';
import type { ExportSelection } from './selection';

/** The formats of the write-up. */
export type DocumentFormat = 'markdown' | 'ics';

/** A file ready to download or share. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/**
 * The write-up of a selection as a file. `day` (YYYY-MM-DD) goes into the name when the
 * selection is one day; `now` is the ICS DTSTAMP.
 */
export function exportDocument(
  selection: ExportSelection,
  format: DocumentFormat,
  options: { now: number; day?: string },
): ExportFile {
  const base = `${slugify(selection.conference.acronym) || 'conference'}-notes${options.day ? `-${options.day}` : ''}`;
  return format === 'ics'
    ? {
        fileName: `${base}.ics`,
        mimeType: 'text/calendar;charset=utf-8',
        text: exportIcs(selection, { now: options.now }),
      }
    : {
        fileName: `${base}.md`,
        mimeType: 'text/markdown;charset=utf-8',
        text: exportMarkdown(selection),
      };
}

/** A backup as a file: "planb-backup-fosdem-2020-2020-02-02.json" (the date in UTC). */
export function backupFile(backup: Backup): ExportFile {
  const acronym = backup.conference ? slugify(backup.conference.acronym) : '';
  const date = backup.exportedAt.slice(0, 10);
  const name = ['planb-backup', acronym, date].filter(Boolean).join('-');
  return {
    fileName: `${name}.json`,
    mimeType: 'application/json',
    text: serializeBackup(backup),
  };
}
