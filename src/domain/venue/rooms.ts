/**
 * Room name → building, wing and floor. ULB room names carry their place: the prefix is the
 * building (wing for U), the first digit after it is the floor: "K.3.401" → K, floor 3;
 * "UB4.136" → U (wing UB), floor 4; "H.2215 (Ferrer)" → H, floor 2. Named exceptions in the
 * venue file cover the rest ("Janson").
 */
import type { RoomPlace, Venue } from './types';
import { UNKNOWN_BUILDING } from './types';

const compiled = new Map<string, RegExp>();

/** Compiles a venue-file regex once (case-insensitive). */
export function venueRegex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'i');
    compiled.set(source, re);
  }
  return re;
}

/** Room names compared for exceptions: trimmed, spacing collapsed, lowercase. */
function key(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The floor a room name says it is on, 0 (ground) when it says none: the first number after
 * the building letters and an optional dot. "K.3.401" → 3, "UB4.136" → 4, "H.2215" → 2,
 * "AW1.126" → 1, "UD2.208" → 2, "J.1.106" → 1, "Janson" → 0, "K.-1.12" → -1, and a whole
 * floor: "K.Level.2" → 2.
 */
export function floorOfRoom(roomName: string): number {
  const m = /^[a-z]{1,3}\.?(?:level\.)?(-?\d)/i.exec(roomName.trim());
  return m ? Number(m[1]) : 0;
}

/**
 * Where a room is in the venue: named exceptions first, then the first matching rule.
 * Undefined for virtual or unknown rooms ("D.containers", "Online", "Ada").
 */
export function locateRoom(venue: Venue, roomName: string): RoomPlace | undefined {
  const name = roomName.replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  const k = key(name);
  const exception = venue.rooms.exceptions.find((e) => key(e.name) === k);
  if (exception) {
    return {
      building: exception.building,
      ...(exception.wing ? { wing: exception.wing } : {}),
      floor: exception.floor ?? floorOfRoom(name),
    };
  }
  const rule = venue.rooms.rules.find((r) => venueRegex(r.pattern).test(name));
  if (!rule) return undefined;
  return {
    building: rule.building,
    ...(rule.wing ? { wing: rule.wing } : {}),
    floor: floorOfRoom(name),
  };
}

/** The building id of a room, or "unknown" when no exception or rule places it. */
export function buildingForRoom(venue: Venue, roomName: string): string {
  return locateRoom(venue, roomName)?.building ?? UNKNOWN_BUILDING;
}
