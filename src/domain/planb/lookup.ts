/**
 * What Plan B looks up on every tap, prepared once per schedule: talks by key, by room and by
 * start time, rooms by name and slug, the rooms of each track per day, the topic model and a
 * memo of walking times. Cached per Conference object, so callers never have to hold it.
 */
import type { RoomFullness } from '../fullness';
import type { Conference, Room, Talk, TalkKey } from '../model';
import { roomSlug } from '../schedule/normalize';
import { UNKNOWN_BUILDING, type Venue } from '../venue/types';
import { walkingMinutes } from '../venue/walking';
import { buildTopics, type TopicIndex } from './topics';

/** Lookups over one schedule for the suggestion engine; get it with planBIndex(conference). */
export interface PlanBIndex {
  conference: Conference;
  /** Talks by start (then schedule order), and their starts for binary search. */
  byStart: readonly Talk[];
  starts: Float64Array;
  byKey: ReadonlyMap<TalkKey, Talk>;
  /** Room name → its talks by start. */
  byRoom: ReadonlyMap<string, readonly Talk[]>;
  /** Room name → room (a talk's room missing from conference.rooms gets a made-up entry). */
  rooms: ReadonlyMap<string, Room>;
  /** "<day>|<track>" → the rooms that track uses that day. */
  trackRooms: ReadonlyMap<string, ReadonlySet<string>>;
  /** The topic model (built on first use: only ranking needs it). */
  topics: TopicIndex;
  /** "<venue id>|<from>|<to>" → walking minutes (undefined: unknown). */
  walks: Map<string, number | undefined>;
}

const cache = new WeakMap<Conference, PlanBIndex>();
/** Topic models built elsewhere (a worker) or here, per conference. */
const topicModels = new WeakMap<Conference, TopicIndex>();

/**
 * Hands over a topic model built off the main thread (buildTopics in a worker, on the same
 * talks): Plan B uses it instead of building its own. Ignored when one is already there.
 */
export function adoptTopics(conference: Conference, topics: TopicIndex): void {
  if (!topicModels.has(conference)) topicModels.set(conference, topics);
}

/** True when the topic model of `conference` is ready (built or adopted). */
export function hasTopics(conference: Conference): boolean {
  return topicModels.has(conference);
}

/** The lookup tables for a conference, built on first use and kept while the object lives. */
export function planBIndex(conference: Conference): PlanBIndex {
  const cached = cache.get(conference);
  if (cached) return cached;
  const byStart = [...conference.talks].sort((a, b) => a.start - b.start);
  const rooms = new Map(conference.rooms.map((r) => [r.name, r]));
  const byRoom = new Map<string, Talk[]>();
  const trackRooms = new Map<string, Set<string>>();
  for (const talk of byStart) {
    if (!rooms.has(talk.room))
      rooms.set(talk.room, {
        name: talk.room,
        slug: roomSlug(talk.room),
        building: UNKNOWN_BUILDING,
      });
    const list = byRoom.get(talk.room);
    if (list) list.push(talk);
    else byRoom.set(talk.room, [talk]);
    if (!talk.track) continue;
    const k = `${talk.day}|${talk.track}`;
    const set = trackRooms.get(k);
    if (set) set.add(talk.room);
    else trackRooms.set(k, new Set([talk.room]));
  }
  const index: PlanBIndex = {
    conference,
    byStart,
    starts: Float64Array.from(byStart, (t) => t.start),
    byKey: new Map(conference.talks.map((t) => [t.key, t])),
    byRoom,
    rooms,
    trackRooms,
    // The topic model is the costly part and only ranking needs it: built on first use, so
    // badges ("likely full") can use the lookups at start-up without paying for it.
    get topics() {
      let topics = topicModels.get(conference);
      if (!topics) {
        topics = buildTopics(conference);
        topicModels.set(conference, topics);
      }
      return topics;
    },
    walks: new Map(),
  };
  cache.set(conference, index);
  return index;
}

/** Index of the first talk starting at or after `time` in byStart. */
export function firstStartingAt(index: PlanBIndex, time: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.starts[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The room a talk is in, as the schedule lists it. */
export function roomOf(index: PlanBIndex, talk: Talk): Room {
  return (
    index.rooms.get(talk.room) ?? {
      name: talk.room,
      slug: roomSlug(talk.room),
      building: UNKNOWN_BUILDING,
    }
  );
}

/**
 * A room named by a person: exact name, else name or slug ignoring case and spacing
 * ("ud2.208 (decroly)", "UD2208", "ud2208" all find "UD2.208 (Decroly)"). Undefined if none.
 */
export function findRoom(index: PlanBIndex, text: string): Room | undefined {
  const exact = index.rooms.get(text);
  if (exact) return exact;
  const wanted = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!wanted) return undefined;
  for (const room of index.rooms.values())
    if (room.name.toLowerCase() === wanted || room.slug.toLowerCase() === wanted) return room;
  const slug = roomSlug(wanted);
  for (const room of index.rooms.values()) if (room.slug === slug) return room;
  return undefined;
}

/** Room fullness as the engine reads it: by room slug. */
export type FullnessInput = ReadonlyMap<string, RoomFullness> | readonly RoomFullness[];

/** The fullness input as a map by slug (arrays are keyed by each entry's `room`). */
export function fullnessBySlug(
  input: FullnessInput | undefined,
): ReadonlyMap<string, RoomFullness> {
  if (!input) return new Map();
  if (Array.isArray(input)) return new Map(input.map((f) => [f.room, f]));
  return input as ReadonlyMap<string, RoomFullness>;
}

/** Walking minutes between two rooms through the venue model, memoized; undefined if unknown. */
export function walkBetween(
  index: PlanBIndex,
  venue: Venue | undefined,
  from: string,
  to: string,
): number | undefined {
  if (from === to) return 0;
  if (!venue) return undefined;
  const k = `${venue.id}|${from}|${to}`;
  if (index.walks.has(k)) return index.walks.get(k);
  const minutes = walkingMinutes(venue, from, to);
  index.walks.set(k, minutes);
  return minutes;
}
