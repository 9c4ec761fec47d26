/**
 * What every adapter shares: cleaning titles and links, building stable TalkKeys, and turning a
 * list of raw talks into a finished, sorted Conference. Adapters map syntax; this file owns the
 * rules about what is kept.
 */

import { ScheduleError } from '../errors';
import type {
  Conference,
  Day,
  Link,
  Person,
  Room,
  ScheduleFormat,
  Talk,
  TalkKey,
  TalkLinks,
  Track,
} from '../model';
import { roomSlug, slugify } from '../slug';
import { venueDate, zonedToUtc } from '../time';
import { UNKNOWN_BUILDING } from '../venue/types';

export { roomSlug, slugify } from '../slug';

const CANCELLED_RE = /^\s*(?:\[\s*)?(?:CANCELL?ED|ANNULÉ|ABGESAGT)(?:\s*\])?\s*[:\-–—]?\s*/i;
const AMENDMENT_RE = /^AMENDMENT\s*[:\-–—]?\s+/;

/**
 * Strips a "CANCELLED …" / "[CANCELED] …" marker and FOSDEM's "AMENDMENT " late-change prefix
 * from a title, reporting which were there. A title that is only a marker is kept as is.
 */
export function cleanTitle(raw: string): { title: string; cancelled: boolean; amended: boolean } {
  let title = collapseSpace(raw);
  let cancelled = false;
  let amended = false;
  for (let changed = true; changed; ) {
    changed = false;
    const c = CANCELLED_RE.exec(title);
    if (c && c[0].length < title.length) {
      title = title.slice(c[0].length).trim();
      cancelled = changed = true;
    }
    const a = AMENDMENT_RE.exec(title);
    if (a && a[0].length < title.length) {
      title = title.slice(a[0].length).trim();
      amended = changed = true;
    }
  }
  return { title, cancelled, amended };
}

/** Collapses runs of white space (titles arrive with newlines and indentation). */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Keeps a link only when it is an absolute http(s) URL after trimming; encodes stray spaces.
 * "thttps://…", "dat://…", "mailto:…" and relative paths are dropped.
 */
export function cleanLink(href: string | undefined, title: string | undefined): Link | undefined {
  if (!href) return undefined;
  let url = href.trim();
  // Fast path: most hrefs are already clean absolute URLs with a lowercase host and a path.
  if (!CLEAN_URL_RE.test(url)) {
    url = url.replace(/\s/g, '%20');
    if (!/^https?:\/\/[^/\s]/i.test(url)) return undefined;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
      url = parsed.href;
    } catch {
      return undefined;
    }
  }
  const text = title ? collapseSpace(title) : '';
  return { url, title: text || hostOf(url) };
}

// Scheme, lowercase host (optional port) and a path of characters URL() would leave unchanged.
const CLEAN_URL_RE =
  /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?#]*$/;

function hostOf(url: string): string {
  return /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? url;
}

const RECORDING_RE =
  /\b(video|recording|record|stream|youtube|vimeo|media\.ccc|peertube)\b|\.(webm|mp4|mkv|ogv)(\?|$)/i;
const SLIDES_RE = /\b(slides?|slidedeck|presentation|deck)\b|\.(pdf|odp|pptx?|key)(\?|$)/i;

/** Sorts links into slides, recordings and the rest, by title and URL. */
export function sortLinks(links: Iterable<Link>): TalkLinks {
  const out: TalkLinks = { slides: [], recordings: [], other: [] };
  const seen = new Set<string>();
  for (const link of links) {
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    const text = `${link.title} ${link.url}`;
    if (RECORDING_RE.test(text)) out.recordings.push(link);
    else if (SLIDES_RE.test(text)) out.slides.push(link);
    else out.other.push(link);
  }
  return out;
}

/** guid, else slug, else conference + id: see TalkKey. */
export function talkKey(
  ids: { guid?: string; slug?: string; id: string },
  acronym: string,
): TalkKey {
  if (ids.guid?.trim()) return `guid:${ids.guid.trim().toLowerCase()}`;
  if (ids.slug?.trim()) return `slug:${ids.slug.trim()}`;
  return `id:${acronym}/${ids.id.trim()}`;
}

/** A talk as an adapter found it, before keys, days and sorting are settled. */
export interface RawTalk extends Omit<Talk, 'key' | 'day' | 'links' | 'cancelled' | 'title'> {
  rawTitle: string;
  rawLinks: Link[];
  /** Venue-local date the file files it under, when it says (a <day date>); else derived. */
  dayDate?: string;
}

/** What an adapter hands to finishConference. */
export interface RawConference {
  format: ScheduleFormat;
  version?: string;
  acronym: string;
  title: string;
  timeZone: string;
  baseUrl?: string;
  venue?: string;
  city?: string;
  /** Day dates the file declares (even empty ones), YYYY-MM-DD. */
  dayDates: string[];
  /** Rooms the file lists, in file order; rooms only seen on talks are added. */
  roomNames: string[];
  /** File-given room slugs by room name (the 2024+ FOSDEM XML and frab JSON have them). */
  roomSlugs?: Map<string, string>;
  /** Tracks the file lists, in order; tracks only seen on talks are added. */
  trackNames: string[];
  trackSlugs?: Map<string, string>;
  talks: RawTalk[];
  /** Events the adapter could not read (no usable time) and left out. */
  skippedEvents?: number;
}

/**
 * Settles keys (unique even when a file repeats ids), cancellation, links, days, rooms, tracks
 * and persons, and sorts talks. Throws ScheduleError('no-events') for a schedule with no talks.
 */
export function finishConference(raw: RawConference): Conference {
  if (raw.talks.length === 0) {
    throw new ScheduleError('no-events', 'it lists no talks (0 events).');
  }
  const acronym = raw.acronym.trim() || slugify(raw.title) || 'conference';
  const keyCounts = new Map<TalkKey, number>();
  const dates = new Set(raw.dayDates.filter(Boolean));
  const talkDates: string[] = [];
  // Built field by field: measurably faster than rest/spread on ~1,000–11,000 talks.
  const talks: Talk[] = raw.talks.map((t) => {
    const { title, cancelled, amended } = cleanTitle(t.rawTitle);
    let key = talkKey(t, acronym);
    const n = (keyCounts.get(key) ?? 0) + 1;
    keyCounts.set(key, n);
    if (n > 1) key = `${key}~${n}`;
    const dayDate = t.dayDate ?? venueDate(t.start, raw.timeZone);
    dates.add(dayDate);
    talkDates.push(dayDate);
    const talk: Talk = {
      key,
      id: t.id,
      title,
      subtitle: t.subtitle,
      abstract: t.abstract,
      description: t.description,
      type: t.type,
      track: t.track,
      language: t.language,
      persons: t.persons,
      start: t.start,
      end: t.end,
      day: -1,
      room: t.room,
      links: sortLinks(t.rawLinks),
      cancelled,
    };
    if (t.guid) talk.guid = t.guid;
    if (t.slug) talk.slug = t.slug;
    if (t.url) talk.url = t.url;
    if (amended) talk.amended = true;
    return talk;
  });

  const sortedDates = [...dates].sort();
  const dayIndex = new Map(sortedDates.map((d, i) => [d, i]));
  talks.forEach((t, i) => {
    t.day = dayIndex.get(talkDates[i]!)!;
  });
  talks.sort(
    (a, b) =>
      a.start - b.start ||
      a.room.localeCompare(b.room) ||
      a.title.localeCompare(b.title) ||
      a.key.localeCompare(b.key),
  );

  const days: Day[] = sortedDates.map((date, index) => {
    const dayTalks = talks.filter((t) => t.day === index);
    if (dayTalks.length > 0) {
      return {
        index,
        date,
        start: Math.min(...dayTalks.map((t) => t.start)),
        end: Math.max(...dayTalks.map((t) => t.end)),
      };
    }
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const start = zonedToUtc({ year, month, day }, { hour: 0, minute: 0 }, raw.timeZone);
    return { index, date, start, end: start + 86_400_000 };
  });

  const roomNames = uniqueInOrder([...raw.roomNames, ...talks.map((t) => t.room)].filter(Boolean));
  const rooms: Room[] = roomNames.map((name) => ({
    name,
    slug: raw.roomSlugs?.get(name)?.trim() || roomSlug(name),
    building: UNKNOWN_BUILDING,
  }));

  const trackNames = uniqueInOrder(
    [...raw.trackNames, ...talks.map((t) => t.track)].filter(Boolean),
  );
  const tracks: Track[] = trackNames.map((name) => ({
    name,
    slug: raw.trackSlugs?.get(name)?.trim() || slugify(name),
  }));

  const persons = new Map<string, Person>();
  for (const t of talks) for (const p of t.persons) if (!persons.has(p.id)) persons.set(p.id, p);

  return {
    acronym,
    title: collapseSpace(raw.title) || acronym,
    timeZone: raw.timeZone,
    days,
    rooms,
    tracks,
    talks,
    persons: [...persons.values()],
    ...(raw.baseUrl ? { baseUrl: raw.baseUrl } : {}),
    ...(raw.venue?.trim() ? { venue: collapseSpace(raw.venue) } : {}),
    ...(raw.city?.trim() ? { city: collapseSpace(raw.city) } : {}),
    source: {
      format: raw.format,
      ...(raw.version ? { version: raw.version } : {}),
      ...(raw.skippedEvents ? { skippedEvents: raw.skippedEvents } : {}),
    },
  };
}

/** Removes duplicates, keeping the first occurrence's position. */
export function uniqueInOrder<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
