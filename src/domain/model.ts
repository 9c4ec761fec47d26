/**
 * The one normalized model every schedule format is mapped into. Plain JSON-serializable
 * data: it crosses Worker boundaries and is stored in IndexedDB as is.
 */

/**
 * A talk's stable identity across schedule versions: `guid:<guid>`, else `slug:<slug>`, else
 * `id:<conference>/<id>`. Numeric ids change between versions (FOSDEM 2024 changed every id);
 * guids and slugs do not, so all user data (bookmarks, notes, reports) is keyed on this.
 */
export type TalkKey = string;

/** Every format Plan B reads, as detected from the content. */
export type ScheduleFormat = 'pentabarf-xml' | 'frab-xml' | 'frab-json' | 'pretalx-json' | 'ics';

/** A conference as Plan B knows it: one schedule version, fully normalized. */
export interface Conference {
  /** Short stable identifier (acronym, else a slug of the title), used in fallback TalkKeys. */
  acronym: string;
  title: string;
  /** IANA zone of the venue; all display uses it, whatever the device's zone. */
  timeZone: string;
  /** Conference days in order (venue-local dates). */
  days: Day[];
  /** Every room the file lists, including rooms that hold no talk. */
  rooms: Room[];
  tracks: Track[];
  /** All talks, sorted by start, then room, then title. */
  talks: Talk[];
  persons: Person[];
  /** Base URL of the conference's own schedule pages, when the file names one. */
  baseUrl?: string;
  /** Venue and city as the file names them ("ULB (Université Libre de Bruxelles)", "Brussels"). */
  venue?: string;
  city?: string;
  /**
   * The source format and version string the file declared, and how many events were skipped
   * because they could not be read (no usable time): shown to the user, never silently lost.
   */
  source: { format: ScheduleFormat; version?: string; skippedEvents?: number };
}

/** One conference day: its venue-local date and the UTC span of its talks. */
export interface Day {
  index: number;
  /** Venue-local date, YYYY-MM-DD. */
  date: string;
  /** UTC ms of the first talk's start (or local midnight when the day is empty). */
  start: number;
  /** UTC ms of the last talk's end (or the next local midnight when the day is empty). */
  end: number;
}

/** A room, with the building it belongs to ("unknown" for virtual or unmapped rooms). */
export interface Room {
  name: string;
  /** "UB2.252A (Lameere)" → "ub2252a"; the file's own slug wins where present. */
  slug: string;
  /** Building id from the venue model (e.g. "J", "K", "U"), or "unknown". */
  building: string;
}

export interface Track {
  name: string;
  slug: string;
}

export interface Person {
  /** The source's person id when it has one, else a slug of the name. */
  id: string;
  name: string;
}

/** A hyperlink kept from the schedule: only absolute http(s) URLs survive import. */
export interface Link {
  url: string;
  title: string;
}

/** A talk's links sorted by what the attendee wants from them. */
export interface TalkLinks {
  slides: Link[];
  recordings: Link[];
  other: Link[];
}

/** One scheduled talk (event, session, lecture…). */
export interface Talk {
  key: TalkKey;
  /** The id the source file gives (changes between versions; never key user data on it). */
  id: string;
  guid?: string;
  slug?: string;
  title: string;
  subtitle: string;
  /** HTML (or plain text) exactly as the file gives it: sanitize before showing. */
  abstract: string;
  /** HTML (or plain text) exactly as the file gives it: sanitize before showing. */
  description: string;
  type: string;
  /** Track name ("" when the file has none). */
  track: string;
  language: string;
  persons: Person[];
  /** UTC instant, ms since the epoch. */
  start: number;
  /** UTC instant, ms since the epoch. */
  end: number;
  /** Index into Conference.days. */
  day: number;
  /** Room name, matching a Room.name. */
  room: string;
  /** The talk's own page, when the file gives one. */
  url?: string;
  links: TalkLinks;
  /** Flagged from the title ("CANCELLED …", "[CANCELED] …"); the title is cleaned. */
  cancelled: boolean;
  /** FOSDEM marks late changes with an "AMENDMENT " title prefix; flagged, the title cleaned. */
  amended?: boolean;
}
