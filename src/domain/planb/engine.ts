/**
 * Plan B, "room full, try this": for a talk whose room is full, the livestream while it runs,
 * the recording later, and talks nearby that are running or about to start, ranked with the
 * reasons a person needs to choose in one glance; plus stay-or-go advice for someone in a room.
 * Pure: `now`, fullness, bookmarks and the venue are all passed in.
 */
import { isKnownFull } from '../fullness';
import type { Conference, Link, Room, Talk, TalkKey } from '../model';
import { MINUTE } from '../time';
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
import { type StayOrGo, stayOrGo } from './stay';
import { NO_RELATION, type TopicLink, type TopicRelation, topicRelation } from './topics';

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
  /**
   * Topic score (topics.ts: 1 ≈ as close as the closest 1 % of random pairs) from which a talk
   * is called related, with its reason: a topical devroom alone reaches it. Checked on the judged evaluation set (1.0).
   */
  relatedThreshold: number;
  /** At most this many alternatives, best first (5; Infinity for all). */
  limit: number;
  /** At most this many later talks of the full talk's track today (3). */
  laterInTrack: number;
  /** Queue this many minutes before a full room's next talk (10). */
  queueLeadMinutes: number;
  /** When nothing else is on, talks under way with at least this many minutes left (15). */
  lateJoinMinLeft: number;
}

/** Defaults for PlanBOptions. */
export const PLAN_B_DEFAULTS: PlanBOptions = {
  ...LIKELY_FULL_DEFAULTS,
  startedWithinMinutes: 10,
  startsWithinMinutes: 20,
  maxMissedMinutes: 10,
  maxMissedShare: 1 / 3,
  relatedThreshold: 1.0,
  limit: 5,
  laterInTrack: 3,
  queueLeadMinutes: 10,
  lateJoinMinLeft: 15,
};

/** How far back a talk under way may have started to be joined late (a long workshop). */
const LATE_JOIN_LOOKBACK_MINUTES = 240;

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
  /** Minutes on foot from where the attendee is; 0 when unknown (see walkKnown). */
  walkMinutes: number;
  /** False when the venue model cannot tell the walk: the talk counts as reachable, said so. */
  walkKnown: boolean;
  /** Negative once it has started. */
  startsInMinutes: number;
  endsInMinutes: number;
  /** Minutes of the talk already gone on arrival. */
  missedMinutes: number;
  /** Higher is better; see rankScore. */
  score: number;
  /** For people, in order: "you bookmarked it", "same devroom: Rust", "2 min walk, building U", … */
  reasons: string[];
  bookmarked: boolean;
  /** How the topic model relates it to the full talk (score, links, shared terms and speakers). */
  relation: TopicRelation;
  /** Set only when the talk is related enough to say so: the score and the reason shown. */
  topic?: { score: number; reason: string };
  /** Set when it is well under way: offered only because nothing else is on. */
  lateJoin?: true;
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
  /** True when there is a full talk and no alternative is on its topic: the sheet says so. */
  nothingRelated: boolean;
  /** The full room's next talk today, and when to join its queue. */
  nextHere?: { talk: Talk; queueFrom: number };
  /** Later talks today of the full talk's track (a topical one): often the closest substitutes. */
  laterInTrack: Talk[];
  stayOrGo: StayOrGo;
}

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
  const topics = fullTalk ? index.topics : undefined;
  // Strict first: talks one can still see most of. If none, talks well under way that have a
  // good while left (at a congress one walks into a hall mid-talk): never "nothing runs" while
  // talks run.
  const consider = (lateJoin: boolean) => {
    for (
      let i = firstStartingAt(
        index,
        now - (lateJoin ? LATE_JOIN_LOOKBACK_MINUTES : o.startedWithinMinutes) * MINUTE,
      );
      i < index.byStart.length;
      i++
    ) {
      const talk = index.byStart[i]!;
      if (talk.start > last) break;
      if (talk.cancelled || talk === fullTalk || talk.key === fullTalk?.key) continue;
      const room = roomOf(index, talk);
      if (room.name === fullRoom?.name || isKnownFull(fullness.get(room.slug))) continue;
      const known = origin === undefined ? undefined : walkBetween(index, venue, origin, room.name);
      // An unknown walk is not a long one: most venues without a model are one building.
      const walkMinutes = known ?? 0;
      const arrival = now + walkMinutes * MINUTE;
      const missed = Math.max(0, arrival - talk.start) / MINUTE;
      const length = (talk.end - talk.start) / MINUTE;
      const tooLate = missed > o.maxMissedMinutes || missed > length * o.maxMissedShare;
      if (arrival >= talk.end || tooLate !== lateJoin) continue;
      if (lateJoin && (talk.end - arrival) / MINUTE < o.lateJoinMinLeft) continue;
      const bookmarked = ctx.bookmarks?.has(talk.key) ?? false;
      const relation = fullTalk && topics ? topicRelation(topics, fullTalk, talk) : NO_RELATION;
      const reason = relatedReason(relation, o.relatedThreshold);
      const guess = likelyFull(talk, likelyCtx);
      const startsInMinutes = Math.round((talk.start - now) / MINUTE);
      const endsInMinutes = Math.round((talk.end - now) / MINUTE);
      const missedMinutes = Math.ceil(missed);
      const reasons: string[] = [];
      if (bookmarked) reasons.push('you bookmarked it');
      if (reason) reasons.push(reason);
      if (relation.speakers.length > 0 && !reason?.startsWith('same speaker'))
        reasons.push(`same speaker: ${relation.speakers.join(', ')}`);
      if (guess) reasons.push(`likely full, arrive early: ${guess.because}`);
      const where = room.building === UNKNOWN_BUILDING ? '' : `, building ${room.building}`;
      reasons.push(
        known === undefined
          ? `walking time unknown${where}`
          : known === 0
            ? 'no walk: you are in this room'
            : `${walkMinutes} min walk${where}`,
      );
      reasons.push(timeReason(startsInMinutes));
      if (lateJoin) reasons.push('join late: nothing else is on');
      else if (missedMinutes > 0) reasons.push(`you would miss the first ${missedMinutes} min`);
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
          topicScore: relation.rank,
          subject: relation.subject,
          related: reason !== undefined,
          relatedThreshold: o.relatedThreshold,
          walkMinutes: known,
          leftShare: (talk.end - Math.max(arrival, talk.start)) / (length * MINUTE || 1),
          likelyFull: guess !== undefined,
        }),
        reasons,
        bookmarked,
        relation,
        ...(reason ? { topic: { score: relation.score, reason } } : {}),
        ...(lateJoin ? { lateJoin: true } : {}),
        ...(guess ? { likelyFull: guess } : {}),
      });
    }
  };
  consider(false);
  if (alternatives.length === 0) consider(true);
  alternatives.sort(
    (a, b) => b.score - a.score || a.talk.start - b.talk.start || (a.key < b.key ? -1 : 1),
  );

  const shown = alternatives.slice(0, Math.max(0, o.limit));
  const result: PlanB = {
    alternatives: shown,
    nothingRelated: fullTalk !== undefined && !alternatives.some((a) => a.topic),
    laterInTrack: [],
    stayOrGo: stayOrGo({
      ...ctx,
      fullness,
      venue,
      room: from?.name ?? ctx.fromRoom,
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
    const next = (index.byRoom.get(fullTalk.room) ?? []).find(
      (t) => t.start >= fullTalk.end && t.day === fullTalk.day && !t.cancelled,
    );
    if (next)
      result.nextHere = {
        talk: next,
        queueFrom: Math.max(now, next.start - o.queueLeadMinutes * MINUTE),
      };
  }
  // Not the talks already offered, nor the room's next one (said on its own line).
  const said = [...shown.map((s) => s.key), ...(result.nextHere ? [result.nextHere.talk.key] : [])];
  result.laterInTrack = laterInTrack(index, fullTalk, now, new Set(said), o);
  return result;
}

/**
 * What Plan B says to call a talk related ("same devroom: Rust", "also about Wayland"), or
 * undefined when it makes no such claim: the score reaches the threshold, more than shared words
 * back it, and something nameable links the two talks.
 */
export function relatedReason(
  relation: TopicRelation,
  threshold: number = PLAN_B_DEFAULTS.relatedThreshold,
): string | undefined {
  return relation.corroborated && relation.score >= threshold
    ? topicReason(relation.links)
    : undefined;
}

/**
 * The reason a related talk is offered, in words a person would use; undefined when nothing
 * nameable links them (a neighbouring track alone is a hint for ranking, not a reason).
 */
function topicReason(links: readonly TopicLink[]): string | undefined {
  const first = links[0];
  if (!first || (first.kind === 'neighbour-track' && links.length === 1)) return undefined;
  const terms = links.find((l) => l.kind === 'terms');
  const about = terms?.kind === 'terms' ? `also about ${terms.terms.join(' and ')}` : undefined;
  switch (first.kind) {
    case 'same-track':
    case 'neighbour-track': {
      const track = `${first.kind === 'same-track' ? 'same' : 'neighbouring'} ${first.noun}: ${first.label}`;
      // "same devroom: Rust, also about async" — unless the shared words are the track's name.
      const extra =
        terms?.kind === 'terms' &&
        !terms.terms.every((t) => first.label.toLowerCase().includes(t.toLowerCase()));
      return extra && about ? `${track}, ${about}` : track;
    }
    case 'terms':
      return about;
    case 'speaker':
      return `same speaker: ${first.speakers.join(', ')}`;
  }
}

/**
 * Later talks today of the full talk's track, when the track is about something (a devroom,
 * not "Lightning talks"): not cancelled, not in `taken`, starting after this window.
 */
function laterInTrack(
  index: PlanBIndex,
  full: Talk,
  now: number,
  taken: ReadonlySet<TalkKey>,
  o: PlanBOptions,
): Talk[] {
  if (!full.track || o.laterInTrack <= 0) return [];
  if (!index.topics.tracks.get(full.track)?.topical) return [];
  const after = Math.max(now + o.startsWithinMinutes * MINUTE, full.start);
  const out: Talk[] = [];
  for (let i = firstStartingAt(index, after + 1); i < index.byStart.length; i++) {
    const t = index.byStart[i]!;
    if (t.day !== full.day) break;
    if (t.track !== full.track || t.cancelled || t.key === full.key || taken.has(t.key)) continue;
    out.push(t);
    if (out.length >= o.laterInTrack) break;
  }
  return out;
}

export type { FullnessGuess, LikelyFullContext, LikelyFullOptions } from './likely-full';
export { likelyFull } from './likely-full';
export type { FullnessInput } from './lookup';
export { adoptTopics, hasTopics, planBIndex } from './lookup';
export { rankScore } from './rank';
export type { StayOrGo, StayOrGoContext } from './stay';
export { stayOrGo } from './stay';
export type { TopicIndex, TopicLink, TopicRelation, TopicTalk } from './topics';
export { buildTopics, topicRelation } from './topics';
export type { TrackTopic } from './tracks';
