/**
 * My day: one conference day of the user's bookmarks as an ordered list of talks and, between
 * two talks the user can attend, one line for the move: stay in the room, the walk (flagged when
 * too tight) and the free time. Each overlap is said once, on one talk of the pair. Items are
 * marked past / now / next relative to a clock. Pure; `now` is a parameter. Orphaned bookmarks
 * are the caller's business: keys that are not in this conference come back in `missing`.
 *
 * Of two overlapping bookmarks the day follows one (conflicts.ts followedTalks: the one marked
 * attended, else the one starting first, else the one ending first); the other stays listed,
 * with the overlap, but starts and ends no move.
 */
import type {
  Conflict,
  ConflictOptions,
  OverlapConflict,
  TightTransferConflict,
  UnknownWalkConflict,
} from './conflicts';
import { findConflicts, followedTalks } from './conflicts';
import type { Conference, Day, Talk, TalkKey } from './model';
import { MINUTE, venueTime } from './time';
import type { Venue } from './venue';
import { walkingMinutes } from './venue';

/**
 * Where an item stands relative to `now`: over, running, the next talk to go to (every followed
 * talk sharing the earliest start after `now`; never a cancelled one), or later.
 */
export type PlanStatus = 'past' | 'now' | 'next' | 'later';

/** An overlap as one talk of the pair shows it. */
export interface PlanOverlap {
  conflict: OverlapConflict;
  /** The other talk of the pair. */
  other: TalkKey;
  /** The day follows the other talk and not this one: "…, which My day follows". */
  otherFollowed: boolean;
}

/** A bookmarked talk of the day. */
export interface PlanTalk {
  kind: 'talk';
  talk: Talk;
  /**
   * False when the talk clashes with one the day follows instead (and when cancelled): it is
   * listed, but no move starts or ends at it.
   */
  followed: boolean;
  /**
   * The overlaps said on this talk. Each overlapping pair is said once: on the talk the day does
   * not follow when exactly one of the two is not followed, else on the later one of the list.
   */
  overlaps: PlanOverlap[];
  /** Only when `now` was given. */
  status?: PlanStatus;
}

/**
 * Between two followed talks, right before the second: stay in the room or walk, and the time
 * between them ("free 11:55–14:30 (2 h 35 min)" when it is at least `minGapMinutes`).
 */
export interface PlanMove {
  kind: 'move';
  from: Talk;
  to: Talk;
  /** UTC ms: the end of `from`. */
  start: number;
  /** UTC ms: the start of `to`. */
  end: number;
  /** Whole minutes between them. */
  minutes: number;
  /** Both talks are in the same room: "stay here". */
  stay: boolean;
  /** Walking minutes between the two rooms, when they differ and the venue knows them. */
  walkingMinutes?: number;
  /** Set when the walk does not fit (or its time is unknown and the change is quick). */
  conflict?: TightTransferConflict | UnknownWalkConflict;
  /** "free 11:55–14:30 (2 h 35 min)" when the time between is at least minGapMinutes. */
  freeLabel?: string;
  /** Only when `now` was given; never 'next'. */
  status?: Exclude<PlanStatus, 'next'>;
}

/** One row of My day. */
export type PlanItem = PlanTalk | PlanMove;

/** The user's plan for one day. */
export interface DayPlan {
  /** The day, or undefined when the index is not a day of the conference (items then empty). */
  day: Day | undefined;
  /** Talks by start (see planDay), each move right before the talk it leads to. */
  items: PlanItem[];
  /** Every conflict of the day, as findConflicts orders them. */
  conflicts: Conflict[];
  /** Bookmarked keys that no talk of this conference has, in the order given. */
  missing: TalkKey[];
}

/** Tuning for planDay. */
export interface PlanDayOptions extends ConflictOptions {
  /** Shortest time between two talks said as free time, minutes. Default 15. */
  minGapMinutes?: number;
}

/** "45 min", "1 h", "1 h 15 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function timeStatus(start: number, end: number, now: number): 'past' | 'now' | 'later' {
  if (end <= now) return 'past';
  return start <= now ? 'now' : 'later';
}

function freeLabel(start: number, end: number, minutes: number, timeZone: string): string {
  return `free ${venueTime(start, timeZone)}–${venueTime(end, timeZone)} (${formatMinutes(minutes)})`;
}

/** Which talk of an overlapping pair says it (see PlanTalk.overlaps). */
function sayOverlapOn(
  c: OverlapConflict,
  followed: ReadonlySet<TalkKey>,
  rank: ReadonlyMap<TalkKey, number>,
): TalkKey {
  const a = followed.has(c.first);
  const b = followed.has(c.second);
  if (a !== b) return a ? c.second : c.first;
  return rank.get(c.first)! > rank.get(c.second)! ? c.first : c.second;
}

/**
 * The user's plan for day `dayIndex`: bookmarked talks of that day in time order (of talks
 * starting together, the followed one first; then by end, room, title), each overlap
 * said once, and a move between each two talks the user can attend (see PlanMove). Cancelled
 * bookmarks stay in the list (the user needs a plan B for them) but neither conflict nor fill
 * time. With `now`, items get a status. Keys absent from the conference are returned in
 * `missing`; keys of talks on other days are simply not shown.
 */
export function planDay(
  conference: Conference,
  bookmarkedKeys: Iterable<TalkKey>,
  dayIndex: number,
  venue: Venue | undefined,
  now?: number,
  options: PlanDayOptions = {},
): DayPlan {
  const byKey = new Map(conference.talks.map((t) => [t.key, t]));
  const wanted = new Set<TalkKey>();
  const missing = new Set<TalkKey>();
  for (const key of bookmarkedKeys) (byKey.has(key) ? wanted : missing).add(key);
  const day = conference.days.find((d) => d.index === dayIndex);
  const ofDay = conference.talks.filter((t) => t.day === dayIndex && wanted.has(t.key));
  const live = ofDay.filter((t) => !t.cancelled);
  const zone = conference.timeZone;
  const conflicts = findConflicts(live, venue, { timeZone: zone, ...options });
  const path = followedTalks(live, options.attended);
  const followed = new Set(path.map((t) => t.key));
  // Of talks starting together the followed one comes first, so its move sits right above it.
  const talks = ofDay.sort(
    (a, b) =>
      a.start - b.start ||
      Number(followed.has(b.key)) - Number(followed.has(a.key)) ||
      a.end - b.end ||
      a.room.localeCompare(b.room) ||
      a.title.localeCompare(b.title),
  );
  const rank = new Map(talks.map((t, i) => [t.key, i]));

  const overlapsOf = new Map<TalkKey, PlanOverlap[]>();
  const transferTo = new Map<TalkKey, TightTransferConflict | UnknownWalkConflict>();
  for (const c of conflicts) {
    if (c.kind !== 'overlap') {
      transferTo.set(c.second, c);
      continue;
    }
    const on = sayOverlapOn(c, followed, rank);
    const other = on === c.first ? c.second : c.first;
    const list = overlapsOf.get(on) ?? [];
    list.push({ conflict: c, other, otherFollowed: followed.has(other) && !followed.has(on) });
    overlapsOf.set(on, list);
  }

  // A move leads to each followed talk from the followed one the user is in last.
  const moveTo = new Map<TalkKey, PlanMove>();
  const minGap = options.minGapMinutes ?? 15;
  let from: Talk | undefined;
  for (const to of path) {
    if (from && from.end <= to.start) {
      const minutes = Math.floor((to.start - from.end) / MINUTE);
      const stay = from.room.trim() === to.room.trim();
      const walk = stay || !venue ? undefined : walkingMinutes(venue, from.room, to.room);
      const move: PlanMove = {
        kind: 'move',
        from,
        to,
        start: from.end,
        end: to.start,
        minutes,
        stay,
      };
      if (walk !== undefined) move.walkingMinutes = walk;
      const conflict = transferTo.get(to.key);
      if (conflict) move.conflict = conflict;
      if (minutes >= minGap) move.freeLabel = freeLabel(from.end, to.start, minutes, zone);
      if (now !== undefined) move.status = timeStatus(move.start, move.end, now);
      moveTo.set(to.key, move);
    }
    if (!from || to.end >= from.end) from = to;
  }

  const nextStart = now === undefined ? undefined : path.find((t) => t.start > now)?.start;
  const items: PlanItem[] = [];
  for (const talk of talks) {
    const move = moveTo.get(talk.key);
    if (move) items.push(move);
    const item: PlanTalk = {
      kind: 'talk',
      talk,
      followed: followed.has(talk.key),
      overlaps: overlapsOf.get(talk.key) ?? [],
    };
    if (now !== undefined)
      item.status =
        item.followed && talk.start === nextStart ? 'next' : timeStatus(talk.start, talk.end, now);
    items.push(item);
  }
  return { day, items, conflicts, missing: [...missing] };
}
