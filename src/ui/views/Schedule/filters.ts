/** The Schedule view's filters, kept in the URL so a filtered view survives reloads and links. */

import type { Conference } from '../../../domain/model';
import type { TalkFilter } from '../../../domain/talk-filter';
import { UNKNOWN_BUILDING } from '../../../domain/venue/types';

/** Filters as read from the route: the day, the order, and what talks must be. */
export interface ScheduleFilters extends TalkFilter {
  day: number;
  by: 'time' | 'room';
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
