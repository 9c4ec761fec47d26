/**
 * frab JSON and pretalx JSON (`{schedule:{conference:{days:[{rooms:{"<room>":[event…]}}]}}}`)
 * → RawConference. Only syntax is mapped here; finishConference owns keys, titles and links.
 *
 * Decisions:
 * - Structure is checked by hand while walking. A wrong type that leaves nothing to walk (no
 *   `schedule.conference`, `days` not an array, a day's `rooms` or a room's event list of the
 *   wrong type) throws ScheduleError('wrong-shape') with the JSON path.
 * - A single bad event (not an object, no usable instant) is skipped so one broken entry cannot
 *   hide a whole conference. When every event was bad, the first problem is thrown as
 *   'wrong-shape' with its path; a file with no events at all is left to finishConference
 *   ('no-events').
 * - Start: the event's `date` (ISO with offset) when present; else the day's `date` + `start`
 *   (HH:MM) in the conference zone, moved to the next calendar day when that falls before the
 *   day's `day_start` (frab days run past midnight). End: start + `duration` (0 when unusable).
 * - Zone: `time_zone_name` when Intl knows it; else inferred from the UTC offsets the file
 *   writes (`date`, `day_start`): the most common one as a fixed-offset IANA zone (`+01:00` →
 *   `Etc/GMT-1`, exact for every instant the file gives); else UTC. Neither real file (36C3,
 *   rC3) names its zone.
 * - Attachments with root-relative paths are resolved against `base_url` (frab's static export
 *   serves `/system/event_attachments/…` under it); frab's `missing.png` placeholder is dropped.
 */
import { ScheduleError } from '../errors';
import type { Link, Person } from '../model';
import { isValidTimeZone, parseDurationMs, parseIsoDate, zonedToUtc } from '../time';
import { cleanLink, type RawConference, type RawTalk, slugify, uniqueInOrder } from './normalize';

/** The raw document as frab and pretalx write it (every field may be absent or mistyped). */
interface RawFrabDocument {
  schedule?: { version?: string; base_url?: string; conference?: RawFrabConference };
}
interface RawFrabConference {
  acronym?: string;
  title?: string;
  time_zone_name?: string;
  base_url?: string;
  rooms?: (RawFrabNamed | string)[];
  tracks?: (RawFrabNamed | string)[];
  days?: RawFrabDay[];
}
/** conference.rooms [{name, slug, guid, capacity}] and conference.tracks [{name, slug, color}]. */
interface RawFrabNamed {
  name?: string;
  slug?: string;
}
interface RawFrabDay {
  index?: number;
  date?: string;
  day_start?: string;
  day_end?: string;
  rooms?: Record<string, RawFrabEvent[]>;
}
interface RawFrabEvent {
  id?: number | string;
  guid?: string;
  date?: string;
  start?: string;
  duration?: string;
  room?: string;
  slug?: string;
  url?: string;
  title?: string;
  subtitle?: string;
  track?: string;
  type?: string;
  language?: string;
  abstract?: string;
  description?: string;
  persons?: (RawFrabPerson | string)[];
  links?: (RawFrabLink | string)[];
  attachments?: (RawFrabLink | string)[];
}
interface RawFrabPerson {
  id?: number | string;
  guid?: string;
  code?: string;
  public_name?: string;
  name?: string;
}
interface RawFrabLink {
  url?: string;
  href?: string;
  title?: string;
}

type Obj = Record<string, unknown>;
const ISO_INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Offsets that are not whole hours have no Etc/ zone: the usual zone for each. */
const PARTIAL_HOUR_ZONES: Record<string, string> = {
  '+05:30': 'Asia/Kolkata',
  '+05:45': 'Asia/Kathmandu',
  '+09:30': 'Australia/Darwin',
  '+10:30': 'Australia/Adelaide',
  '+03:30': 'Asia/Tehran',
  '-03:30': 'America/St_Johns',
};

/**
 * Maps a parsed frab or pretalx JSON schedule into a RawConference. Throws ScheduleError
 * ('wrong-shape', with a JSON path) and nothing else; see the file comment for what is skipped.
 */
export function parseFrabJson(data: unknown, format: 'frab-json' | 'pretalx-json'): RawConference {
  if (!isObj(data)) fail('the file is not a JSON object.', '(top level)');
  const schedule = (data as RawFrabDocument).schedule as unknown;
  if (!isObj(schedule)) fail('there is no "schedule" object.', 'schedule');
  const conf = schedule.conference;
  if (!isObj(conf)) fail('there is no "conference" object.', 'schedule.conference');
  const c = conf as RawFrabConference;
  const days: unknown = c.days;
  if (!Array.isArray(days)) fail('"days" is not a list of days.', 'schedule.conference.days');

  const baseUrl = cleanLink(text(schedule.base_url) || text(c.base_url), '')?.url;
  const timeZone = conferenceZone(c, days);
  const { names: listedRooms, slugs: roomSlugs } = namedList(c.rooms);
  const { names: trackNames, slugs: trackSlugs } = namedList(c.tracks);
  const roomNames = [...listedRooms];
  const talks: RawTalk[] = [];
  let firstProblem: ScheduleError | undefined;
  let skippedEvents = 0;

  days.forEach((day: unknown, d) => {
    const dayPath = `schedule.conference.days[${d}]`;
    if (!isObj(day)) fail('a day is not an object.', dayPath);
    const rooms = day.rooms ?? {};
    if (!isObj(rooms)) fail('"rooms" is not an object of room name → events.', `${dayPath}.rooms`);
    const dayDate = parseIsoDate(text(day.date)) ? text(day.date) : undefined;
    const dayStart = instantOf(text(day.day_start), timeZone);
    for (const [room, events] of Object.entries(rooms)) {
      const roomPath = `${dayPath}.rooms[${JSON.stringify(room)}]`;
      if (!Array.isArray(events)) fail("the room's events are not a list.", roomPath);
      roomNames.push(room);
      const ctx = { room, dayDate, dayStart, timeZone, baseUrl };
      events.forEach((event: unknown, i) => {
        const path = `${roomPath}[${i}]`;
        try {
          talks.push(readEvent(event, ctx, path));
        } catch (e) {
          skippedEvents += 1;
          firstProblem ??=
            e instanceof ScheduleError
              ? e
              : new ScheduleError('wrong-shape', `an event could not be read (${e}).`, path);
        }
      });
    }
  });
  if (talks.length === 0 && firstProblem) throw firstProblem;

  return {
    format,
    ...(text(schedule.version) ? { version: text(schedule.version) } : {}),
    acronym: text(c.acronym),
    title: text(c.title),
    timeZone,
    ...(baseUrl ? { baseUrl } : {}),
    dayDates: days.map((day) => (isObj(day) ? text(day.date) : '')).filter((t) => parseIsoDate(t)),
    roomNames: uniqueInOrder(roomNames),
    roomSlugs,
    trackNames,
    trackSlugs,
    talks,
    skippedEvents,
  };
}

interface DayContext {
  room: string;
  dayDate: string | undefined;
  dayStart: number | undefined;
  timeZone: string;
  baseUrl: string | undefined;
}

function readEvent(event: unknown, ctx: DayContext, path: string): RawTalk {
  if (!isObj(event)) fail('an event is not an object.', path);
  const e = event as RawFrabEvent;
  const start = eventStart(e, ctx, path);
  const title = text(e.title);
  const id = text(e.id) || text(e.guid) || text(e.slug) || `${slugify(title)}@${start}`;
  const links = [...readLinks(e.links, undefined), ...readLinks(e.attachments, ctx.baseUrl)];
  const url = cleanLink(text(e.url), '')?.url;
  return {
    id,
    ...(text(e.guid) ? { guid: text(e.guid) } : {}),
    ...(text(e.slug) ? { slug: text(e.slug) } : {}),
    rawTitle: title,
    subtitle: text(e.subtitle),
    abstract: text(e.abstract),
    description: text(e.description),
    type: text(e.type),
    track: text(e.track),
    language: text(e.language),
    persons: readPersons(e.persons),
    start,
    end: start + (parseDurationMs(text(e.duration)) ?? 0),
    room: text(e.room) || ctx.room,
    ...(url ? { url } : {}),
    rawLinks: links,
    ...(ctx.dayDate ? { dayDate: ctx.dayDate } : {}),
  };
}

/** The event's instant: its own `date`, else the day's date + `start` in the venue zone. */
function eventStart(e: RawFrabEvent, ctx: DayContext, path: string): number {
  const own = instantOf(text(e.date), ctx.timeZone);
  if (own !== undefined) return own;
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text(e.start));
  if (!clock) {
    const given = e.start === undefined ? 'none' : JSON.stringify(e.start);
    fail(`an event has no usable "start" (${given}) and no "date" with a time.`, `${path}.start`);
  }
  if (!ctx.dayDate)
    fail('an event has no "date" and its day has no usable "date".', `${path}.date`);
  const date = parseIsoDate(ctx.dayDate)!;
  const time = { hour: Number(clock[1]), minute: Number(clock[2]), second: Number(clock[3] ?? 0) };
  const at = zonedToUtc(date, time, ctx.timeZone);
  if (ctx.dayStart === undefined || at >= ctx.dayStart) return at;
  // Past midnight on a day that started the evening before: the next calendar date
  // (zonedToUtc goes through Date.UTC, which carries day 32 into the next month).
  return zonedToUtc({ ...date, day: date.day + 1 }, time, ctx.timeZone);
}

/** ISO date-time → UTC ms: with its own offset, or as venue wall clock when it has none. */
function instantOf(iso: string, timeZone: string): number | undefined {
  const m = ISO_INSTANT_RE.exec(iso);
  if (!m) return undefined;
  const date = parseIsoDate(m[1]!);
  if (!date || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  const clock = { hour: Number(m[2]), minute: Number(m[3]), second: Number(m[4] ?? 0) };
  if (!m[5]) return zonedToUtc(date, clock, timeZone);
  const ms = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** time_zone_name, else the most common offset in the file as a fixed zone, else UTC. */
function conferenceZone(c: RawFrabConference, days: unknown[]): string {
  const named = text(c.time_zone_name);
  if (named && isValidTimeZone(named)) return named;
  const counts = new Map<string, number>();
  const count = (iso: unknown) => {
    const offset = ISO_INSTANT_RE.exec(text(iso))?.[5];
    if (offset) counts.set(offset, (counts.get(offset) ?? 0) + 1);
  };
  for (const day of days) {
    if (!isObj(day)) continue;
    count(day.day_start);
    if (!isObj(day.rooms)) continue;
    for (const events of Object.values(day.rooms)) {
      if (Array.isArray(events)) for (const e of events) if (isObj(e)) count(e.date);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? zoneForOffset(best[0]) : 'UTC';
}

function zoneForOffset(offset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m || (m[2] === '00' && m[3] === '00')) return 'UTC';
  if (m[3] !== '00') return PARTIAL_HOUR_ZONES[`${m[1]}${m[2]}:${m[3]}`] ?? 'UTC';
  // POSIX-style Etc zones have the sign inverted: UTC+01:00 is Etc/GMT-1.
  const zone = `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** conference.rooms / conference.tracks: names (strings or {name, slug}) and given slugs. */
function namedList(list: unknown): { names: string[]; slugs: Map<string, string> } {
  const names: string[] = [];
  const slugs = new Map<string, string>();
  if (!Array.isArray(list)) return { names, slugs };
  for (const item of list) {
    const name = typeof item === 'string' ? item.trim() : isObj(item) ? text(item.name) : '';
    if (!name) continue;
    names.push(name);
    const slug = isObj(item) ? text(item.slug) : '';
    if (slug) slugs.set(name, slug);
  }
  return { names: uniqueInOrder(names), slugs };
}

function readPersons(list: unknown): Person[] {
  if (!Array.isArray(list)) return [];
  const persons: Person[] = [];
  for (const item of list) {
    const p = (isObj(item) ? item : {}) as RawFrabPerson;
    const name = typeof item === 'string' ? item.trim() : text(p.public_name) || text(p.name);
    if (!name) continue;
    persons.push({ id: text(p.guid) || text(p.code) || text(p.id) || slugify(name), name });
  }
  return persons;
}

function readLinks(list: unknown, base: string | undefined): Link[] {
  if (!Array.isArray(list)) return [];
  const links: Link[] = [];
  for (const item of list) {
    const l = (isObj(item) ? item : {}) as RawFrabLink;
    let href = typeof item === 'string' ? item.trim() : text(l.url) || text(l.href);
    if (!href || /\/attachments\/original\/missing\.png$/.test(href)) continue;
    if (base && !/^[a-z][a-z0-9+.-]*:/i.test(href))
      href = new URL(href.replace(/^\/+/, ''), base).href;
    const link = cleanLink(href, text(l.title));
    if (link) links.push(link);
  }
  return links;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string or number field as trimmed text ('' for anything else). */
function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function fail(problem: string, where: string): never {
  throw new ScheduleError('wrong-shape', problem, where);
}
