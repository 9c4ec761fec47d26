/**
 * Walking time between rooms: the venue file's building matrix (ground floor to ground floor)
 * plus stairs at both ends, or, inside one building, a base minute plus floor and wing changes.
 * Always whole minutes, rounded up: a transfer is planned, never promised.
 */
import { locateRoom } from './rooms';
import type { Building, Venue } from './types';

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance between two buildings' centres, in metres. */
export function distanceMetres(a: Pick<Building, 'lat' | 'lon'>, b: Pick<Building, 'lat' | 'lon'>) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/**
 * Minutes between two buildings as the venue file's matrix is derived: distance × detour at the
 * walking speed, plus the door-to-door allowance, rounded up. Used to check the stored matrix.
 */
export function derivedBuildingMinutes(venue: Venue, from: Building, to: Building): number {
  const w = venue.walking;
  const metresPerMinute = (w.speedKmh * 1000) / 60;
  return Math.ceil(
    (distanceMetres(from, to) * w.detourFactor) / metresPerMinute + w.doorToDoorMinutes,
  );
}

/** Ground-floor minutes between two buildings (0 for the same one); undefined if unknown. */
export function buildingMinutes(venue: Venue, from: string, to: string): number | undefined {
  if (from === to) return venue.buildings.some((b) => b.id === from) ? 0 : undefined;
  return venue.walking.minutes[from]?.[to];
}

function perFloor(venue: Venue, building: string): number {
  return venue.buildings.find((b) => b.id === building)?.minutesPerFloor ?? 0;
}

/**
 * Whole minutes to walk from one room to another: 0 for the same room; inside one building the
 * base minute plus floor changes (and a wing change in U); between buildings the matrix plus the
 * stairs down from the first room and up to the second. Undefined when a room is not in a known
 * building (virtual rooms, other venues).
 */
export function walkingMinutes(venue: Venue, fromRoom: string, toRoom: string): number | undefined {
  if (fromRoom.trim() === toRoom.trim()) return 0;
  const from = locateRoom(venue, fromRoom);
  const to = locateRoom(venue, toRoom);
  if (!from || !to) return undefined;
  const w = venue.walking;
  if (from.building === to.building) {
    const floors = Math.abs(from.floor - to.floor) * perFloor(venue, from.building);
    const wing = from.wing !== to.wing ? w.wingChangeMinutes : 0;
    return Math.ceil(w.sameBuildingMinutes + wing + floors);
  }
  const between = buildingMinutes(venue, from.building, to.building);
  if (between === undefined) return undefined;
  const stairs =
    Math.abs(from.floor) * perFloor(venue, from.building) +
    Math.abs(to.floor) * perFloor(venue, to.building);
  return Math.ceil(between + stairs);
}
