/**
 * Conflicts among a user's bookmarked talks: overlaps (two talks run at once) and tight
 * transfers (not enough time to walk from one talk's room to the next). Pure; cancelled talks
 * are ignored.
 *
 * Which transfers are checked: only between talks the user can attend. Of two overlapping
 * bookmarks the day follows one (see followedTalks): the one marked attended, else the one that
 * starts first (the user is already seated when the other begins), else the one that ends first.
 * A → B is checked when both are followed and A is the followed talk just before B; a talk the
 * user cannot attend because it clashes with a followed one never starts or ends a transfer.
 *
 * Unknown walking time (no venue, or a room the venue cannot place: virtual rooms, other
 * venues): a room change is flagged as `unknown-walk` when the gap is shorter than
 * `unknownWalkMinutes` (default 5), because changing room that fast is risky anywhere. A valid
 * venue file has a complete building matrix, so two rooms placed in different buildings always
 * have a walking time; "unknown" always means at least one room is not placed.
 */
import type { Talk, TalkKey } from './model';
import { MINUTE, venueTime } from './time';
import type { Venue } from './venue';
import { locateRoom, walkingMinutes } from './venue';

/** Tuning for findConflicts. */
export interface ConflictOptions {
  /** Minutes to find a seat, added to the walk. Default 0. */
  seatMarginMinutes?: number;
  /** With unknown walking time, flag room changes with a shorter gap. Default 5; 0 turns off. */
  unknownWalkMinutes?: number;
  /** IANA zone; when given, overlap messages show the venue-local times. */
  timeZone?: string;
  /** Talks the user marked attended: they win over any talk they overlap (see followedTalks). */
  attended?: { has(key: TalkKey): boolean };
}

/** What every conflict says: the two talks (earlier first) and a sentence for the user. */
interface ConflictBase {
  /** The earlier talk (by start, then end, then key). */
  first: TalkKey;
  second: TalkKey;
  /**
   * How bad it is, in whole minutes: overlap → minutes both run at once; tight-transfer →
   * minutes short; unknown-walk → 0.
   */
  minutes: number;
  /** One sentence for the user. */
  message: string;
}

/** Two bookmarked talks run at the same time. */
export interface OverlapConflict extends ConflictBase {
  kind: 'overlap';
}

/** Not enough time between two talks to walk (plus the seat margin) to the second one. */
export interface TightTransferConflict extends ConflictBase {
  kind: 'tight-transfer';
  fromRoom: string;
  toRoom: string;
  /** Minutes between the first talk's end and the second's start. */
  gapMinutes: number;
  walkingMinutes: number;
  marginMinutes: number;
}

/** A quick room change whose walking time nobody knows. */
export interface UnknownWalkConflict extends ConflictBase {
  kind: 'unknown-walk';
  fromRoom: string;
  toRoom: string;
  gapMinutes: number;
}

/** One problem in a user's plan; `kind` tells which. */
export type Conflict = OverlapConflict | TightTransferConflict | UnknownWalkConflict;

/** The kinds of Conflict. */
export type ConflictKind = Conflict['kind'];

function byTime(a: Talk, b: Talk): number {
  return a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Bookmarked talks that count: not cancelled, one per key, sorted by start, end and key. */
function usable(talks: readonly Talk[]): Talk[] {
  const seen = new Set<TalkKey>();
  return talks.filter((t) => !t.cancelled && !seen.has(t.key) && seen.add(t.key)).sort(byTime);
}

/**
 * A room with where it is: "K.3.401 (building K, floor 3)", "UD2.208 (Decroly, building U,
 * wing UD, floor 2)", "Janson (building J, ground floor)"; the bare name when the venue cannot
 * place the room.
 */
export function describeRoom(venue: Venue | undefined, room: string): string {
  const place = venue && locateRoom(venue, room);
  const name = room.trim();
  if (!place) return name;
  const wing = place.wing ? `, wing ${place.wing}` : '';
  const floor = place.floor === 0 ? 'ground floor' : `floor ${place.floor}`;
  const where = `building ${place.building}${wing}, ${floor}`;
  return name.endsWith(')') ? `${name.slice(0, -1)}, ${where})` : `${name} (${where})`;
}

function overlap(a: Talk, b: Talk, timeZone: string | undefined): OverlapConflict {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.end, b.end);
  const minutes = Math.ceil((to - from) / MINUTE);
  const when = timeZone ? ` (${venueTime(from, timeZone)}–${venueTime(to, timeZone)})` : '';
  return {
    kind: 'overlap',
    first: a.key,
    second: b.key,
    minutes,
    message: `“${a.title}” and “${b.title}” overlap by ${minutes} min${when}.`,
  };
}

function transfer(
  a: Talk,
  b: Talk,
  venue: Venue | undefined,
  margin: number,
  unknownWalk: number,
): Conflict | undefined {
  if (a.room.trim() === b.room.trim()) return undefined;
  const gap = (b.start - a.end) / MINUTE;
  const gapMinutes = Math.floor(gap);
  const walk = venue ? walkingMinutes(venue, a.room, b.room) : undefined;
  const rooms = { first: a.key, second: b.key, fromRoom: a.room, toRoom: b.room, gapMinutes };
  if (walk === undefined) {
    if (gap >= unknownWalk) return undefined;
    return {
      kind: 'unknown-walk',
      ...rooms,
      minutes: 0,
      message: `Walking time from ${a.room} to ${b.room} is unknown and you have ${gapMinutes} min.`,
    };
  }
  if (gap >= walk + margin) return undefined;
  const seat = margin > 0 ? ` plus ${margin} to find a seat` : '';
  return {
    kind: 'tight-transfer',
    ...rooms,
    minutes: Math.ceil(walk + margin - gap),
    walkingMinutes: walk,
    marginMinutes: margin,
    message: `You need ${walk} min to walk from ${a.room} to ${describeRoom(venue, b.room)}${seat} but have ${gapMinutes}.`,
  };
}

/**
 * The talks the user can attend, in time order, out of bookmarks that may overlap: first every
 * talk marked attended (they were there), then, in order of start (then end, then key), each
 * talk that overlaps none already taken. So of two clashing bookmarks the day follows the
 * attended one, else the one starting first, else the one ending first. Cancelled talks and
 * repeated keys are dropped. O(n log n).
 */
export function followedTalks(
  talks: readonly Talk[],
  attended: { has(key: TalkKey): boolean } = NONE,
): Talk[] {
  return follow(usable(talks), attended);
}

const NONE = { has: () => false };

/** followedTalks of talks already through usable(). */
function follow(sorted: readonly Talk[], attended: { has(key: TalkKey): boolean }): Talk[] {
  const sure = sorted.filter((t) => attended.has(t.key));
  // maxEnd[i]: the latest end among sure[0..i] (sorted by start): some attended talk overlaps
  // [s, e) exactly when the latest end among those starting before e is after s.
  const maxEnd: number[] = [];
  for (const t of sure) maxEnd.push(Math.max(maxEnd.at(-1) ?? Number.NEGATIVE_INFINITY, t.end));
  const starts = sure.map((t) => t.start);
  const clashesWithAttended = (t: Talk) => {
    const before = lowerBound(starts, t.end);
    return before > 0 && maxEnd[before - 1]! > t.start && t.end > t.start;
  };
  let busyUntil = Number.NEGATIVE_INFINITY;
  return sorted.filter((t) => {
    if (attended.has(t.key)) return true;
    if (t.start < busyUntil || clashesWithAttended(t)) return false;
    busyUntil = Math.max(busyUntil, t.end);
    return true;
  });
}

/** Index of the first element of `sorted` (ascending) not less than `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Overlaps and tight transfers among the given (bookmarked) talks, ordered by the first talk,
 * then the second, overlaps before transfers. Cancelled talks and repeated keys are ignored.
 * `venue` gives walking minutes; without it every room change is an unknown walk. Overlaps are
 * every clashing pair; transfers only between followed talks (see followedTalks).
 * O(n log n + conflicts): a sweep by start for overlaps, and one pass over the followed talks.
 */
export function findConflicts(
  talks: readonly Talk[],
  venue: Venue | undefined,
  options: ConflictOptions = {},
): Conflict[] {
  const margin = Math.max(0, options.seatMarginMinutes ?? 0);
  const unknownWalk = Math.max(0, options.unknownWalkMinutes ?? 5);
  const sorted = usable(talks);
  const rank = new Map(sorted.map((t, i) => [t.key, i]));
  const found: { a: Talk; b: Talk; conflict: Conflict }[] = [];

  // Overlaps: every active talk still running when the next one starts overlaps it.
  let active: Talk[] = [];
  for (const b of sorted) {
    active = active.filter((a) => a.end > b.start);
    for (const a of active) found.push({ a, b, conflict: overlap(a, b, options.timeZone) });
    if (b.end > b.start) active.push(b);
  }

  // Transfers: from the followed talk the user is in last (the latest end so far) to the next
  // followed talk, when that one starts after it ends (two attended talks may overlap).
  let from: Talk | undefined;
  for (const b of follow(sorted, options.attended ?? NONE)) {
    if (from && from.end <= b.start) {
      const conflict = transfer(from, b, venue, margin, unknownWalk);
      if (conflict) found.push({ a: from, b, conflict });
    }
    if (!from || b.end >= from.end) from = b;
  }

  return found
    .sort(
      (x, y) =>
        rank.get(x.a.key)! - rank.get(y.a.key)! ||
        rank.get(x.b.key)! - rank.get(y.b.key)! ||
        (x.conflict.kind === 'overlap' ? 0 : 1) - (y.conflict.kind === 'overlap' ? 0 : 1),
    )
    .map((f) => f.conflict);
}
