/**
 * What a schedule holds, in numbers: the facts `planb inspect` prints and the app shows after an
 * import, so organizers can check a file before the conference.
 */

import type { Conference } from './model';
import { toVenueIso } from './time';
import { UNKNOWN_BUILDING } from './venue/types';

/** Counts and lists describing one conference. */
export interface ConferenceSummary {
  title: string;
  acronym: string;
  timeZone: string;
  format: string;
  /** Number of days. */
  days: number;
  /** Venue-local date of each day, with its talk count. */
  dayList: { date: string; talks: number }[];
  /** Rooms the file lists. */
  rooms: number;
  /** Rooms that hold at least one talk. */
  roomsWithTalks: number;
  talks: number;
  tracks: number;
  cancelled: number;
  persons: number;
  /** Talks per building id ("unknown" for virtual or unmapped rooms). */
  buildings: Record<string, number>;
  /** Rooms that look physical (a building-like code such as "X1.23") but map to no building. */
  unmappedRooms: string[];
  /** Every room with its slug, building and talk count. */
  roomList: { name: string; slug: string; building: string; talks: number }[];
}

/** One talk as `inspect --talks` lists it; start and end in ISO 8601 with the venue offset. */
export interface TalkListing {
  key: string;
  title: string;
  start: string;
  end: string;
  room: string;
}

// A room code such as "AW1.120", "H.2215 (Ferrer)", "K.3.401", "J.1.106": letters then digits
// with a dot. Names like "Ada", "Online" or "D.containers" (virtual devrooms) do not qualify.
const PHYSICAL_ROOM_RE = /^[A-Z]{1,3}\.?\d[\w.]*(\s*\(.*\))?$/;

/** Summarizes a conference for people and scripts. */
export function summarizeConference(conference: Conference): ConferenceSummary {
  const talksPerRoom = new Map<string, number>();
  for (const t of conference.talks) talksPerRoom.set(t.room, (talksPerRoom.get(t.room) ?? 0) + 1);
  const buildingOf = new Map(conference.rooms.map((r) => [r.name, r.building]));
  const buildings: Record<string, number> = {};
  for (const t of conference.talks) {
    const b = buildingOf.get(t.room) ?? UNKNOWN_BUILDING;
    buildings[b] = (buildings[b] ?? 0) + 1;
  }
  return {
    title: conference.title,
    acronym: conference.acronym,
    timeZone: conference.timeZone,
    format: conference.source.format,
    days: conference.days.length,
    dayList: conference.days.map((d) => ({
      date: d.date,
      talks: conference.talks.filter((t) => t.day === d.index).length,
    })),
    rooms: conference.rooms.length,
    roomsWithTalks: conference.rooms.filter((r) => talksPerRoom.has(r.name)).length,
    talks: conference.talks.length,
    tracks: conference.tracks.length,
    cancelled: conference.talks.filter((t) => t.cancelled).length,
    persons: conference.persons.length,
    buildings,
    unmappedRooms: conference.rooms
      .filter((r) => r.building === UNKNOWN_BUILDING && PHYSICAL_ROOM_RE.test(r.name))
      .map((r) => r.name),
    roomList: conference.rooms.map((r) => ({
      name: r.name,
      slug: r.slug,
      building: r.building,
      talks: talksPerRoom.get(r.name) ?? 0,
    })),
  };
}

/** Every talk as key, title, venue-offset ISO start/end and room. */
export function listTalks(conference: Conference): TalkListing[] {
  return conference.talks.map((t) => ({
    key: t.key,
    title: t.title,
    start: toVenueIso(t.start, conference.timeZone),
    end: toVenueIso(t.end, conference.timeZone),
    room: t.room,
  }));
}
