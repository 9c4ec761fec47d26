/**
 * The relay's GET /api/rooms entry — FOSDEM listrooms-compatible (`roomname`, `state`) plus Plan
 * B's fields — shared by the relay that writes it and the phone that reads it, and turned back
 * into RoomFullness on the phone. Pure.
 */
import { FULLNESS_LEVELS, type OfficialState, type RoomFullness } from './fullness';

/** One GET /api/rooms entry. */
export interface RoomStatusEntry {
  roomname: string;
  /** "0" open (or unknown), "1" full, "2" full + emergency evacuation. */
  state: '0' | '1' | '2';
  slug: string;
  building: string;
  level: RoomFullness['level'];
  /** 0 … 1, two decimals. */
  confidence: number;
  /** Devices whose reports count. */
  reports: number;
  /** Seconds between the freshest information and when the relay made the listing; null if none. */
  age: number | null;
  /** ISO time of the freshest information (relay's clock); null if none. */
  updatedAt: string | null;
  source: RoomFullness['source'];
  /** The venue's state, when its feed is current for this room. */
  official?: OfficialState;
}

const LEVELS = new Set<string>([...FULLNESS_LEVELS, 'unknown']);
const SOURCES = new Set<string>(['official', 'crowd', 'none']);
const OFFICIAL = new Set<string>(['open', 'full', 'emergency']);

/** Reads a GET /api/rooms body leniently: entries that are not room statuses are skipped. */
export function parseRoomStatus(json: unknown): RoomStatusEntry[] {
  if (!Array.isArray(json)) throw new Error('The relay sent something that is not a room list.');
  return json.filter((e): e is RoomStatusEntry => {
    if (typeof e !== 'object' || e === null) return false;
    const x = e as Record<string, unknown>;
    return (
      typeof x.roomname === 'string' &&
      typeof x.slug === 'string' &&
      typeof x.level === 'string' &&
      LEVELS.has(x.level) &&
      typeof x.confidence === 'number' &&
      typeof x.reports === 'number' &&
      (x.age === null || typeof x.age === 'number') &&
      typeof x.source === 'string' &&
      SOURCES.has(x.source) &&
      (x.official === undefined || (typeof x.official === 'string' && OFFICIAL.has(x.official)))
    );
  });
}

/**
 * The listing as RoomFullness keyed by slug, on this phone's clock: an entry `age` seconds old
 * when the listing arrived at `receivedAt` was last updated at receivedAt − age (the relay's
 * clock never matters).
 */
export function fullnessFromStatus(
  entries: readonly RoomStatusEntry[],
  receivedAt: number,
): Map<string, RoomFullness> {
  const map = new Map<string, RoomFullness>();
  for (const e of entries) {
    map.set(e.slug, {
      room: e.slug,
      level: e.level,
      confidence: e.confidence,
      source: e.source,
      reports: e.reports,
      ...(e.age === null ? {} : { updatedAt: receivedAt - e.age * 1000 }),
      ...(e.official ? { official: e.official } : {}),
    });
  }
  return map;
}
