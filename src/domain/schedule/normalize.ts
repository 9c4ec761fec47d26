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
import { venueDate, zonedToUtc } from '../time';

const CANCELLED_RE = /^\s*(?:\[\s*)?(?:CANCELL?ED|ANNULÉ|ABGESAGT)(?:\s*\])?\s*[:\-–—]?\s*/i;

/** Strips a "CANCELLED …" / "[CANCELED] …" marker from a title and reports whether it was there. */
export function cleanTitle(raw: string): { title: string; cancelled: boolean } {
  const text = collapseSpace(raw);
  const m = CANCELLED_RE.exec(text);
  if (m && m[0].length < text.length)
    return { title: text.slice(m[0].length).trim(), cancelled: true };
  return { title: text, cancelled: false };
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
  const trimmed = href.trim().replace(/\s/g, '%20');
  if (!/^https?:\/\/[^/\s]/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return { url: url.href, title: collapseSpace(title ?? '') || url.hostname };
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

/** Makes a URL-safe slug: lowercase ASCII letters, digits and dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A room's slug as live.fosdem.org and nav.fosdem.org use it: lowercase, the nickname in
 * parentheses and all punctuation removed. "UB2.252A (Lameere)" → "ub2252a".
 */
export function roomSlug(name: string): string {
  const withoutNickname = name.replace(/\([^)]*\)/g, '');
  const slug = withoutNickname
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return slug || slugify(name);
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
  const talks: Talk[] = raw.talks.map((t) => {
    const { rawTitle, rawLinks, dayDate, ...rest } = t;
    const { title, cancelled } = cleanTitle(rawTitle);
    let key = talkKey(t, acronym);
    const n = (keyCounts.get(key) ?? 0) + 1;
    keyCounts.set(key, n);
    if (n > 1) key = `${key}~${n}`;
    return {
      ...rest,
      key,
      title,
      cancelled,
      day: -1,
      links: sortLinks(rawLinks),
      ...(dayDate ? { dayDate } : {}),
    } as Talk & {
      dayDate?: string;
    };
  });

  const dates = new Set(raw.dayDates.filter(Boolean));
  for (const t of talks as (Talk & { dayDate?: string })[]) {
    t.dayDate ??= venueDate(t.start, raw.timeZone);
    dates.add(t.dayDate);
  }
  const sortedDates = [...dates].sort();
  const dayIndex = new Map(sortedDates.map((d, i) => [d, i]));
  for (const t of talks as (Talk & { dayDate?: string })[]) {
    t.day = dayIndex.get(t.dayDate!)!;
    delete t.dayDate;
  }
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
    building: 'unknown',
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
    source: { format: raw.format, ...(raw.version ? { version: raw.version } : {}) },
  };
}

/** Removes duplicates, keeping the first occurrence's position. */
export function uniqueInOrder<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
