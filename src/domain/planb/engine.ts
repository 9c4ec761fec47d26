/**
 * Plan B, "room full, try this": for a talk whose room is full, the livestream while it runs,
 * the recording later, and talks nearby that are running or about to start, ranked with the
 * reasons a person needs to choose in one glance; plus stay-or-go advice for someone in a room.
 * Pure: `now`, fullness, bookmarks and the venue are all passed in.
 */
import { isKnownFull } from '../fullness';
import type { Conference, Link, Room, Talk, TalkKey } from '../model';
import { roomLinks, venueForConference } from '../venue';
import { UNKNOWN_BUILDING, type Venue } from '../venue/types';
import {
  type FullnessGuess,
  LIKELY_FULL_DEFAULTS,
  type LikelyFullOptions,
  likelyFull,
} from './likely-full';
import {
  type FullnessInput,
  findRoom,
  firstStartingAt,
  fullnessBySlug,
  type PlanBIndex,
  planBIndex,
  roomOf,
  walkBetween,
} from './lookup';
import { rankScore } from './rank';
import { type Relatedness, relatedness } from './similarity';
import { type StayOrGo, stayOrGo } from './stay';

/** Tuning for planB; every field has a default (PLAN_B_DEFAULTS). */
export interface PlanBOptions extends LikelyFullOptions {
  /** Talks that started at most this many minutes ago are still worth walking to (10). */
  startedWithinMinutes: number;
  /** Talks starting within this many minutes count as "starting soon" (20). */
  startsWithinMinutes: number;
  /** Never suggest a talk the walk would make you miss more of than this many minutes (10)… */
  maxMissedMinutes: number;
  /** …nor more than this share of its length (1/3). */
  maxMissedShare: number;
  /** Walking minutes assumed when the venue model cannot tell (10), and said so. */
  unknownWalkMinutes: number;
  /** Cosine above which a talk counts as related and the shared words are shown (0.04). */
  relatedThreshold: number;
  /** At most this many alternatives, best first (5; Infinity for all). */
  limit: number;
}

/** Defaults for PlanBOptions. */
export const PLAN_B_DEFAULTS: PlanBOptions = {
  ...LIKELY_FULL_DEFAULTS,
  startedWithinMinutes: 10,
  startsWithinMinutes: 20,
  maxMissedMinutes: 10,
  maxMissedShare: 1 / 3,
  unknownWalkMinutes: 10,
  relatedThreshold: 0.04,
  limit: 5,
};

/** Everything Plan B decides from. */
export interface PlanBContext {
  now: number;
  conference: Conference;
  /** The venue for walking times: by default the conference's known venue; null for none. */
  venue?: Venue | null;
  /** Room fullness by room slug (or as a list), e.g. from aggregateRoomFullness. */
  fullness?: FullnessInput;
  bookmarks?: ReadonlySet<TalkKey>;
  /** The talk the attendee cannot get into (its room is treated as full whatever `fullness` says). */
  talk?: Talk | TalkKey;
  /** Or the full room (name or slug): its talk running now, else the next one starting soon. */
  room?: string;
  /** Where the attendee is (name or slug): walks start here (else at the full room) and it gets stay-or-go advice. */
  fromRoom?: string;
  /** Seats per room slug, when known (for "small room on a popular track"). */
  capacities?: ReadonlyMap<string, number>;
  options?: Partial<PlanBOptions>;
}

/** A conference's live stream of a room, as its profile gives it (FOSDEM); never made up. */
export interface Livestream {
  /** The page to watch it on (https://live.fosdem.org/watch/<room slug>). */
  watch: string;
  /** The HLS stream for players (https://stream.fosdem.org/<room slug>.m3u8), when provided. */
  hls?: string;
  /** True while the talk runs; false when it is about to start. */
  live: boolean;
}

/** One alternative talk, with what it takes to get there and why it is offered. */
export interface Suggestion {
  key: TalkKey;
  talk: Talk;
  room: Room;
  /** Building id ("U"), or "unknown". */
  building: string;
  walkMinutes: number;
  /** False when walkMinutes is the assumed default because the venue model cannot tell. */
  walkKnown: boolean;
  /** Negative once it has started. */
  startsInMinutes: number;
  endsInMinutes: number;
  /** Minutes of the talk already gone on arrival. */
  missedMinutes: number;
  /** Higher is better; see rankScore. */
  score: number;
  /** For people, in order: "you bookmarked it", "same track", "related: …", "2 min walk, building U", … */
  reasons: string[];
  bookmarked: boolean;
  sameTrack: boolean;
  related: Relatedness;
  /** Set when its room is likely full: it ranks lower and says why. */
  likelyFull?: FullnessGuess;
}

/** Plan B for one moment: what to watch, where else to go, and whether to stay. */
export interface PlanB {
  /** The talk that is full, when one was given or runs (or starts soon) in the full room. */
  fullTalk?: Talk;
  fullRoom?: Room;
  /** Only while the full talk runs or is about to, and only if the conference provides streams. */
  livestream?: Livestream;
  /** The full talk's own recording link, when the schedule has one. */
  recordingLater?: Link;
  alternatives: Suggestion[];
  stayOrGo: StayOrGo;
}

const MINUTE = 60_000;
const venues = new WeakMap<Conference, Venue | null>();

function venueOf(ctx: PlanBContext): Venue | undefined {
  if (ctx.venue !== undefined) return ctx.venue ?? undefined;
  if (!venues.has(ctx.conference))
    venues.set(ctx.conference, venueForConference(ctx.conference) ?? null);
  return venues.get(ctx.conference) ?? undefined;
}

/** The full talk: the one given, else the one running in the full room, else its next one soon. */
function resolveFullTalk(index: PlanBIndex, ctx: PlanBContext, soon: number): Talk | undefined {
  if (ctx.talk !== undefined)
    return typeof ctx.talk === 'string' ? index.byKey.get(ctx.talk) : ctx.talk;
  const room = ctx.room === undefined ? undefined : findRoom(index, ctx.room);
  if (!room) return undefined;
  const talks = index.byRoom.get(room.name) ?? [];
  const running = talks.filter((t) => t.start <= ctx.now && ctx.now < t.end);
  return (
    running.find((t) => !t.cancelled) ??
    running[0] ??
    talks.find((t) => t.start > ctx.now && t.start - ctx.now <= soon && !t.cancelled)
  );
}

function timeReason(startsIn: number): string {
  if (startsIn > 0) return `starts in ${startsIn} min`;
  return startsIn === 0 ? 'starts now' : `started ${-startsIn} min ago`;
}

/**
 * Plan B for a full talk (or room) at `now`: its livestream and recording, up to `limit` ranked
 * alternatives and stay-or-go advice for `fromRoom`. Never suggests a cancelled talk, a talk in
 * a room known full (or the full room), or one the walk would make you miss too much of.
 * Never throws on unknown keys or rooms: they simply yield no full talk or no advice.
 */
export function planB(ctx: PlanBContext): PlanB {
  const o: PlanBOptions = { ...PLAN_B_DEFAULTS, ...ctx.options };
  const { now, conference } = ctx;
  const index = planBIndex(conference);
  const venue = venueOf(ctx);
  const fullness = fullnessBySlug(ctx.fullness);
  const fullTalk = resolveFullTalk(index, ctx, o.startsWithinMinutes * MINUTE);
  const fullRoom = fullTalk
    ? roomOf(index, fullTalk)
    : ctx.room === undefined
      ? undefined
      : findRoom(index, ctx.room);
  const from = ctx.fromRoom === undefined ? undefined : findRoom(index, ctx.fromRoom);
  const origin = from?.name ?? fullRoom?.name;
  const likelyCtx = { ...ctx, options: o, fullness };

  const alternatives: Suggestion[] = [];
  const last = now + o.startsWithinMinutes * MINUTE;
  for (
    let i = firstStartingAt(index, now - o.startedWithinMinutes * MINUTE);
    i < index.byStart.length;
    i++
  ) {
    const talk = index.byStart[i]!;
    if (talk.start > last) break;
    if (talk.cancelled || talk === fullTalk || talk.key === fullTalk?.key) continue;
    const room = roomOf(index, talk);
    if (room.name === fullRoom?.name || isKnownFull(fullness.get(room.slug))) continue;
    const known = origin === undefined ? undefined : walkBetween(index, venue, origin, room.name);
    const walkMinutes = known ?? o.unknownWalkMinutes;
    const arrival = now + walkMinutes * MINUTE;
    const missed = Math.max(0, arrival - talk.start) / MINUTE;
    const length = (talk.end - talk.start) / MINUTE;
    if (arrival >= talk.end || missed > o.maxMissedMinutes || missed > length * o.maxMissedShare)
      continue;
    const bookmarked = ctx.bookmarks?.has(talk.key) ?? false;
    const sameTrack = !!fullTalk && fullTalk.track !== '' && fullTalk.track === talk.track;
    const related = fullTalk
      ? relatedness(index.similarity, fullTalk, talk)
      : { score: 0, terms: [], speakers: [] };
    const isRelated = related.score >= o.relatedThreshold;
    const guess = likelyFull(talk, likelyCtx);
    const startsInMinutes = Math.round((talk.start - now) / MINUTE);
    const endsInMinutes = Math.round((talk.end - now) / MINUTE);
    const missedMinutes = Math.ceil(missed);
    const reasons: string[] = [];
    if (bookmarked) reasons.push('you bookmarked it');
    if (sameTrack) reasons.push('same track');
    if (isRelated && related.terms.length > 0) reasons.push(`related: ${related.terms.join(', ')}`);
    if (related.speakers.length > 0) reasons.push(`same speaker: ${related.speakers.join(', ')}`);
    if (guess) reasons.push(`likely full, arrive early: ${guess.because}`);
    const where = room.building === UNKNOWN_BUILDING ? '' : `, building ${room.building}`;
    reasons.push(
      known === undefined
        ? `walking time unknown, assuming ${walkMinutes} min${where}`
        : known === 0
          ? 'no walk: you are in this room'
          : `${walkMinutes} min walk${where}`,
    );
    reasons.push(timeReason(startsInMinutes));
    if (missedMinutes > 0) reasons.push(`you would miss the first ${missedMinutes} min`);
    reasons.push(`ends in ${endsInMinutes} min`);
    alternatives.push({
      key: talk.key,
      talk,
      room,
      building: room.building,
      walkMinutes,
      walkKnown: known !== undefined,
      startsInMinutes,
      endsInMinutes,
      missedMinutes,
      score: rankScore({
        bookmarked,
        sameTrack,
        relatedScore: isRelated ? related.score : undefined,
        walkMinutes,
        leftShare: (talk.end - Math.max(arrival, talk.start)) / (length * MINUTE || 1),
        likelyFull: guess !== undefined,
      }),
      reasons,
      bookmarked,
      sameTrack,
      related,
      ...(guess ? { likelyFull: guess } : {}),
    });
  }
  alternatives.sort(
    (a, b) => b.score - a.score || a.talk.start - b.talk.start || (a.key < b.key ? -1 : 1),
  );

  const result: PlanB = {
    alternatives: alternatives.slice(0, Math.max(0, o.limit)),
    stayOrGo: stayOrGo({
      ...ctx,
      fullness,
      venue,
      room: from?.name ?? ctx.fromRoom,
      unknownWalkMinutes: o.unknownWalkMinutes,
    }),
  };
  if (fullRoom) result.fullRoom = fullRoom;
  if (!fullTalk) return result;
  result.fullTalk = fullTalk;
  const recording = fullTalk.links.recordings[0];
  if (recording) result.recordingLater = recording;
  const soon = fullTalk.start - now <= o.startsWithinMinutes * MINUTE;
  if (!fullTalk.cancelled && now < fullTalk.end && soon) {
    const links = roomLinks(conference, roomOf(index, fullTalk));
    if (links.livestream)
      result.livestream = {
        watch: links.livestream,
        ...(links.hls ? { hls: links.hls } : {}),
        live: now >= fullTalk.start,
      };
  }
  return result;
}

export type { FullnessGuess, LikelyFullContext, LikelyFullOptions } from './likely-full';
export { likelyFull } from './likely-full';
export type { FullnessInput } from './lookup';
export { planBIndex } from './lookup';
export { rankScore } from './rank';
export type { Relatedness, SimilarityIndex } from './similarity';
export { buildSimilarity, relatedness } from './similarity';
export type { StayOrGo, StayOrGoContext } from './stay';
export { stayOrGo } from './stay';
