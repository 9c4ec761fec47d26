/**
 * How full a room is, as every part of Plan B talks about it: the relay and crowd aggregation
 * produce RoomFullness, the suggestion engine and the UI read it. Pure types and small helpers.
 */

/** What an attendee can report, from emptiest to fullest. */
export const FULLNESS_LEVELS = ['seats', 'standing', 'full', 'queue'] as const;

/** seats available · standing room only · full · door closed with a queue. */
export type FullnessLevel = (typeof FULLNESS_LEVELS)[number];

/** Words for each level, as the UI and the CLI show them. */
export const FULLNESS_LABELS: Record<FullnessLevel | 'unknown', string> = {
  seats: 'seats available',
  standing: 'standing room only',
  full: 'full',
  queue: 'door closed, queue',
  unknown: 'no reports',
};

/** The venue's own room status (FOSDEM's listrooms: 0 open, 1 full, 2 full + evacuation). */
export type OfficialState = 'open' | 'full' | 'emergency';

/** One room's fullness at one moment, merged from the official feed and crowd reports. */
export interface RoomFullness {
  /** Room slug ("ud2208"). */
  room: string;
  level: FullnessLevel | 'unknown';
  /** 0 (a guess) … 1 (certain: the venue says so, or many fresh reports agree). */
  confidence: number;
  /** Where the level comes from: the venue's feed wins over the crowd. */
  source: 'official' | 'crowd' | 'none';
  /** Crowd reports that count (one per device). */
  reports: number;
  /** UTC ms of the freshest information behind the level. */
  updatedAt?: number;
  /** The official state when the feed had one for this room and it is current. */
  official?: OfficialState;
}

/** True when a room should be treated as full: officially, or by confident crowd reports. */
export function isKnownFull(f: RoomFullness | undefined, minConfidence = 0.5): boolean {
  if (!f) return false;
  if (f.source === 'official') return f.official === 'full' || f.official === 'emergency';
  return (f.level === 'full' || f.level === 'queue') && f.confidence >= minConfidence;
}

/** True when a room is full or filling (standing only), with any confidence above a hint. */
export function isFullOrFilling(f: RoomFullness | undefined, minConfidence = 0.25): boolean {
  if (!f) return false;
  if (isKnownFull(f)) return true;
  return f.level !== 'seats' && f.level !== 'unknown' && f.confidence >= minConfidence;
}
