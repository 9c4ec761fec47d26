/**
 * The text of a calendar's lines as written, for messages: ical.js rewrites a value before it
 * fails on it ("2020-02-01T10:00" becomes "2020--0-2-T1T:10::0"), so an error that quotes what
 * the person's file says has to find it in the file.
 */

/** How a calendar writes a date and time, for messages about one it cannot read. */
export const ICS_DATE_HINT =
  'a calendar writes a date and time as 20200201T103000 (venue time) or 20200201T093000Z (UTC)';

/** The first `name` line (unfolded, up to 80 characters) of the n-th VEVENT, as written. */
export function eventLine(text: string, eventIndex: number, name: string): string | undefined {
  const block = text.split(/^BEGIN:VEVENT[ \t]*\r?$/im)[eventIndex + 1] ?? '';
  const unfolded = block.replace(/\r?\n[ \t]/g, '');
  const line = new RegExp(`^${name}[;:][^\\r\\n]*`, 'im').exec(unfolded)?.[0];
  return line && line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
