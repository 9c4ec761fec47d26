/**
 * Where a talk is, in words an attendee knows: the building's name from the venue ("Janson",
 * "Building K"), or "Other rooms" for rooms the venue cannot place. Shared by Now and My day.
 */
import type { Conference, Talk } from '../domain/model';
import { UNKNOWN_BUILDING, type Venue } from '../domain/venue';
import { longDay } from './format';

/** Heading for talks in rooms the venue cannot place. */
export const OTHER_ROOMS = 'Other rooms';

/** room name → building id ("unknown" when unplaced), for one conference. */
export function buildingOfRoom(conference: Conference): (room: string) => string {
  const map = new Map(conference.rooms.map((r) => [r.name, r.building]));
  return (room) => map.get(room) ?? UNKNOWN_BUILDING;
}

/** The building's display name: the venue's name, "Building X", or undefined when unplaced. */
export function buildingName(venue: Venue | undefined, id: string): string | undefined {
  if (!id || id === UNKNOWN_BUILDING) return undefined;
  return venue?.buildings.find((b) => b.id === id)?.name ?? `Building ${id}`;
}

/** Position of a building in the venue's own order (unknown last), for sorting groups. */
export function buildingRank(venue: Venue | undefined, id: string): number {
  if (id === UNKNOWN_BUILDING) return Number.MAX_SAFE_INTEGER;
  const i = venue?.buildings.findIndex((b) => b.id === id) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER - 1 : i;
}

/** "K.3.401 · Building K", or the bare room when unplaced. */
export function roomAndBuilding(
  talk: Pick<Talk, 'room'>,
  building: (room: string) => string,
  venue: Venue | undefined,
): string {
  const name = buildingName(venue, building(talk.room));
  return name && name !== talk.room ? `${talk.room} · ${name}` : talk.room;
}

/**
 * "Saturday 6 February", with the year only when it differs from the year of `now` (venue time).
 */
export function dayMonth(ms: number, zone: string, now: number): string {
  const full = longDay(ms, zone);
  const year = longDay(now, zone).slice(-4);
  return full.endsWith(year) ? full.slice(0, -5) : full;
}
