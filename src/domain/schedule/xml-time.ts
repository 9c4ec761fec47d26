/**
 * Time rules of the schedule XML formats: instants from `<date>` (ISO with an offset) or from a
 * day's date plus a venue-local `<start>`, and which IANA zone a file means when it names none.
 */
import {
  isValidTimeZone,
  parseClock,
  parseDurationMs,
  parseIsoDate,
  zonedToUtc,
  zoneOffsetMs,
} from '../time';

/** The zone a Pentabarf file without `<time_zone_name>` or offsets means: FOSDEM's. */
export const DEFAULT_XML_TIME_ZONE = 'Europe/Brussels';

/** An instant read from an ISO date-time with an explicit offset, and that offset. */
export interface OffsetInstant {
  utc: number;
  /** Offset from UTC in minutes (Brussels in winter: 60). */
  offsetMin: number;
}

const OFFSET_DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Parses "2019-12-27T11:00:00+01:00" (or with Z, "+0100", "+01"); undefined without an offset
 * or when a field is out of range: a time without an offset says nothing exact.
 */
export function parseOffsetDateTime(text: string): OffsetInstant | undefined {
  const m = OFFSET_DATE_TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const date = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (!date || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMin = parseOffsetMinutes(m[7]!);
  if (offsetMin === undefined) return undefined;
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  return { utc: wall - offsetMin * 60_000, offsetMin };
}

function parseOffsetMinutes(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** What a file says about one event's time, as text. */
export interface EventTimeText {
  /** `<date>` (ISO with offset: frab, FOSDEM 2024+) as read by parseOffsetDateTime. */
  exact?: number;
  /** `<start>`: venue-local HH:MM[:SS] on the day's date. */
  start?: string;
  duration?: string;
  /** The enclosing `<day date>`, YYYY-MM-DD. */
  dayDate?: string;
  /** Venue-local clock before which a `<start>` belongs to the next calendar date. */
  rolloverClock?: string;
}

/**
 * UTC start and end of an event. `<date>` wins (it is exact); else the day's date and `<start>`
 * read in the conference zone, one calendar day later when the start is before the day's
 * rollover clock (a 00:50 talk in a day that starts at 11:00 is after midnight). The duration
 * is elapsed time, so a talk across a DST change keeps its length. Undefined when no start is
 * readable; a missing or unreadable duration gives a zero-length talk.
 */
export function eventInstants(
  text: EventTimeText,
  timeZone: string,
): { start: number; end: number } | undefined {
  const start = text.exact ?? localStart(text, timeZone);
  if (start === undefined) return undefined;
  const duration = text.duration ? parseDurationMs(text.duration) : undefined;
  return { start, end: start + (duration ?? 0) };
}

function localStart(text: EventTimeText, timeZone: string): number | undefined {
  const date = text.dayDate ? parseIsoDate(text.dayDate) : undefined;
  const clock = text.start ? parseClock(text.start) : undefined;
  if (!date || !clock) return undefined;
  const rollover = text.rolloverClock ? parseClock(text.rolloverClock) : undefined;
  const onDate = rollover && clockMs(clock) < clockMs(rollover) ? addDays(date, 1) : date;
  return zonedToUtc(onDate, clock, timeZone);
}

function clockMs(c: { hour: number; minute: number; second: number }): number {
  return ((c.hour * 60 + c.minute) * 60 + c.second) * 1000;
}

/** A calendar date n days later. */
export function addDays(
  date: { year: number; month: number; day: number },
  n: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Zones tried first when offsets must be matched to a place (wall clocks are what count). */
const PREFERRED_ZONES = [
  'Europe/Brussels',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Helsinki',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Pacific/Auckland',
];

/**
 * The zone of a file that names none, from the offsets its times carry:
 * - one whole-hour offset → the fixed zone "Etc/GMT-1" (+01:00; the Etc sign is inverted) or
 *   "UTC": the file tells the offset, not the place, and a fixed zone shows exactly the wall
 *   clock the organizers printed;
 * - offsets that change (the conference spans a DST change) or are not whole hours → the first
 *   zone (preferred list, then every zone Intl knows) whose offsets match at every instant;
 * - nothing to go on → Europe/Brussels (Pentabarf's home, FOSDEM), documented default.
 */
export function zoneFromOffsets(samples: readonly OffsetInstant[]): string {
  if (samples.length === 0) return DEFAULT_XML_TIME_ZONE;
  const byOffset = extremesByOffset(samples);
  if (byOffset.size === 1) {
    const fixed = fixedZone(samples[0]!.offsetMin);
    if (fixed) return fixed;
  }
  const checks = [...byOffset.values()].flat();
  for (const zone of candidateZones()) {
    if (checks.every((s) => zoneOffsetMs(s.utc, zone) === s.offsetMin * 60_000)) return zone;
  }
  return fixedZone(samples[0]!.offsetMin) ?? 'UTC';
}

/** Earliest and latest sample for each distinct offset (enough to test a candidate zone). */
function extremesByOffset(samples: readonly OffsetInstant[]): Map<number, OffsetInstant[]> {
  const out = new Map<number, OffsetInstant[]>();
  for (const s of samples) {
    const pair = out.get(s.offsetMin);
    if (!pair) out.set(s.offsetMin, [s, s]);
    else {
      if (s.utc < pair[0]!.utc) pair[0] = s;
      if (s.utc > pair[1]!.utc) pair[1] = s;
    }
  }
  return out;
}

function fixedZone(offsetMin: number): string | undefined {
  if (offsetMin === 0) return 'UTC';
  if (offsetMin % 60 !== 0) return undefined;
  const hours = offsetMin / 60;
  const zone = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  return isValidTimeZone(zone) ? zone : undefined;
}

function* candidateZones(): Generator<string> {
  for (const zone of PREFERRED_ZONES) if (isValidTimeZone(zone)) yield zone;
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // An engine without the list: only the preferred zones are tried.
  }
  yield* all;
}

/** `<time_zone_name>` when Intl knows it, else the zone the offsets imply. */
export function chooseTimeZone(
  declared: string | undefined,
  samples: readonly OffsetInstant[],
): string {
  const name = declared?.trim();
  if (name && isValidTimeZone(name)) return name;
  return zoneFromOffsets(samples);
}
