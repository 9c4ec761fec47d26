/**
 * My day: one conference day of the user's bookmarks as an ordered list of talks (with their
 * conflicts) and the free time between them, marked past / now / next relative to a clock.
 * Pure; `now` is a parameter. Orphaned bookmarks are the caller's business: keys that are not
 * in this conference come back in `missing`, untouched.
 */
import type { Conflict, ConflictOptions } from './conflicts';
import { findConflicts } from './conflicts';
import type { Conference, Day, Talk, TalkKey } from './model';
import { MINUTE, venueTime } from './time';
import type { Venue } from './venue';

/**
 * Where an item stands relative to `now`: over, running, the next talk to go to (every talk
 * sharing the earliest start after `now`; never a cancelled one), or later.
 */
export type PlanStatus = 'past' | 'now' | 'next' | 'later';

/** A bookmarked talk of the day with the conflicts it is part of (none when cancelled). */
export interface PlanTalk {
  kind: 'talk';
  talk: Talk;
  conflicts: Conflict[];
  /** Only when `now` was given. */
  status?: PlanStatus;
}

/** Free time between bookmarked talks: "free 11:30–12:15 (45 min)". */
export interface PlanGap {
  kind: 'gap';
  /** UTC ms: the end of the talk before (the latest end so far). */
  start: number;
  /** UTC ms: the start of the talk after. */
  end: number;
  minutes: number;
  label: string;
  /** Only when `now` was given; never 'next'. */
  status?: Exclude<PlanStatus, 'next'>;
}

/** One row of My day. */
export type PlanItem = PlanTalk | PlanGap;

/** The user's plan for one day. */
export interface DayPlan {
  /** The day, or undefined when the index is not a day of the conference (items then empty). */
  day: Day | undefined;
  /** Talks by start (then end, room, title) with gaps between them where they belong. */
  items: PlanItem[];
  /** Every conflict of the day, as findConflicts orders them. */
  conflicts: Conflict[];
  /** Bookmarked keys that no talk of this conference has, in the order given. */
  missing: TalkKey[];
}

/** Tuning for planDay. */
export interface PlanDayOptions extends ConflictOptions {
  /** Shortest free time listed as a gap, minutes. Default 15. */
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

function gapsBetween(talks: readonly Talk[], minMinutes: number, timeZone: string): PlanGap[] {
  const gaps: PlanGap[] = [];
  let busyUntil = Number.NEGATIVE_INFINITY;
  for (const t of talks) {
    const minutes = Math.floor((t.start - busyUntil) / MINUTE);
    if (Number.isFinite(busyUntil) && minutes >= minMinutes) {
      const from = venueTime(busyUntil, timeZone);
      const to = venueTime(t.start, timeZone);
      gaps.push({
        kind: 'gap',
        start: busyUntil,
        end: t.start,
        minutes,
        label: `free ${from}–${to} (${formatMinutes(minutes)})`,
      });
    }
    busyUntil = Math.max(busyUntil, t.end);
  }
  return gaps;
}

/**
 * The user's plan for day `dayIndex`: bookmarked talks of that day in time order, each with its
 * conflicts, and the gaps of at least `minGapMinutes` (default 15) between the talks that are
 * not cancelled. Cancelled bookmarks stay in the list (the user needs a plan B for them) but
 * neither conflict nor fill time. With `now`, items get a status. Keys absent from the
 * conference are returned in `missing`; keys of talks on other days are simply not shown.
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
  const talks = conference.talks
    .filter((t) => t.day === dayIndex && wanted.has(t.key))
    .sort(
      (a, b) =>
        a.start - b.start ||
        a.end - b.end ||
        a.room.localeCompare(b.room) ||
        a.title.localeCompare(b.title),
    );
  const live = talks.filter((t) => !t.cancelled);
  const conflicts = findConflicts(live, venue, { timeZone: conference.timeZone, ...options });
  const ofTalk = new Map<TalkKey, Conflict[]>();
  for (const c of conflicts)
    for (const key of [c.first, c.second]) {
      const list = ofTalk.get(key);
      if (list) list.push(c);
      else ofTalk.set(key, [c]);
    }
  const nextStart = now === undefined ? undefined : live.find((t) => t.start > now)?.start;

  const talkItems: PlanTalk[] = talks.map((talk) => {
    const item: PlanTalk = {
      kind: 'talk',
      talk,
      conflicts: ofTalk.get(talk.key) ?? [],
    };
    if (now !== undefined)
      item.status =
        !talk.cancelled && talk.start === nextStart
          ? 'next'
          : timeStatus(talk.start, talk.end, now);
    return item;
  });
  const gaps = gapsBetween(live, options.minGapMinutes ?? 15, conference.timeZone);
  if (now !== undefined) for (const g of gaps) g.status = timeStatus(g.start, g.end, now);

  // Merge by time; a gap goes before a talk starting at the same instant (it ends there).
  const items: PlanItem[] = [];
  let g = 0;
  for (const t of talkItems) {
    while (g < gaps.length && gaps[g]!.start <= t.talk.start) items.push(gaps[g++]!);
    items.push(t);
  }
  while (g < gaps.length) items.push(gaps[g++]!);
  return { day, items, conflicts, missing: [...missing] };
}
