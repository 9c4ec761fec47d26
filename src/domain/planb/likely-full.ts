/**
 * "Likely full, arrive early": a guess about a room before anyone reports it full now, always
 * with what it rests on. Known full (isKnownFull) is a fact the engine obeys; likely full is a
 * hint it ranks lower and says out loud.
 */
import { FULLNESS_LABELS, isKnownFull, type RoomFullness } from '../fullness';
import type { Conference, Talk } from '../model';
import { MINUTE, venueTime } from '../time';
import { type FullnessInput, fullnessBySlug, planBIndex, roomOf } from './lookup';

/** Tuning for likelyFull; every field has a default. */
export interface LikelyFullOptions {
  /** A full (or door-closed) report younger than this makes the room likely full (30). */
  recentMinutes: number;
  /** A track counts as popular when one of its rooms was reported full this long ago (480). */
  popularLookbackMinutes: number;
  /** Rooms with at most this many seats are small, when capacities are given (100). */
  smallRoomSeats: number;
}

/** Defaults for LikelyFullOptions. */
export const LIKELY_FULL_DEFAULTS: LikelyFullOptions = {
  recentMinutes: 30,
  popularLookbackMinutes: 480,
  smallRoomSeats: 100,
};

/** What likelyFull needs; `now` is always passed in. */
export interface LikelyFullContext {
  now: number;
  conference: Conference;
  fullness?: FullnessInput;
  /** Seats per room slug, when known (the schedule model has none; FOSDEM's devrooms are small). */
  capacities?: ReadonlyMap<string, number>;
  options?: Partial<LikelyFullOptions>;
}

/** Whether a talk's room is full now (a fact) or likely full (a guess), and why. */
export interface FullnessGuess {
  /** known: the room counts as full now and the engine never sends anyone there. */
  kind: 'known' | 'likely';
  /** What the guess rests on, for people: "reported full 12 min ago". */
  because: string;
}

/** Types of talk FOSDEM holds in its small rooms (devrooms, BOFs, workshops). */
const SMALL_ROOM_TYPES = /devroom|bof|workshop/i;

function ago(now: number, at: number | undefined): string {
  if (at === undefined) return '';
  const minutes = Math.round((now - at) / MINUTE);
  return minutes <= 0 ? ' just now' : ` ${minutes} min ago`;
}

// Asked for every talk on a screen against the same listing: answered once per listing.
const crowdingOf = new WeakMap<ReadonlyMap<string, RoomFullness>, boolean>();

/** Whether any room is said full, door closed or standing only (any age, any confidence). */
function anyCrowding(fullness: ReadonlyMap<string, RoomFullness>): boolean {
  let any = crowdingOf.get(fullness);
  if (any === undefined) {
    any = [...fullness.values()].some((f) => saysFull(f) || f.level === 'standing');
    crowdingOf.set(fullness, any);
  }
  return any;
}

/** True when a report says full (or door closed), whatever its confidence. */
function saysFull(f: RoomFullness): boolean {
  if (f.source === 'official') return f.official === 'full' || f.official === 'emergency';
  return f.level === 'full' || f.level === 'queue';
}

function what(f: RoomFullness): string {
  if (f.source === 'official' && f.official) return 'full (venue status)';
  return FULLNESS_LABELS[f.level];
}

function isSmall(talk: Talk, slug: string, ctx: LikelyFullContext, seats: number): boolean {
  const capacity = ctx.capacities?.get(slug);
  return capacity !== undefined ? capacity <= seats : SMALL_ROOM_TYPES.test(talk.type);
}

/**
 * Is the talk's room full or likely full at `now`? Known: isKnownFull on its room. Likely, in
 * order: reported full or door closed in the last half hour (any confidence); reported standing
 * room only in that time; or a small room (capacity, else a devroom/BOF/workshop talk) on a
 * popular track (one of the track's rooms that day reported full in the last 8 hours).
 * Undefined when nothing suggests it.
 */
export function likelyFull(talk: Talk, ctx: LikelyFullContext): FullnessGuess | undefined {
  const o = { ...LIKELY_FULL_DEFAULTS, ...ctx.options };
  const fullness = fullnessBySlug(ctx.fullness);
  // Every guess rests on a room said full or standing: without one, no need for the index.
  if (!anyCrowding(fullness)) return undefined;
  const index = planBIndex(ctx.conference);
  const slug = roomOf(index, talk).slug;
  const f = fullness.get(slug);
  const fresh = (at: number | undefined, minutes: number) =>
    at !== undefined && at <= ctx.now && ctx.now - at <= minutes * MINUTE;
  if (f && isKnownFull(f))
    return { kind: 'known', because: `reported ${what(f)}${ago(ctx.now, f.updatedAt)}` };
  if (f && fresh(f.updatedAt, o.recentMinutes)) {
    if (saysFull(f))
      return { kind: 'likely', because: `reported ${what(f)}${ago(ctx.now, f.updatedAt)}` };
    if (f.level === 'standing')
      return { kind: 'likely', because: `standing room only${ago(ctx.now, f.updatedAt)}` };
  }
  if (!talk.track || !isSmall(talk, slug, ctx, o.smallRoomSeats)) return undefined;
  let latest: { room: string; at: number } | undefined;
  for (const room of index.trackRooms.get(`${talk.day}|${talk.track}`) ?? []) {
    const rf = fullness.get(index.rooms.get(room)?.slug ?? '');
    if (!rf || !saysFull(rf) || !fresh(rf.updatedAt, o.popularLookbackMinutes)) continue;
    if (!latest || rf.updatedAt! > latest.at) latest = { room, at: rf.updatedAt! };
  }
  if (!latest) return undefined;
  const where = latest.room === talk.room ? 'this room' : latest.room;
  return {
    kind: 'likely',
    because: `small room on a popular track: ${talk.track} (${where} was reported full at ${venueTime(latest.at, ctx.conference.timeZone)})`,
  };
}
