/**
 * Room fullness from crowd reports and the venue's official feed. Pure: `now` is a parameter.
 *
 * The rule (copied into the README):
 * 1. Official first. When the venue's feed has a state for the room fetched less than 6 minutes
 *    ago, it wins: "full"/"emergency" → level full, "open" → the crowd's level capped at
 *    standing (seats when nobody reported), confidence 1, source "official". An older official
 *    state is never current: it is ignored as if the feed had nothing.
 * 2. Otherwise the crowd. Reports older than 2 hours (or more than a minute in the future) are
 *    ignored, and each device has one vote per room: its latest report. A vote weighs
 *    0.5^(age / 10 min) (exponential decay, half-life configurable).
 * 3. The level is the weighted median of the votes (seats < standing < full < queue); an exact
 *    tie goes to the emptier level, so a split crowd never reads as "full".
 * 4. Confidence = (share of the weight that votes for that level) × min(1, total weight / 3).
 *    A vote weighs at most 1, so one phone alone never gets above 1/3 — below the 0.5 that
 *    `isKnownFull` needs — two fresh agreeing phones reach 2/3, three reach 1; ten-minute-old
 *    reports count half.
 * 5. One source, one phone's weight. Device ids are free to invent; where a report came from
 *    is not. Votes that share a `source` (the relay passes the client address, an IPv6 /64, or
 *    a configured venue network, as an opaque key) weigh together at most `maxSourceWeight`
 *    (1: one fresh phone) in a room, or what `sourceWeights` allows that source; over it, the
 *    source's votes are scaled down together, keeping its mix of levels. So one address alone
 *    never gets a room above 1/3 confidence nor outvotes two other addresses, and turning a
 *    room "full" (0.5) takes at least two sources. A vote without a source is its own source.
 * 6. `reports` counts the votes (devices) behind the level; `updatedAt` is the freshest one.
 */

import {
  FULLNESS_LEVELS,
  type FullnessLevel,
  type OfficialState,
  type RoomFullness,
} from './fullness';
import { MINUTE } from './time';

/** One attendee's report, as the relay stores it and the phone's outbox keeps it. */
export interface CrowdReport {
  /** Client-made unique id (the relay's idempotency key). */
  id: string;
  /** Room slug ("ud2208"). */
  room: string;
  level: FullnessLevel;
  /** When the attendee saw it, UTC ms. */
  at: number;
  /** Anonymous per-install id: one vote per device per room. */
  device: string;
  /**
   * Where the report came from, as an opaque key (the relay's: a client address, an IPv6 /64,
   * a venue network). Votes of one source share one phone's weight; absent → its own source.
   */
  source?: string;
}

/** The venue's state for one room, with when the relay fetched it. */
export interface OfficialRoomState {
  /** Room slug. */
  room: string;
  state: OfficialState;
  /** UTC ms of the successful fetch that returned this state. */
  fetchedAt: number;
}

/** How long a crowd report is useful (and kept, sent or counted): 2 hours. */
export const REPORT_USEFUL_MS = 2 * 60 * MINUTE;

/** Knobs of the rule; every one has the default the README documents. */
export interface CrowdOptions {
  /** A vote's weight halves every halfLifeMs (default 10 min). */
  halfLifeMs?: number;
  /** Reports older than this are ignored (default 2 h: the report's usefulness window). */
  windowMs?: number;
  /** Official states fetched longer ago than this are stale, never current (default 6 min). */
  officialMaxAgeMs?: number;
  /** Decayed weight that gives full confidence; also caps a lone device at 1/this (default 3). */
  fullConfidenceWeight?: number;
  /** Reports stamped later than now + this are ignored (default 1 min of clock skew). */
  futureSkewMs?: number;
  /** Most a source's votes weigh together in one room (default 1: one fresh phone). */
  maxSourceWeight?: number;
  /** Per-source exceptions to maxSourceWeight (the relay's venue networks, behind one NAT). */
  sourceWeights?: ReadonlyMap<string, number>;
  /** Room slugs to include even without any information (level "unknown"). */
  rooms?: readonly string[];
}

/** The defaults of CrowdOptions, exported so the relay and the docs say the same numbers. */
export const CROWD_DEFAULTS: Readonly<Required<Omit<CrowdOptions, 'rooms' | 'sourceWeights'>>> = {
  halfLifeMs: 10 * MINUTE,
  windowMs: 2 * 60 * MINUTE,
  officialMaxAgeMs: 6 * MINUTE,
  fullConfidenceWeight: 3,
  futureSkewMs: MINUTE,
  maxSourceWeight: 1,
};

/** Level → its place from emptiest (0) to fullest (3); a Map so no prototype key matches. */
const RANK = new Map<string, number>(FULLNESS_LEVELS.map((l, i) => [l, i]));

/** Fullness of every room that has information (plus `options.rooms`), keyed by room slug. */
export function aggregateRoomFullness(
  reports: Iterable<CrowdReport>,
  official: Iterable<OfficialRoomState>,
  now: number,
  options: CrowdOptions = {},
): Map<string, RoomFullness> {
  const o = { ...CROWD_DEFAULTS, ...options };
  const votes = latestVotePerDevice(reports, now, o.windowMs, o.futureSkewMs);
  return aggregateVotes(votes, official, now, options);
}

/**
 * The same rule for votes already reduced to one per device per room (room slug → votes), as
 * the relay keeps them: it skips the reduction, which matters with tens of thousands of votes.
 * Votes outside the window are still ignored.
 */
export function aggregateVotes(
  votes: ReadonlyMap<string, Iterable<CrowdReport>>,
  official: Iterable<OfficialRoomState>,
  now: number,
  options: CrowdOptions = {},
): Map<string, RoomFullness> {
  const o = { ...CROWD_DEFAULTS, ...options };
  const current = currentOfficial(official, now, o.officialMaxAgeMs, o.futureSkewMs);
  const result = new Map<string, RoomFullness>();
  for (const room of new Set([...(o.rooms ?? []), ...votes.keys(), ...current.keys()])) {
    const crowd = crowdFullness(room, votes.get(room) ?? [], now, o);
    const state = current.get(room);
    if (state) result.set(room, withOfficial(crowd, state));
    else if (crowd.source !== 'none' || o.rooms?.includes(room)) result.set(room, crowd);
  }
  return result;
}

/** One vote per device per room: its latest report inside the window. */
export function latestVotePerDevice(
  reports: Iterable<CrowdReport>,
  now: number,
  windowMs: number = CROWD_DEFAULTS.windowMs,
  futureSkewMs: number = CROWD_DEFAULTS.futureSkewMs,
): Map<string, CrowdReport[]> {
  const byRoom = new Map<string, Map<string, CrowdReport>>();
  for (const r of reports) {
    if (r.at > now + futureSkewMs || r.at < now - windowMs || !RANK.has(r.level)) continue;
    let devices = byRoom.get(r.room);
    if (!devices) {
      devices = new Map();
      byRoom.set(r.room, devices);
    }
    const seen = devices.get(r.device);
    if (!seen || r.at > seen.at || (r.at === seen.at && r.id > seen.id)) devices.set(r.device, r);
  }
  const votes = new Map<string, CrowdReport[]>();
  for (const [room, devices] of byRoom) votes.set(room, [...devices.values()]);
  return votes;
}

function currentOfficial(
  official: Iterable<OfficialRoomState>,
  now: number,
  maxAgeMs: number,
  futureSkewMs: number,
): Map<string, OfficialRoomState> {
  const current = new Map<string, OfficialRoomState>();
  for (const s of official) {
    if (s.fetchedAt < now - maxAgeMs || s.fetchedAt > now + futureSkewMs) continue;
    const seen = current.get(s.room);
    if (!seen || s.fetchedAt >= seen.fetchedAt) current.set(s.room, s);
  }
  return current;
}

/** The weight of a vote `ageMs` old: 1 now, 1/2 after one half-life. */
export function decayWeight(ageMs: number, halfLifeMs: number = CROWD_DEFAULTS.halfLifeMs): number {
  return 0.5 ** (Math.max(0, ageMs) / halfLifeMs);
}

/** The key a vote's source is counted under: its source, else the device alone. */
const sourceOf = (v: CrowdReport): string => v.source ?? `device:${v.device}`;

function crowdFullness(
  room: string,
  votes: Iterable<CrowdReport>,
  now: number,
  o: typeof CROWD_DEFAULTS & Pick<CrowdOptions, 'sourceWeights'>,
): RoomFullness {
  const oldest = now - o.windowMs;
  const newest = now + o.futureSkewMs;
  const counted: { rank: number; w: number; source: string }[] = [];
  const bySource = new Map<string, number>();
  let updatedAt = Number.NEGATIVE_INFINITY;
  for (const v of votes) {
    const rank = RANK.get(v.level);
    if (rank === undefined || v.at < oldest || v.at > newest) continue;
    const w = decayWeight(now - v.at, o.halfLifeMs);
    const source = sourceOf(v);
    counted.push({ rank, w, source });
    bySource.set(source, (bySource.get(source) ?? 0) + w);
    if (v.at > updatedAt) updatedAt = v.at;
  }
  // Rule 5: a source over its cap has all its votes scaled by cap / its weight.
  const scale = new Map<string, number>();
  for (const [source, sum] of bySource) {
    const cap = o.sourceWeights?.get(source) ?? o.maxSourceWeight;
    if (sum > cap) scale.set(source, cap / sum);
  }
  const weights = [0, 0, 0, 0];
  let total = 0;
  for (const { rank, w, source } of counted) {
    const scaled = w * (scale.get(source) ?? 1);
    weights[rank]! += scaled;
    total += scaled;
  }
  const count = counted.length;
  if (count === 0) return { room, level: 'unknown', confidence: 0, source: 'none', reports: 0 };
  // Weighted median: the first level (emptiest first) whose cumulative weight reaches half.
  let rank = 0;
  let cumulative = weights[0]!;
  while (rank < 3 && cumulative < total / 2 - 1e-12) cumulative += weights[++rank]!;
  const agreement = weights[rank]! / total;
  const confidence = agreement * Math.min(1, total / o.fullConfidenceWeight);
  const level = FULLNESS_LEVELS[rank]!;
  return { room, level, confidence, source: 'crowd', reports: count, updatedAt };
}

function withOfficial(crowd: RoomFullness, s: OfficialRoomState): RoomFullness {
  const open = s.state === 'open';
  const crowdLevel =
    crowd.level === 'seats' || crowd.level === 'standing' ? crowd.level : 'standing';
  return {
    room: crowd.room,
    level: open ? (crowd.level === 'unknown' ? 'seats' : crowdLevel) : 'full',
    confidence: 1,
    source: 'official',
    reports: crowd.reports,
    updatedAt: open ? Math.max(s.fetchedAt, crowd.updatedAt ?? 0) : s.fetchedAt,
    official: s.state,
  };
}

/** Whole seconds since the freshest information behind `f`, or undefined when it has none. */
export function fullnessAgeSeconds(f: RoomFullness, now: number): number | undefined {
  return f.updatedAt === undefined
    ? undefined
    : Math.max(0, Math.round((now - f.updatedAt) / 1000));
}
