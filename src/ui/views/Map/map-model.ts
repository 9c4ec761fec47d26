/**
 * What the Map view shows, computed from the conference, the venue and the clock: rooms per
 * building, what is on in each room now and next, the map's scale and north from the buildings'
 * lat/lon, and walking minutes to a room. Pure functions: no DOM, no store.
 */

import type { Conference, Room, Talk } from '../../../domain/model';
import { plural } from '../../../domain/text';
import {
  type Building,
  buildingMinutes,
  distanceMetres,
  locateRoom,
  UNKNOWN_BUILDING,
  type Venue,
} from '../../../domain/venue';

/** A room's talks now and next. */
export interface RoomNowNext {
  room: Room;
  /** Talks running at `now` (not cancelled); usually one. */
  now: Talk[];
  /** The first talk starting after `now` (not cancelled), any day. */
  next: Talk | undefined;
}

/** One building as the map draws it. */
export interface BuildingSummary {
  building: Building;
  /** "J Janson" for a named building, "K" for "Building K". */
  label: string;
  /** "Building J (Janson)", "Building K": for screen readers and headings. */
  fullName: string;
  rooms: RoomNowNext[];
  /** Talks running now across its rooms. */
  talksNow: number;
}

/** Talks grouped by room name, in start order (the conference keeps talks sorted). */
export function talksByRoom(conference: Conference): Map<string, Talk[]> {
  const byRoom = new Map<string, Talk[]>();
  for (const talk of conference.talks) {
    const list = byRoom.get(talk.room);
    if (list) list.push(talk);
    else byRoom.set(talk.room, [talk]);
  }
  return byRoom;
}

/** What is on in a room at `now` and what comes next. */
export function roomNowNext(room: Room, talks: readonly Talk[], now: number): RoomNowNext {
  const live = talks.filter((t) => !t.cancelled);
  return {
    room,
    now: live.filter((t) => t.start <= now && now < t.end),
    next: live.find((t) => t.start > now),
  };
}

/** Rooms by name, numbers in order ("K.3.201" before "K.4.201", "AW1.120" before "AW1.126"). */
export function compareRooms(a: Room, b: Room): number {
  return a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
}

/** "J Janson" when the building has its own name, else its id ("K" for "Building K"). */
export function buildingLabel(building: Building): string {
  return isGenericName(building) ? building.id : `${building.id} ${building.name}`;
}

/** "Building J (Janson)" or "Building K". */
export function buildingFullName(building: Building): string {
  return isGenericName(building) ? building.name : `Building ${building.id} (${building.name})`;
}

function isGenericName(building: Building): boolean {
  return building.name.trim().toLowerCase() === `building ${building.id.toLowerCase()}`;
}

/**
 * Ids of the buildings holding at least one room with a talk in this schedule: the ones the map
 * draws and "Walking here" starts from. FOSDEM never uses buildings F and S, and a schedule may
 * list rooms it gives no talk (FOSDEM 2024: H.3242, UB4.228…); search ignores them too.
 */
export function buildingsInUse(
  conference: Conference,
  byRoom: Map<string, Talk[]> = talksByRoom(conference),
): Set<string> {
  const ids = new Set<string>();
  for (const room of conference.rooms) if (byRoom.has(room.name)) ids.add(room.building);
  return ids;
}

/**
 * The buildings of the venue that hold rooms with talks in this conference (buildingsInUse),
 * with those rooms and what is on in them.
 */
export function summarizeBuildings(
  conference: Conference,
  venue: Venue,
  now: number,
  byRoom: Map<string, Talk[]> = talksByRoom(conference),
): BuildingSummary[] {
  const inUse = buildingsInUse(conference, byRoom);
  return venue.buildings.flatMap((building) => {
    if (!inUse.has(building.id)) return [];
    const rooms = conference.rooms
      .filter((r) => r.building === building.id && byRoom.has(r.name))
      .sort(compareRooms)
      .map((r) => roomNowNext(r, byRoom.get(r.name) ?? [], now));
    return [
      {
        building,
        label: buildingLabel(building),
        fullName: buildingFullName(building),
        rooms,
        talksNow: rooms.reduce((n, r) => n + r.now.length, 0),
      },
    ];
  });
}

/**
 * Rooms with talks that no building of the venue holds (virtual rooms, or every room when there
 * is no venue).
 */
export function roomsOutsideBuildings(
  conference: Conference,
  venue: Venue | undefined,
  now: number,
  byRoom: Map<string, Talk[]> = talksByRoom(conference),
): RoomNowNext[] {
  const ids = new Set(venue?.buildings.map((b) => b.id) ?? []);
  return conference.rooms
    .filter((r) => byRoom.has(r.name) && (r.building === UNKNOWN_BUILDING || !ids.has(r.building)))
    .sort(compareRooms)
    .map((r) => roomNowNext(r, byRoom.get(r.name) ?? [], now));
}

/** The text a building shows under its label on the map: "4 talks now", "no talks now". */
export function buildingStatus(summary: BuildingSummary): string {
  return summary.talksNow > 0 ? `${plural(summary.talksNow, 'talk')} now` : 'no talks now';
}

/**
 * "Building K: 4 talks now, 6 rooms", "Building J Janson: …": the accessible name of a building
 * on the map. It starts with what the building shows ("K", "4 talks now"), so voice control and
 * WCAG's label-in-name both find the visible words in it.
 */
export function buildingAccessibleName(summary: BuildingSummary): string {
  const name = `Building ${summary.label}`;
  return `${name}: ${buildingStatus(summary)}, ${plural(summary.rooms.length, 'room')}`;
}

/** How the map relates to the world, derived from the buildings' lat/lon and x/y. */
export interface MapGeometry {
  /** Metres per map unit; undefined with fewer than two buildings apart. */
  metresPerUnit: number | undefined;
  /** Where north points on the map, degrees clockwise from "up" (0 for a north-up map). */
  northDegrees: number;
}

/**
 * Scale and north from every pair of buildings: metres per unit is the ratio of the summed
 * great-circle distances to the summed map distances; north is the length-weighted mean angle
 * between each pair's map direction and its compass bearing.
 */
export function mapGeometry(venue: Venue): MapGeometry {
  let metres = 0;
  let units = 0;
  let sin = 0;
  let cos = 0;
  const bs = venue.buildings;
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const a = bs[i]!;
      const b = bs[j]!;
      const d = distanceMetres(a, b);
      const u = Math.hypot(b.x - a.x, b.y - a.y);
      if (d === 0 || u === 0) continue;
      metres += d;
      units += u;
      // Map angle clockwise from up (y grows downwards); compass bearing clockwise from north.
      const mapAngle = Math.atan2(b.x - a.x, -(b.y - a.y));
      const east = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
      const north = b.lat - a.lat;
      const bearing = Math.atan2(east, north);
      const diff = mapAngle - bearing;
      sin += Math.sin(diff) * u;
      cos += Math.cos(diff) * u;
    }
  }
  if (units === 0) return { metresPerUnit: undefined, northDegrees: 0 };
  const north = (Math.atan2(sin, cos) * 180) / Math.PI;
  return { metresPerUnit: metres / units, northDegrees: Math.round(north * 10) / 10 };
}

/** A round length for a scale bar about `targetUnits` long: 20, 50, 100, 200… metres. */
export function scaleBarMetres(metresPerUnit: number, targetUnits: number): number {
  const target = metresPerUnit * targetUnits;
  const steps = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
  let best = steps[0]!;
  for (const s of steps) if (s <= target) best = s;
  return best;
}

/** Minutes from one building's entrance to a room: the venue's matrix plus the stairs up. */
export interface WalkFrom {
  building: Building;
  minutes: number;
}

/**
 * Walking minutes from the entrance of every other building to `roomName`, quickest first:
 * the ground-floor matrix of the venue file plus the floors to climb in the room's building
 * (the same rule as walkingMinutes for a ground-floor start). `from` limits the start
 * buildings (buildingsInUse: nobody walks from a building with no talks). Empty when the room
 * is unplaced.
 */
export function walksToRoom(
  venue: Venue,
  roomName: string,
  from: { has(buildingId: string): boolean } = { has: () => true },
): WalkFrom[] {
  const place = locateRoom(venue, roomName);
  if (!place) return [];
  const here = venue.buildings.find((b) => b.id === place.building);
  if (!here) return [];
  const stairs = Math.abs(place.floor) * here.minutesPerFloor;
  const walks: WalkFrom[] = [];
  for (const building of venue.buildings) {
    if (building.id === here.id || !from.has(building.id)) continue;
    const between = buildingMinutes(venue, building.id, here.id);
    if (between === undefined) continue;
    walks.push({ building, minutes: Math.ceil(between + stairs) });
  }
  return walks.sort((a, b) => a.minutes - b.minutes || a.building.id.localeCompare(b.building.id));
}

/** "Wing UB · floor 2", "ground floor": where a room is inside its building. */
export function placeText(venue: Venue | undefined, roomName: string): string {
  if (!venue) return '';
  const place = locateRoom(venue, roomName);
  if (!place) return '';
  const building = venue.buildings.find((b) => b.id === place.building);
  const wing = place.wing ? building?.wings?.find((w) => w.id === place.wing)?.name : undefined;
  const floor =
    place.floor === 0
      ? 'ground floor'
      : place.floor < 0
        ? `basement ${-place.floor}`
        : `floor ${place.floor}`;
  return wing ? `${wing} · ${floor}` : floor;
}
