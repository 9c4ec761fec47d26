/**
 * Bookmarks from a calendar file: the ICS that FOSDEM Companion (the Android app) exports of its
 * bookmarks, or one Plan B exported. Each VEVENT is matched to a talk of the current schedule,
 * most reliable evidence first:
 * 1. a Plan B UID (`<encoded TalkKey>@planb`) naming a talk that is in the schedule;
 * 2. the talk page URL's `/event/<slug>/` (Companion and FOSDEM write it; slugs survive new
 *    schedule versions);
 * 3. a Companion UID `<eventId>@<year>@be.digitalia.fosdem`, by event id, only when the year is
 *    the conference's (numeric ids change between years and even between versions);
 * 4. the same title (ignoring case, accents and CANCELLED/AMENDMENT markers) starting within a
 *    minute of the event's start.
 * Events that match nothing are reported, never guessed.
 */
import ICAL from 'ical.js';
import { talkKeyFromUid } from '../export/ics';
import type { Conference, Talk } from '../model';
import { eventLine, ICS_DATE_HINT } from '../schedule/ics-lines';
import { cleanTitle } from '../schedule/normalize';
import { foldText } from '../text';
import { isValidTimeZone, zonedToUtc } from '../time';

/** How a calendar event was matched to a talk. */
export type CalendarMatchBy = 'planb-uid' | 'slug' | 'companion-id' | 'title-time';

/** Calendar events matched to talks (each talk once) and those that matched none. */
export interface CalendarBookmarks {
  matched: { talk: Talk; uid: string; by: CalendarMatchBy }[];
  unmatched: { uid: string; title: string; start?: number }[];
}

/** A calendar file that cannot be read at all. */
export class CalendarImportError extends Error {
  override readonly name = 'CalendarImportError';
  constructor(problem: string) {
    super(`This calendar cannot be read: ${problem} No bookmarks were added.`);
  }
}

const COMPANION_UID_RE = /^(\d+)@([^@]+)@be\.digitalia\.fosdem$/i;
const EVENT_SLUG_RE = /\/event\/([^/?#]+)\/?(?:[?#]|$)/;
const SAME_START_MS = 60_000;

/** Matches every VEVENT of an ICS text to the conference's talks. Throws CalendarImportError. */
export function matchCalendarBookmarks(conference: Conference, icsText: string): CalendarBookmarks {
  const events = readEvents(icsText);
  const byKey = new Map(conference.talks.map((t) => [t.key, t]));
  const bySlug = new Map(conference.talks.filter((t) => t.slug).map((t) => [t.slug!, t]));
  const byId = new Map(conference.talks.map((t) => [t.id, t]));
  const years = new Set(conference.days.map((d) => d.date.slice(0, 4)));
  const byTitle = new Map<string, Talk[]>();
  for (const t of conference.talks) {
    const k = titleKey(t.title);
    byTitle.set(k, [...(byTitle.get(k) ?? []), t]);
  }

  const result: CalendarBookmarks = { matched: [], unmatched: [] };
  const seen = new Set<string>();
  for (const [i, event] of events.entries()) {
    const uid = text(event, 'uid');
    const title = text(event, 'summary');
    let start: number | undefined;
    try {
      start = startOf(event, conference.timeZone);
    } catch {
      // ical.js reads dates lazily and throws its own words ("Could not extract integer…").
      const line = eventLine(icsText, i, 'DTSTART');
      throw new CalendarImportError(
        `event ${i + 1}${title ? ` ("${title.slice(0, 60)}")` : ''} has a start that is not a date and time${line ? ` (${JSON.stringify(line)})` : ''}: ${ICS_DATE_HINT}.`,
      );
    }
    const planbKey = talkKeyFromUid(uid);
    const slug = EVENT_SLUG_RE.exec(text(event, 'url'))?.[1];
    const companion = COMPANION_UID_RE.exec(uid);
    const candidates: [Talk | undefined, CalendarMatchBy][] = [
      [planbKey ? byKey.get(planbKey) : undefined, 'planb-uid'],
      [slug ? (bySlug.get(slug) ?? byKey.get(`slug:${slug}`)) : undefined, 'slug'],
      [companion && years.has(companion[2]!) ? byId.get(companion[1]!) : undefined, 'companion-id'],
      [
        start === undefined
          ? undefined
          : byTitle.get(titleKey(title))?.find((t) => Math.abs(t.start - start) < SAME_START_MS),
        'title-time',
      ],
    ];
    const found = candidates.find(([talk]) => talk !== undefined);
    if (!found) {
      result.unmatched.push({ uid, title, ...(start === undefined ? {} : { start }) });
    } else if (!seen.has(found[0]!.key)) {
      seen.add(found[0]!.key);
      result.matched.push({ talk: found[0]!, uid, by: found[1] });
    }
  }
  return result;
}

function readEvents(icsText: string): ICAL.Component[] {
  const body = icsText.replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(body)) {
    throw new CalendarImportError('it is not an iCalendar (.ics) file.');
  }
  const ends = [...body.matchAll(/^END:VCALENDAR[ \t]*$/gim)];
  const last = ends[ends.length - 1];
  const trimmed = last?.index === undefined ? body : body.slice(0, last.index + last[0].length);
  try {
    const jcal = ICAL.parse(`${trimmed}\r\n`);
    const roots = (typeof jcal[0] === 'string' ? [jcal] : jcal) as unknown[][];
    return roots.flatMap((r) => new ICAL.Component(r).getAllSubcomponents('vevent'));
  } catch (e) {
    throw new CalendarImportError(`${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** DTSTART as UTC ms: UTC and zoned times through ical.js, floating ones in the venue's zone. */
function startOf(event: ICAL.Component, venueZone: string): number | undefined {
  const prop = event.getFirstProperty('dtstart');
  const v = prop?.getFirstValue();
  if (!prop || !(v instanceof ICAL.Time)) return undefined;
  if (v.zone && v.zone.tzid !== 'floating') return v.toUnixTime() * 1000;
  const tzid = prop.getParameter('tzid');
  const zone = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : venueZone;
  return zonedToUtc(
    { year: v.year, month: v.month, day: v.day },
    { hour: v.hour, minute: v.minute, second: v.second },
    zone,
  );
}

function titleKey(title: string): string {
  return foldText(cleanTitle(title).title);
}

function text(event: ICAL.Component, name: string): string {
  const v = event.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim() : '';
}
