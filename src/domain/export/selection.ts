/**
 * Which talks an export holds and what it says about each: a chosen day or the whole
 * conference; talks the user attended, bookmarked or wrote notes on. A record whose talk is no
 * longer in the schedule (an orphan) is still exported, from the snapshot it keeps of its talk.
 * Bookmarked talks left out are "missed" (missed.ts): the write-up lists them apart.
 * Both exporters (Markdown and ICS) format what this module selects.
 */
import type { Conference, Link, Talk, TalkKey } from '../model';
import { unknownSnapshot } from '../snapshot';
import { MONTH_NAMES, parseIsoDate, venueDate, WEEKDAY_NAMES } from '../time';
import { locateRoom, roomLinks, UNKNOWN_BUILDING, venueForConference } from '../venue';
import type { AttendedRecord, ReportRecord, UserRecords } from './backup-format';
import { type MissedItem, missedItems } from './missed';
import { recordingOf } from './recording';

/** Why there is nothing to export for the asked selection. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: 'bad-day' | 'not-a-day',
    message: string,
  ) {
    super(message);
  }
}

/** Kinds of user record that put a talk into an export. */
export type ExportKind = 'attended' | 'bookmarked' | 'notes';

/** All kinds: the default selection (the calendar export). */
export const ALL_EXPORT_KINDS: readonly ExportKind[] = ['attended', 'bookmarked', 'notes'];

/**
 * The write-up's default: what the attendee saw or wrote about. A bookmarked talk they did not
 * attend is not theirs to write up: it goes to "What I missed".
 */
export const WRITE_UP_KINDS: readonly ExportKind[] = ['attended', 'notes'];

/** What to export. */
export interface SelectOptions {
  /** A venue-local date (YYYY-MM-DD) of the conference; the whole conference when absent. */
  day?: string;
  /** Talks with any of these records; all kinds when absent. */
  kinds?: readonly ExportKind[];
  /**
   * The app's clock, UTC ms: only talks over by then can be missed. Absent: the conference is
   * over.
   */
  now?: number;
}

/** One talk as the exporters show it. */
export interface ExportItem {
  key: TalkKey;
  /** The talk in the current schedule; undefined for an orphan (shown from its snapshot). */
  talk?: Talk;
  title: string;
  /** UTC ms; 0 when never known (an orphan restored without a snapshot). */
  start: number;
  end: number;
  /** Venue-local date, YYYY-MM-DD; '' when the time is unknown. */
  date: string;
  room: string;
  /** The building's name ("Building K", "Janson"), when the venue places the room. */
  building?: string;
  track: string;
  speakers: string[];
  cancelled: boolean;
  /** The note's text ('' when there is none), line ends normalized to \n. */
  note: string;
  bookmarked: boolean;
  attended?: { at?: number; rating?: number };
  links: {
    page?: string;
    slides: Link[];
    recordings: Link[];
    /** The one recording link a reader wants (recording.ts), when there is any. */
    recording?: Link;
    livestream?: string;
  };
}

/** The selected talks, grouped by venue-local day. */
export interface ExportSelection {
  conference: Pick<Conference, 'title' | 'acronym' | 'timeZone'>;
  /** Days that hold a selected talk, in order; each day's talks by start, room, title. */
  days: { date: string; items: ExportItem[] }[];
  /** Orphans whose time was never known (only when no day was chosen). */
  undated: ExportItem[];
  /** Bookmarked talks that are over and not selected (not attended, no notes), in time order. */
  missed: MissedItem[];
}

/**
 * Selects the talks to export. Throws ExportError when `day` is not a date of the conference.
 */
export function selectForExport(
  conference: Conference,
  records: UserRecords & { reports?: readonly ReportRecord[] },
  options: SelectOptions = {},
): ExportSelection {
  const day = options.day === undefined ? undefined : checkDay(conference, options.day);
  const kinds = new Set(options.kinds ?? ALL_EXPORT_KINDS);
  const notes = new Map(records.notes.map((n) => [n.talk, n]));
  const bookmarks = new Map(records.bookmarks.map((b) => [b.talk, b]));
  const attended = new Map(records.attended.map((a) => [a.talk, a]));
  const keys = new Set<TalkKey>();
  if (kinds.has('notes')) for (const n of records.notes) if (n.text.trim()) keys.add(n.talk);
  if (kinds.has('bookmarked')) for (const b of records.bookmarks) keys.add(b.talk);
  if (kinds.has('attended')) for (const a of records.attended) keys.add(a.talk);
  const missedKeys = records.bookmarks
    .map((b) => b.talk)
    .filter((key) => !keys.has(key) && !attended.has(key) && !notes.get(key)?.text.trim());

  const talks = new Map(conference.talks.map((t) => [t.key, t]));
  const place = placer(conference);
  const items: ExportItem[] = [];
  const missed: ExportItem[] = [];
  for (const key of [...keys, ...missedKeys]) {
    const talk = talks.get(key);
    const snapshot =
      notes.get(key)?.snapshot ?? attended.get(key)?.snapshot ?? bookmarks.get(key)?.snapshot;
    const shown = talk ?? snapshot ?? unknownSnapshot(key);
    const item: ExportItem = {
      key,
      ...(talk ? { talk } : {}),
      title: shown.title,
      start: shown.start,
      end: shown.end,
      date: shown.start > 0 ? venueDate(shown.start, conference.timeZone) : '',
      room: shown.room,
      ...place(shown.room),
      track: shown.track,
      speakers: talk ? talk.persons.map((p) => p.name) : [],
      cancelled: shown.cancelled,
      note: (notes.get(key)?.text ?? '').replace(/\r\n?/g, '\n'),
      bookmarked: bookmarks.has(key),
      ...attendance(attended.get(key)),
      links: talk ? linksOf(conference, talk) : { slides: [], recordings: [] },
    };
    if (day !== undefined && item.date !== day) continue;
    (keys.has(key) ? items : missed).push(item);
  }
  items.sort(byTime);
  const days = new Map<string, ExportItem[]>();
  for (const item of items) {
    if (item.date) days.set(item.date, [...(days.get(item.date) ?? []), item]);
  }
  return {
    conference: {
      title: conference.title,
      acronym: conference.acronym,
      timeZone: conference.timeZone,
    },
    days: [...days].map(([date, dayItems]) => ({ date, items: dayItems })),
    undated: items.filter((i) => !i.date),
    missed: missedItems(conference, missed.sort(byTime), records.reports ?? [], options.now),
  };
}

function byTime(a: ExportItem, b: ExportItem): number {
  return (
    a.start - b.start ||
    a.room.localeCompare(b.room) ||
    a.title.localeCompare(b.title) ||
    (a.key < b.key ? -1 : 1)
  );
}

/** "K.3.401, Building K"; just the room when the building is named like it ("Janson"). */
export function locationText(item: Pick<ExportItem, 'room' | 'building'>): string {
  const { room, building } = item;
  if (!building || room.toLowerCase().includes(building.toLowerCase())) return room;
  return room ? `${room}, ${building}` : building;
}

/** "Saturday 1 February 2020" for "2020-02-01" (English, as the write-up's headings). */
export function longDate(date: string): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

const WEEKDAYS = WEEKDAY_NAMES;
const MONTHS = MONTH_NAMES;

function checkDay(conference: Conference, day: string): string {
  if (!parseIsoDate(day)) {
    throw new ExportError('bad-day', `"${day}" is not a date: write it as YYYY-MM-DD.`);
  }
  if (!conference.days.some((d) => d.date === day)) {
    const dates = conference.days.map((d) => d.date).join(', ');
    throw new ExportError(
      'not-a-day',
      `${day} is not a day of ${conference.title} (its days are ${dates}).`,
    );
  }
  return day;
}

/** Room name → building name, from the rooms the schedule placed or else the venue's rules. */
function placer(conference: Conference): (room: string) => { building?: string } {
  const venue = venueForConference(conference);
  const rooms = new Map(conference.rooms.map((r) => [r.name, r.building]));
  return (room) => {
    if (!venue || !room) return {};
    const id = rooms.get(room) ?? locateRoom(venue, room)?.building ?? UNKNOWN_BUILDING;
    const name = venue.buildings.find((b) => b.id === id)?.name;
    return name ? { building: name } : {};
  };
}

function linksOf(conference: Conference, talk: Talk): ExportItem['links'] {
  const livestream = talk.room ? roomLinks(conference, talk.room).livestream : undefined;
  const recording = recordingOf(talk);
  return {
    ...(recording ? { recording } : {}),
    ...(talk.url ? { page: talk.url } : {}),
    slides: talk.links.slides,
    recordings: talk.links.recordings,
    ...(livestream ? { livestream } : {}),
  };
}

function attendance(record: AttendedRecord | undefined): Pick<ExportItem, 'attended'> {
  if (!record) return {};
  return {
    attended: {
      ...(record.at !== undefined ? { at: record.at } : {}),
      ...(record.rating !== undefined ? { rating: record.rating } : {}),
    },
  };
}
