/** The Schedule view's filters, kept in the URL so a filtered view survives reloads and links. */

import type { Conference, Talk } from '../../../domain/model';
import { UNKNOWN_BUILDING } from '../../../domain/venue/types';

/** Filters as read from the route. */
export interface ScheduleFilters {
  day: number;
  by: 'time' | 'room';
  track: string;
  type: string;
  building: string;
  room: string;
  hidePast: boolean;
}

/** Reads filters from URL parameters, defaulting the day. */
export function readFilters(
  params: URLSearchParams,
  defaultDay: number,
  dayCount: number,
): ScheduleFilters {
  const day = Number(params.get('day'));
  return {
    day:
      Number.isInteger(day) && params.has('day') && day >= 0 && day < dayCount ? day : defaultDay,
    by: params.get('by') === 'room' ? 'room' : 'time',
    track: params.get('track') ?? '',
    type: params.get('type') ?? '',
    building: params.get('building') ?? '',
    room: params.get('room') ?? '',
    hidePast: params.get('past') === 'hide',
  };
}

/** The talks of the chosen day that pass every filter. */
export function filterTalks(conference: Conference, f: ScheduleFilters, now: number): Talk[] {
  const buildingOf = new Map(conference.rooms.map((r) => [r.name, r.building]));
  return conference.talks.filter(
    (t) =>
      t.day === f.day &&
      (!f.track || t.track === f.track) &&
      (!f.type || t.type === f.type) &&
      (!f.building || buildingOf.get(t.room) === f.building) &&
      (!f.room || t.room === f.room) &&
      (!f.hidePast || t.end > now),
  );
}

/** Distinct values for the filter menus, in a stable order. */
export function filterOptions(conference: Conference) {
  const types = [...new Set(conference.talks.map((t) => t.type).filter(Boolean))].sort();
  const buildings = [...new Set(conference.rooms.map((r) => r.building))].sort((a, b) =>
    a === UNKNOWN_BUILDING ? 1 : b === UNKNOWN_BUILDING ? -1 : a.localeCompare(b),
  );
  const usedTracks = new Set(conference.talks.map((t) => t.track));
  const tracks = conference.tracks
    .map((t) => t.name)
    .filter((name) => usedTracks.has(name))
    .sort((a, b) => a.localeCompare(b));
  const usedRooms = new Set(conference.talks.map((t) => t.room));
  const rooms = conference.rooms.filter((r) => usedRooms.has(r.name)).map((r) => r.name);
  return { types, buildings, tracks, rooms };
}
