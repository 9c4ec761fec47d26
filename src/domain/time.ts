/**
 * Venue wall-clock ⇄ UTC instants for an IANA zone, through Intl only (no tz database of our
 * own). Results never depend on the device's zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
/** One minute in ms: the unit of every duration the app shows. */
export const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (e.g. "Europe/Brussels"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** English day names, Sunday first (index = ZonedParts.weekday). */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** English month names, January first (index = month - 1). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The zone's wall clock read through Intl (slow: a formatToParts call). */
function intlParts(utcMs: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/**
 * The venue wall clock at a UTC instant. Intl is asked once per zone and quarter hour (for the
 * offset); the fields then come from plain date arithmetic, so every talk row can call this.
 */
export function zonedParts(utcMs: number, timeZone: string): ZonedParts {
  const local = new Date(utcMs + zoneOffsetMs(utcMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** Offset of the zone from UTC at an instant, in ms (Brussels in winter: +3,600,000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  // Zone transitions fall on quarter hours, so the offset is constant within one.
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  const cacheKey = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const start = bucket * QUARTER_HOUR;
  const p = intlParts(start, timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(cacheKey, offset);
  return offset;
}

/**
 * The UTC instant of a venue wall-clock time. In the spring-forward gap the time is read with
 * the offset before the change (02:30 → 03:30 CEST); in the autumn overlap the earlier instant wins.
 */
export function zonedToUtc(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number; second?: number },
  timeZone: string,
): number {
  const asUtc = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    time.hour,
    time.minute,
    time.second ?? 0,
  );
  const before = zoneOffsetMs(asUtc - 86_400_000, timeZone);
  const after = zoneOffsetMs(asUtc + 86_400_000, timeZone);
  const candidates = [asUtc - before, asUtc - after].sort((a, b) => a - b);
  for (const t of candidates) {
    if (t + zoneOffsetMs(t, timeZone) === asUtc) return t;
  }
  // In a gap: no instant shows this wall time; use the offset in force before the change.
  return asUtc - before;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Parses "YYYY-MM-DD"; undefined when it is not a real calendar date. */
export function parseIsoDate(
  text: string,
): { year: number; month: number; day: number } | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Parses "HH:MM" or "HH:MM:SS" (hours may exceed 23 in durations); undefined otherwise. */
export function parseClock(
  text: string,
): { hour: number; minute: number; second: number } | undefined {
  const m = TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (minute > 59 || second > 59) return undefined;
  return { hour: Number(m[1]), minute, second };
}

/** Duration "HH:MM[:SS]" (or "D:HH:MM" is not used by any known file) → ms. */
export function parseDurationMs(text: string): number | undefined {
  const c = parseClock(text);
  return c ? ((c.hour * 60 + c.minute) * 60 + c.second) * 1000 : undefined;
}

/** Venue-local date of an instant, YYYY-MM-DD. */
export function venueDate(utcMs: number, timeZone: string): string {
  const p = zonedParts(utcMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Venue-local time of an instant, HH:MM. */
export function venueTime(utcMs: number, timeZone: string): string {
  const p = zonedParts(utcMs, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** ISO 8601 with the venue's offset: "2020-02-01T10:30:00+01:00". */
export function toVenueIso(utcMs: number, timeZone: string): string {
  const p = zonedParts(utcMs, timeZone);
  const offsetMin = Math.round(zoneOffsetMs(utcMs, timeZone) / MINUTE);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Parses a venue-local "YYYY-MM-DD HH:MM" (or with a T), or an ISO string with an offset or Z,
 * into a UTC instant. Used for `--at` and the time-travel clock.
 */
export function parseVenueDateTime(text: string, timeZone: string): number | undefined {
  const t = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)$/.exec(t);
  if (!m) return undefined;
  const date = parseIsoDate(m[1]!);
  const clock = parseClock(m[2]!);
  if (!date || !clock || clock.hour > 23) return undefined;
  return zonedToUtc(date, clock, timeZone);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
