/**
 * One `<event>` as the SAX builder collected it (texts and attributes), and its mapping into a
 * RawTalk: ids, times, tidy names, persons and links.
 */
import type { Link, Person } from '../model';
import type { RawTalk } from './normalize';
import { cleanLink, collapseSpace, slugify } from './normalize';
import type { OffsetInstant } from './xml-time';
import { eventInstants } from './xml-time';

/** An event's texts and attributes, as collected between `<event>` and `</event>`. */
export interface EventDraft {
  /** Line of the `<event>` tag, for messages. */
  line: number;
  attrs: Record<string, string>;
  roomWrapper: string;
  dayDate?: string;
  dayStartClock?: string;
  fields: Partial<Record<string, string>>;
  /** `<date>` read at the event's end (exact start and an offset sample for the zone). */
  instant?: OffsetInstant;
  trackSlug?: string;
  persons: Person[];
  links: Link[];
}

/**
 * One event as a RawTalk, or undefined when it has no readable start (see eventInstants).
 * `index` is the event's position in the file, the id of last resort.
 */
export function toRawTalk(
  d: EventDraft,
  timeZone: string,
  nightRollover: string | undefined,
  index: number,
): RawTalk | undefined {
  const f = d.fields;
  const times = eventInstants(
    {
      exact: d.instant?.utc,
      start: f.start,
      duration: f.duration,
      dayDate: d.dayDate,
      rolloverClock: d.dayStartClock ?? nightRollover,
    },
    timeZone,
  );
  if (!times) return undefined;
  addLink(d.links, f.video_download_url, 'Video recording');
  const feedback = f.feedback_url?.trim();
  if (feedback && !d.links.some((l) => l.url === feedback)) {
    addLink(d.links, feedback, 'Submit feedback');
  }
  const guid = d.attrs.guid?.trim() || undefined;
  const slug = f.slug?.trim() || undefined;
  const talk: RawTalk = {
    id: eventId(d, slug, guid, index),
    rawTitle: f.title ?? '',
    subtitle: tidy(f.subtitle),
    abstract: f.abstract ?? '',
    description: f.description ?? '',
    type: tidy(f.type),
    track: tidy(f.track),
    language: tidy(f.language),
    persons: d.persons,
    start: times.start,
    end: times.end,
    room: tidy(f.room) || d.roomWrapper,
    rawLinks: d.links,
  };
  if (guid) talk.guid = guid;
  if (slug) talk.slug = slug;
  const url = f.url ? cleanLink(f.url, undefined)?.url : undefined;
  if (url) talk.url = url;
  if (d.dayDate) talk.dayDate = d.dayDate;
  return talk;
}

/** The event's own id, else pretalx's code, slug or guid, else its position in the file. */
function eventId(
  d: EventDraft,
  slug: string | undefined,
  guid: string | undefined,
  i: number,
): string {
  return d.attrs.id?.trim() || d.attrs.code?.trim() || slug || guid || String(i + 1);
}

/** Trims and collapses inner white space; skips the regex for the common already-tidy text. */
export function tidy(text: string | undefined): string {
  if (!text) return '';
  return /^\s|\s$|\s\s|[\t\n\r]/.test(text) ? collapseSpace(text) : text;
}

/** Adds a `<person id|guid>Name</person>`; the id falls back to a slug of the name. */
export function addPerson(persons: Person[], attrs: Record<string, string>, text: string): void {
  const name = tidy(text);
  if (!name) return;
  const id = attrs.id?.trim() || attrs.guid?.trim() || slugify(name);
  persons.push({ id, name });
}

/** Adds a link when normalize's cleanLink keeps it. */
export function addLink(links: Link[], href: string | undefined, title: string): void {
  const link = cleanLink(href, title);
  if (link) links.push(link);
}
