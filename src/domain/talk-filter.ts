/**
 * Narrowing the schedule to a day, track, type, building and room, and where to go when that
 * finds nothing: "No Rust talks on Saturday — 13 on Sunday". The alternatives are computed for
 * any combination of filters (the same filters on other days, or one filter cleared), so a day
 * tab or a filter never leads to a dead end.
 */
import type { Conference, Talk } from './model';

/** The filters a schedule list applies besides the day ("" = any). */
export interface TalkFilter {
  track: string;
  type: string;
  building: string;
  room: string;
  /** Only talks that have not ended at `now`. */
  hidePast: boolean;
}

/** A filter that can be cleared: one of the four menus, or "hide past talks". */
export type FilterKey = 'track' | 'type' | 'building' | 'room' | 'past';

/** What to show instead of an empty list: keep every filter on another day, or clear one. */
export interface FilterAlternative {
  /** The filter to clear; undefined: keep them all and go to `day`. */
  clear?: FilterKey;
  day: number;
  count: number;
}

const KEYS: readonly FilterKey[] = ['track', 'type', 'building', 'room', 'past'];

/** The filters that are set, in menu order. */
export function activeFilters(filter: TalkFilter): FilterKey[] {
  return KEYS.filter((k) => (k === 'past' ? filter.hidePast : filter[k] !== ''));
}

/** A predicate for talks passing `filter` (any day); `now` matters only with hidePast. */
export function talkFilter(
  conference: Conference,
  filter: TalkFilter,
  now: number,
): (talk: Talk) => boolean {
  const buildingOf = new Map(conference.rooms.map((r) => [r.name, r.building]));
  const { track, type, building, room, hidePast } = filter;
  return (t) =>
    (!track || t.track === track) &&
    (!type || t.type === type) &&
    (!building || buildingOf.get(t.room) === building) &&
    (!room || t.room === room) &&
    (!hidePast || t.end > now);
}

/** The talks of `day` passing `filter`, in schedule order. */
export function filterTalks(
  conference: Conference,
  day: number,
  filter: TalkFilter,
  now: number,
): Talk[] {
  const keep = talkFilter(conference, filter, now);
  return conference.talks.filter((t) => t.day === day && keep(t));
}

/** How many talks pass `filter` on each day (index into Conference.days). */
export function countByDay(conference: Conference, filter: TalkFilter, now: number): number[] {
  const counts = conference.days.map(() => 0);
  const keep = talkFilter(conference, filter, now);
  for (const t of conference.talks) if (t.day < counts.length && keep(t)) counts[t.day]! += 1;
  return counts;
}

/**
 * Where the talks are when `filter` finds none on `day`: first every other day where all the
 * filters find talks (in day order), then, for each filter set, clearing it alone: on `day`
 * when that finds talks there, else on the nearest day that has some (the later one on a tie).
 * Empty only when no single change helps (then clearing every filter is the way out).
 */
export function filterAlternatives(
  conference: Conference,
  day: number,
  filter: TalkFilter,
  now: number,
): FilterAlternative[] {
  const found: FilterAlternative[] = [];
  countByDay(conference, filter, now).forEach((count, d) => {
    if (d !== day && count > 0) found.push({ day: d, count });
  });
  for (const key of activeFilters(filter)) {
    const cleared = key === 'past' ? { ...filter, hidePast: false } : { ...filter, [key]: '' };
    const counts = countByDay(conference, cleared, now);
    const best = nearestWithTalks(counts, day);
    if (best !== undefined) found.push({ clear: key, day: best, count: counts[best]! });
  }
  return found;
}

function nearestWithTalks(counts: readonly number[], day: number): number | undefined {
  let best: number | undefined;
  counts.forEach((count, d) => {
    if (count === 0) return;
    if (best === undefined || Math.abs(d - day) <= Math.abs(best - day)) best = d;
  });
  return counts[day] ? day : best;
}
