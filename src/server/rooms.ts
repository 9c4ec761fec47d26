/**
 * Rooms as the relay knows them: the served schedule's rooms, found by name or slug, and the
 * GET /api/rooms entry (its shape, RoomStatusEntry, lives in domain/crowd-api.ts).
 */
import { fullnessAgeSeconds } from '../domain/crowd';
import type { RoomStatusEntry } from '../domain/crowd-api';
import { isKnownFull, type OfficialState, type RoomFullness } from '../domain/fullness';
import type { Conference, Room } from '../domain/model';
import { roomSlug } from '../domain/schedule/normalize';

/** Finds schedule rooms by exact name, slug, or the slug of a name (with or without nickname). */
export class RoomDirectory {
  #conference: Conference | undefined;
  #byKey = new Map<string, Room>();

  constructor(private readonly conference: () => Conference) {}

  /** The schedule's rooms (rebuilt when the schedule is refreshed). */
  rooms(): readonly Room[] {
    return this.#index().rooms;
  }

  /** The room a report or the official feed names, or undefined when the schedule has none. */
  resolve(nameOrSlug: string): Room | undefined {
    this.#index();
    const name = nameOrSlug.trim();
    const byKey = this.#byKey;
    return byKey.get(name) ?? byKey.get(name.toLowerCase()) ?? byKey.get(roomSlug(name));
  }

  #index(): Conference {
    const c = this.conference();
    if (c !== this.#conference) {
      this.#conference = c;
      this.#byKey = new Map();
      for (const room of c.rooms) {
        for (const key of [room.name, room.slug, roomSlug(room.name)]) {
          if (key && !this.#byKey.has(key)) this.#byKey.set(key, room);
        }
      }
    }
    return c;
  }
}

const OFFICIAL_CODES: Record<OfficialState, '0' | '1' | '2'> = {
  open: '0',
  full: '1',
  emergency: '2',
};

/** The listing entry of one room, ages measured at `now`. */
export function roomStatusEntry(room: Room, f: RoomFullness, now: number): RoomStatusEntry {
  const state = f.official ? OFFICIAL_CODES[f.official] : isKnownFull(f) ? '1' : '0';
  return {
    roomname: room.name,
    state,
    slug: room.slug,
    building: room.building,
    level: f.level,
    confidence: Math.round(f.confidence * 100) / 100,
    reports: f.reports,
    age: fullnessAgeSeconds(f, now) ?? null,
    updatedAt: f.updatedAt === undefined ? null : new Date(f.updatedAt).toISOString(),
    source: f.source,
    ...(f.official ? { official: f.official } : {}),
  };
}
