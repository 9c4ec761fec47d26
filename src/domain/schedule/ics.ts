/**
 * iCalendar (ICS) → RawConference, read leniently through ical.js.
 *
 * Repairs before parsing: a BOM and everything after the last END:VCALENDAR are dropped
 * (FOSDEM's export ends with junk bytes). Repairs after: `URL:https:/…` (one slash) → https://.
 *
 * Decisions:
 * - Instants: UTC ('Z') times as they are; a TZID with a VTIMEZONE in the file through ical.js;
 *   a TZID without one as an IANA zone via Intl (LCA writes `TZID=Australia/Brisbane` bare);
 *   floating times (and unknown TZIDs) in the conference zone. All-day (DATE) events start at
 *   venue midnight. End: DTEND, else DTSTART + DURATION, else the start (a day for DATEs).
 *   RRULEs are not expanded (no conference export uses them): the first occurrence is kept.
 * - Conference zone: X-WR-TIMEZONE, else the first VTIMEZONE or TZID parameter Intl knows,
 *   else FOSDEM's non-standard per-event `TZID:Europe-Brussels` property repaired to
 *   Europe/Brussels, else UTC. (A calendar whose only zone is a non-IANA VTIMEZONE name, e.g.
 *   Outlook's "W. Europe Standard Time", gets right instants but UTC as display zone.)
 * - Keys: when URL contains `/event/<slug>/` (FOSDEM) that slug is the talk's slug, so keys
 *   equal those of the same conference's XML; the UID (`9230@FOSDEM20@fosdem.org`) embeds the
 *   numeric id that FOSDEM changes between versions, so it is only the `id`. Without such a
 *   slug the UID is the guid: RFC 5545 makes it persistent across versions of the calendar.
 * - Persons: ATTENDEE CN= (FOSDEM), X-…SPEAKER… properties, ORGANIZER only when it differs
 *   between events (one organizer for all is the conference), else a leading
 *   "Speaker(s): …" line of DESCRIPTION (LCA), which is then removed from the abstract.
 * - DESCRIPTION → abstract as given (FOSDEM: HTML; LCA: text); CATEGORIES' first value →
 *   track (FOSDEM's unescaped commas repaired, see readCategories); LOCATION → room;
 *   STATUS:CANCELLED → a cancelled talk; ATTACH → links; a URL that is only a site root
 *   (LCA's breaks) is not the talk's page and is dropped.
 * - Title: X-WR-CALNAME, else X-WR-CALDESC, unless generic ("iCal"); else from the talk URLs'
 *   host and year (fosdem.org/2020/… → "FOSDEM 2020"); else PRODID's product. The acronym is
 *   left to finishConference (a slug of the title: "fosdem-2020").
 * - A bad event (no DTSTART, an unreadable date) is skipped; if every event was bad the first
 *   problem is thrown; a calendar without VEVENTs is left to finishConference ('no-events').
 */
import ICAL from 'ical.js';
import { ScheduleError } from '../errors';
import type { Link, Person } from '../model';
import { isValidTimeZone, zonedToUtc } from '../time';
import { eventLine, ICS_DATE_HINT } from './ics-lines';
import { cleanLink, type RawConference, type RawTalk, slugify, uniqueInOrder } from './normalize';

type Component = ICAL.Component;
type Property = ICAL.Property;

const GENERIC_NAME_RE = /^(?:i?cal(?:endar)?|schedule|events?|export|default|untitled)?$/i;
const CANCELLED_TITLE_RE = /^\s*\[?\s*(?:CANCELL?ED|ANNULÉ|ABGESAGT)\b/i;
const SPEAKER_LINE_RE = /^\s*(Speakers?):[ \t]*([^\n]*)\n?/i;
const EVENT_SLUG_RE = /\/event\/([^/?#]+)\/?(?:[?#]|$)/;

/**
 * Maps an iCalendar text into a RawConference. Throws ScheduleError and nothing else:
 * 'malformed' (with the line when known) or 'truncated' when ical.js cannot read it.
 */
export function parseIcs(text: string): RawConference {
  const calendars = parseCalendars(text);
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const first = (name: string) =>
    calendars.map((c) => propText(c, name)).find((v) => v !== '') ?? '';
  const timeZone = calendarZone(calendars, events, first('x-wr-timezone'));
  const organizers = new Set(events.map((e) => paramText(e.getFirstProperty('organizer'), 'cn')));
  const talks: RawTalk[] = [];
  let firstProblem: ScheduleError | undefined;
  let skippedEvents = 0;
  events.forEach((event, i) => {
    const where = `VEVENT #${i + 1}${propText(event, 'uid') ? ` (UID ${propText(event, 'uid')})` : ''}`;
    try {
      talks.push(readEvent(event, timeZone, organizers.size > 1, where));
    } catch (e) {
      skippedEvents += 1;
      firstProblem ??= e instanceof ScheduleError ? e : eventProblem(e, event, text, i, where);
    }
  });
  if (talks.length === 0 && firstProblem) throw firstProblem;

  const urls = talks.map((t) => t.url).filter((u): u is string => !!u);
  const baseUrl = urls.map((u) => /^(https?:\/\/.*\/)event\/[^/]+\/?$/.exec(u)?.[1]).find(Boolean);
  return {
    format: 'ics',
    acronym: '',
    title: calendarTitle(first('x-wr-calname'), first('x-wr-caldesc'), urls, first('prodid')),
    timeZone,
    ...(baseUrl ? { baseUrl } : {}),
    dayDates: [],
    roomNames: [],
    trackNames: uniqueInOrder(talks.map((t) => t.track).filter(Boolean)),
    talks,
    skippedEvents,
  };
}

/** Cuts junk after the last END:VCALENDAR and parses; ical.js errors become ScheduleErrors. */
function parseCalendars(text: string): Component[] {
  const source = text.replace(/^\uFEFF/, '');
  let body = source.trimStart();
  const ends = [...body.matchAll(/^END:VCALENDAR[ \t]*$/gim)];
  const last = ends[ends.length - 1];
  if (last?.index !== undefined) body = `${body.slice(0, last.index + last[0].length)}\r\n`;
  let jcal: unknown;
  try {
    jcal = ICAL.parse(body);
  } catch (e) {
    throw parseError(e, source);
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : jcal) as unknown[];
  const calendars = roots.map((r) => new ICAL.Component(r as unknown[]));
  const found = calendars.filter((c) => c.name === 'vcalendar');
  if (found.length === 0) {
    throw new ScheduleError('malformed', 'it holds no VCALENDAR.', 'start of file');
  }
  return found;
}

/** ical.js names the offending (unfolded) line, not its number: find it in the source. */
function parseError(e: unknown, source: string): ScheduleError {
  const text = message(e);
  if (/did not end/i.test(text)) {
    return new ScheduleError(
      'truncated',
      'the calendar stops before END:VCALENDAR: the download may have been cut off.',
      'end of file',
    );
  }
  const quoted = /(?:\) "|in ')([\s\S]*)["']$/.exec(text)?.[1];
  if (quoted === undefined) return new ScheduleError('malformed', `it is broken (${text}).`);
  const lines = source.split(/\r?\n/);
  const at = lines.findIndex(
    (l) =>
      l !== '' &&
      !/^[ \t]/.test(l) &&
      (quoted.startsWith(l.slice(0, 60)) || l.includes(quoted.slice(0, 60))),
  );
  const shown = quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted;
  return new ScheduleError(
    'malformed',
    `a line is not iCalendar ("${shown}"): a calendar line is NAME:value or NAME;PARAM=value:value.`,
    at >= 0 ? `line ${at + 1}` : undefined,
  );
}

/** Why an event could not be read, in words: a date ical.js cannot read is quoted as written. */
function eventProblem(
  e: unknown,
  event: Component,
  text: string,
  index: number,
  where: string,
): ScheduleError {
  const badDate = ['dtstart', 'dtend'].find((name) => {
    try {
      event.getFirstPropertyValue(name);
      return false;
    } catch {
      return true;
    }
  });
  if (!badDate) {
    return new ScheduleError('malformed', `an event could not be read (${message(e)}).`, where);
  }
  const line = eventLine(text, index, badDate.toUpperCase());
  return new ScheduleError(
    'malformed',
    `its ${badDate === 'dtstart' ? 'start' : 'end'} is not a date and time${line ? ` (${JSON.stringify(line)})` : ''}: ${ICS_DATE_HINT}.`,
    where,
  );
}

function readEvent(event: Component, zone: string, useOrganizer: boolean, where: string): RawTalk {
  const start = instant(event.getFirstProperty('dtstart'), zone);
  if (!start) throw new ScheduleError('wrong-shape', 'an event has no usable DTSTART.', where);
  let end = instant(event.getFirstProperty('dtend'), zone)?.ms;
  const duration = event.getFirstPropertyValue('duration');
  if (end === undefined && duration instanceof ICAL.Duration) {
    end = start.ms + duration.toSeconds() * 1000;
  }
  end ??= start.isDate ? start.ms + 86_400_000 : start.ms;

  const uid = propText(event, 'uid');
  const summary = propText(event, 'summary');
  const cancelled =
    propText(event, 'status').toUpperCase() === 'CANCELLED' && !CANCELLED_TITLE_RE.test(summary);
  const link = cleanLink(repairUrl(propText(event, 'url')), '');
  const url = link && new URL(link.url).pathname !== '/' ? link.url : undefined;
  const slug = url ? EVENT_SLUG_RE.exec(url)?.[1] : undefined;

  let abstract = propText(event, 'description');
  let persons = readPersons(event, useOrganizer);
  const speakerLine = persons.length === 0 ? SPEAKER_LINE_RE.exec(abstract) : null;
  if (speakerLine) {
    const names = /s$/i.test(speakerLine[1]!)
      ? speakerLine[2]!.split(/\s*(?:,|;|&|\band\b)\s*/)
      : [speakerLine[2]!];
    persons = toPersons(names);
    abstract = abstract.slice(speakerLine[0].length).trim();
  }
  const categories = readCategories(event.getFirstProperty('categories'));
  return {
    id: uid || slug || `${slugify(summary)}@${start.ms}`,
    ...(slug ? {} : uid ? { guid: uid } : {}),
    ...(slug ? { slug } : {}),
    rawTitle: cancelled ? `CANCELLED ${summary}` : summary,
    subtitle: '',
    abstract,
    description: '',
    type: '',
    track: categories[0] ?? '',
    language: '',
    persons,
    start: start.ms,
    end: Math.max(end, start.ms),
    room: propText(event, 'location'),
    ...(url ? { url } : {}),
    rawLinks: event
      .getAllProperties('attach')
      .map((p) => cleanLink(repairUrl(String(p.getFirstValue() ?? '')), paramText(p, 'filename')))
      .filter((l): l is Link => !!l),
  };
}

/**
 * CATEGORIES values. FOSDEM leaves commas in names unescaped ("HPC, Big Data, and Data
 * Science"), which ical.js splits; a piece that starts with a space continues the one before.
 */
function readCategories(prop: Property | null): string[] {
  const merged: string[] = [];
  for (const piece of prop?.getValues() ?? []) {
    const text = String(piece);
    if (merged.length > 0 && /^\s/.test(text)) merged[merged.length - 1] += `,${text}`;
    else merged.push(text);
  }
  return merged.map((c) => c.trim()).filter(Boolean);
}

/** A DTSTART/DTEND as a UTC instant; see the file comment for how zones are resolved. */
function instant(prop: Property | null, zone: string): { ms: number; isDate: boolean } | undefined {
  const v = prop?.getFirstValue();
  if (!prop || !(v instanceof ICAL.Time)) return undefined;
  const date = { year: v.year, month: v.month, day: v.day };
  if (v.isDate) return { ms: zonedToUtc(date, { hour: 0, minute: 0 }, zone), isDate: true };
  // ical.js resolves 'Z' and TZIDs it has a VTIMEZONE for; everything else arrives floating.
  if (v.zone && v.zone.tzid !== 'floating') return { ms: v.toUnixTime() * 1000, isDate: false };
  const named = ianaZone(paramText(prop, 'tzid'));
  const clock = { hour: v.hour, minute: v.minute, second: v.second };
  return { ms: zonedToUtc(date, clock, named ?? zone), isDate: false };
}

function calendarZone(calendars: Component[], events: Component[], xwr: string): string {
  const candidates = [
    xwr,
    ...calendars.flatMap((c) => c.getAllSubcomponents('vtimezone').map((z) => propText(z, 'tzid'))),
    ...events.map((e) => paramText(e.getFirstProperty('dtstart'), 'tzid')),
    ...events.map((e) => propText(e, 'tzid')),
  ];
  for (const name of candidates) {
    const zone = ianaZone(name);
    if (zone) return zone;
  }
  return 'UTC';
}

/** An IANA zone Intl knows for a TZID: as is, FOSDEM's "Europe-Brussels", or a trailing Area/City. */
function ianaZone(name: string): string | undefined {
  const n = name.trim();
  if (!n) return undefined;
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+)$/.exec(n)?.[1];
  const candidates = [n, n.includes('/') ? '' : n.replace('-', '/'), tail ?? ''];
  return candidates.find((c) => c !== '' && isValidTimeZone(c));
}

function readPersons(event: Component, useOrganizer: boolean): Person[] {
  const names: string[] = [];
  for (const p of event.getAllProperties()) {
    if (p.name === 'attendee' || (useOrganizer && p.name === 'organizer')) {
      names.push(paramText(p, 'cn'));
    } else if (/^x-.*(speaker|presenter)/.test(p.name)) {
      names.push(...p.getValues().map(String));
    }
  }
  return toPersons(names);
}

function toPersons(names: string[]): Person[] {
  const seen = new Set<string>();
  const persons: Person[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const id = slugify(name);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    persons.push({ id, name });
  }
  return persons;
}

function calendarTitle(name: string, desc: string, urls: string[], prodid: string): string {
  for (const candidate of [name, desc]) {
    if (!GENERIC_NAME_RE.test(candidate) && candidate.length <= 100) return candidate;
  }
  for (const u of urls) {
    const m = /^https?:\/\/(?:www\.)?([^./]+)[^/]*(?:\/(?:[^/]*\/)*?((?:19|20)\d\d)\/)?/i.exec(u);
    const label = m?.[1]?.toUpperCase();
    if (label) return m?.[2] && !label.includes(m[2]) ? `${label} ${m[2]}` : label;
  }
  return prodid.split('//')[1]?.trim() || 'Calendar';
}

/** FOSDEM writes `https:/fosdem.org/…`: one slash after the scheme. */
function repairUrl(url: string): string {
  return url.trim().replace(/^(https?):\/(?=[^/])/i, '$1://');
}

function propText(component: Component, name: string): string {
  const v = component.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim() : '';
}

function paramText(prop: Property | null, name: string): string {
  const v = prop?.getParameter(name);
  return (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '').trim();
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
