/**
 * The ICS export: the selected talks as an iCalendar file (RFC 5545) for the user's calendar,
 * written with ical.js. One VEVENT per talk, its UID made from the TalkKey so re-importing an
 * updated export replaces events instead of duplicating them; times in UTC (no VTIMEZONE
 * needed); the notes in DESCRIPTION after a "Speakers:" line, which Plan B's own ICS importer
 * reads back as the talk's speakers. CRLF line ends, lines folded at 75 octets: ical.js's own
 * folding lets continuation lines reach 76 (it does not count the leading space), so the text
 * is refolded here on code-point boundaries.
 */
import ICAL from 'ical.js';
import type { TalkKey } from '../model';
import type { ExportItem, ExportSelection } from './selection';
import { locationText } from './selection';

/** The domain every Plan B UID ends with: `<encoded TalkKey>@planb`. */
export const PLANB_UID_SUFFIX = '@planb';

/** The stable UID of a talk's event: its TalkKey, URI-encoded, then "@planb". */
export function talkUid(key: TalkKey): string {
  return `${encodeURIComponent(key)}${PLANB_UID_SUFFIX}`;
}

/** The TalkKey in a Plan B UID, or undefined when the UID is not one of ours. */
export function talkKeyFromUid(uid: string): TalkKey | undefined {
  if (!uid.endsWith(PLANB_UID_SUFFIX)) return undefined;
  try {
    const key = decodeURIComponent(uid.slice(0, -PLANB_UID_SUFFIX.length));
    return /^\w+:./.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Options for exportIcs. */
export interface IcsOptions {
  /** DTSTAMP of every event, UTC ms: when the file is made (fixed in tests). */
  now: number;
}

/**
 * Renders the selected talks as an iCalendar document. Talks whose time was never known (undated
 * orphans) cannot be calendar events and are left out.
 */
export function exportIcs(selection: ExportSelection, options: IcsOptions): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Plan B//Plan B conference notes//EN');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', selection.conference.title);
  calendar.addPropertyWithValue('x-wr-timezone', selection.conference.timeZone);
  const stamp = utc(options.now);
  for (const day of selection.days) {
    for (const item of day.items) calendar.addSubcomponent(talkEvent(item, stamp));
  }
  return foldLines(ICAL.stringify(calendar.toJSON()));
}

function talkEvent(item: ExportItem, stamp: ICAL.Time): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', talkUid(item.key));
  event.addPropertyWithValue('dtstamp', stamp);
  event.addPropertyWithValue('dtstart', utc(item.start));
  event.addPropertyWithValue('dtend', utc(Math.max(item.end, item.start)));
  event.addPropertyWithValue('summary', item.title);
  const location = locationText(item);
  if (location) event.addPropertyWithValue('location', location);
  if (item.links.page) event.addPropertyWithValue('url', item.links.page);
  const description = describe(item);
  if (description) event.addPropertyWithValue('description', description);
  if (item.track) event.addPropertyWithValue('categories', item.track);
  if (item.cancelled) event.addPropertyWithValue('status', 'CANCELLED');
  return event;
}

/** "Speakers: A, B", a blank line, then the notes as written. */
function describe(item: ExportItem): string {
  const lines: string[] = [];
  if (item.speakers.length > 0) {
    lines.push(
      `${item.speakers.length === 1 ? 'Speaker' : 'Speakers'}: ${item.speakers.join(', ')}`,
    );
  }
  const note = item.note.trim();
  if (note) lines.push(lines.length > 0 ? `\n${note}` : note);
  return lines.join('\n');
}

function utc(ms: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(ms), true);
}

/** Most octets on a line, CRLF excluded (RFC 5545 §3.1). */
const FOLD_OCTETS = 75;

/**
 * Unfolds ical.js's output and folds it again so that no line, continuation lines' leading
 * space included, exceeds 75 octets of UTF-8, never splitting a character or a backslash
 * escape. CRLF throughout, with a final CRLF.
 */
export function foldLines(text: string): string {
  const logical = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of logical) {
    if (line === '') continue;
    let current = '';
    let octets = 0;
    // A backslash escape (\n, \,) stays on one line, for readers that unfold it naively.
    for (const [char] of line.matchAll(/\\.|[\s\S]/gu)) {
      const size = [...char].reduce((n, c) => n + utf8Length(c.codePointAt(0)!), 0);
      if (octets + size > FOLD_OCTETS) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += char;
      octets += size;
    }
    out.push(current);
  }
  return `${out.join('\r\n')}\r\n`;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
