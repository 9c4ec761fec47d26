/**
 * Stay or go: for an attendee sitting in a room as a talk ends, what is next here, and whether
 * to stay for it or leave for the next talk they bookmarked elsewhere, warning them when the
 * room they leave is full (they may not get back in) or the one they head for is.
 */
import { isFullOrFilling, isKnownFull } from '../fullness';
import type { Conference, Talk, TalkKey } from '../model';
import { MINUTE, venueDate, venueTime } from '../time';
import type { Venue } from '../venue/types';
import { likelyFull } from './likely-full';
import {
  type FullnessInput,
  findRoom,
  fullnessBySlug,
  type PlanBIndex,
  planBIndex,
  roomOf,
  walkBetween,
} from './lookup';

/** The advice for someone in a room: stay for what is next here, go elsewhere, or nothing to say. */
export interface StayOrGo {
  kind: 'stay' | 'go' | 'none';
  /** One or two sentences for the "stay or go" card and the CLI. */
  message: string;
  /** The next talk in this room today (after the one running now). */
  nextHere?: Talk;
  /** The next bookmarked talk today, wherever it is. */
  nextWanted?: Talk;
  /** Why leaving (or arriving) may not work out: this room or the next one is full. */
  warning?: string;
}

/** What stayOrGo needs; `now` is always passed in. */
export interface StayOrGoContext {
  now: number;
  conference: Conference;
  /** The venue for walking times; undefined when none is known. */
  venue?: Venue;
  fullness?: FullnessInput;
  bookmarks?: ReadonlySet<TalkKey>;
  /** The room the attendee is in (name or slug); without it there is no advice. */
  room?: string;
  /** Walking minutes assumed when the venue model cannot tell (10). */
  unknownWalkMinutes?: number;
}

const quote = (t: Talk) => `“${t.title}”`;

/** The array index of the conference day `now` falls on, or undefined between conferences. */
function dayOf(index: PlanBIndex, now: number): number | undefined {
  const date = venueDate(now, index.conference.timeZone);
  const i = index.conference.days.findIndex((d) => d.date === date);
  return i < 0 ? undefined : i;
}

/**
 * Stay-or-go advice for someone in `room` at `now`: stay when their next bookmarked talk is in
 * this room; go (with a leave-by time from the venue's walking model) when it is elsewhere,
 * warning that a full or filling room may not let them back in; otherwise say what is next here.
 */
export function stayOrGo(ctx: StayOrGoContext): StayOrGo {
  if (!ctx.room)
    return { kind: 'none', message: 'Say which room you are in for stay-or-go advice.' };
  const index = planBIndex(ctx.conference);
  const here = findRoom(index, ctx.room);
  if (!here) return { kind: 'none', message: `No talks are scheduled in ${ctx.room}.` };
  const { now } = ctx;
  const tz = ctx.conference.timeZone;
  const day = dayOf(index, now);
  const today = (t: Talk) => (day === undefined ? t.start - now < 12 * 60 * MINUTE : t.day === day);
  const inRoom = (index.byRoom.get(here.name) ?? []).filter((t) => !t.cancelled);
  const current = inRoom.find((t) => t.start <= now && now < t.end);
  const nextHere = inRoom.find((t) => t !== current && t.start >= now && today(t));
  let nextWanted: Talk | undefined;
  for (const key of ctx.bookmarks ?? []) {
    const t = index.byKey.get(key);
    if (!t || t.cancelled || t === current || t.start < now || !today(t)) continue;
    if (!nextWanted || t.start < nextWanted.start) nextWanted = t;
  }
  const fullness = fullnessBySlug(ctx.fullness);
  const hereFull = fullness.get(here.slug);
  const probe = current ?? nextHere ?? inRoom[0];
  const guess = probe ? likelyFull(probe, ctx) : undefined;
  const crowded = isFullOrFilling(hereFull) || guess !== undefined;
  const full = crowded
    ? `This room is ${isKnownFull(hereFull) ? 'full' : 'filling up'}${guess ? ` (${guess.because})` : ''}`
    : '';
  const base = { ...(nextHere ? { nextHere } : {}), ...(nextWanted ? { nextWanted } : {}) };

  if (nextWanted && nextWanted.room === here.name) {
    const message = `Stay: your next talk, ${quote(nextWanted)}, is here at ${venueTime(nextWanted.start, tz)}.`;
    return {
      kind: 'stay',
      message: crowded ? `${message} ${full}: keep your seat.` : message,
      ...base,
    };
  }
  if (nextWanted) {
    const known = walkBetween(index, ctx.venue, here.name, nextWanted.room);
    const walk = known ?? ctx.unknownWalkMinutes ?? 10;
    const there = roomOf(index, nextWanted);
    const leaveBy = nextWanted.start - walk * MINUTE;
    const walkText =
      known === undefined ? `walking time unknown, assuming ${walk} min` : `${walk} min walk`;
    let message = `Go: ${quote(nextWanted)} starts at ${venueTime(nextWanted.start, tz)} in ${there.name} (${walkText}): `;
    if (leaveBy <= now) {
      const late = Math.ceil((now - leaveBy) / MINUTE);
      message += late > 0 ? `leave now, you will be about ${late} min late.` : 'leave now.';
    } else message += `leave by ${venueTime(leaveBy, tz)}.`;
    if (nextHere && nextHere.end <= leaveBy && nextHere !== nextWanted)
      message += ` You can still see ${quote(nextHere)} here first.`;
    const warnings: string[] = [];
    if (crowded) warnings.push(`${full}: if you leave you may not get back in.`);
    const thereFull = fullness.get(there.slug);
    if (isKnownFull(thereFull))
      warnings.push(`${there.name} is reported full: you may not get in.`);
    else {
      const thereGuess = likelyFull(nextWanted, ctx);
      if (thereGuess)
        warnings.push(`${there.name} is likely full (${thereGuess.because}): arrive early.`);
    }
    return {
      kind: 'go',
      message,
      ...base,
      ...(warnings.length ? { warning: warnings.join(' ') } : {}),
    };
  }
  if (nextHere) {
    const next = `Next here: ${quote(nextHere)} at ${venueTime(nextHere.start, tz)}.`;
    if (crowded)
      return { kind: 'stay', message: `${next} ${full}: staying keeps your seat.`, ...base };
    return { kind: 'none', message: `${next} Nothing bookmarked elsewhere.`, ...base };
  }
  return { kind: 'none', message: `Nothing more in ${here.name} today.`, ...base };
}
