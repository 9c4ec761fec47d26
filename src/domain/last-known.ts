/**
 * What a room listing is worth once the relay stops confirming it ("last known"). Pure: the
 * listing and the real clock are parameters.
 */
import { CROWD_DEFAULTS, decayWeight } from './crowd';
import { fullnessFromStatus, type RoomStatusEntry } from './crowd-api';
import type { RoomFullness } from './fullness';

/** A room listing as the phone received it. */
export interface RoomListing {
  rooms: readonly RoomStatusEntry[];
  /** When this listing arrived (entry ages are relative to it), phone clock. */
  receivedAt: number;
  /** When the relay last confirmed it was current. */
  fetchedAt: number;
  /** True only while the relay confirms it. */
  live: boolean;
}

/**
 * A venue state too old to count as official is never shown as certain: it becomes a crowd-like
 * entry whose confidence starts at 99 % (the badge never says "100 %" for it; 100 % is kept for a
 * current official state) and fades with the crowd half-life from there.
 */
export const STALE_OFFICIAL_CONFIDENCE = 0.99;

/**
 * The relay's listing as RoomFullness on the real clock. While the relay confirms it, as is.
 * When it no longer does ("last known"): crowd confidence fades with the time since the relay
 * last confirmed it (the same half-life as the relay's decay), entries older than the 2-hour
 * window are dropped, and an official state older than 6 minutes stops being official — it is
 * kept as `lastOfficial` with a confidence that fades from its fetch, so the engine stops
 * trusting it as the relay would.
 */
export function lastKnownView(listing: RoomListing, realNow: number): Map<string, RoomFullness> {
  const relay = fullnessFromStatus(listing.rooms, listing.receivedAt);
  if (listing.live) return relay;
  const quiet = Math.max(0, realNow - listing.fetchedAt);
  const maxOfficialAge = CROWD_DEFAULTS.officialMaxAgeMs;
  const view = new Map<string, RoomFullness>();
  for (const [room, f] of relay) {
    const age = f.updatedAt === undefined ? undefined : realNow - f.updatedAt;
    if (age !== undefined && age > CROWD_DEFAULTS.windowMs) continue;
    if (f.source === 'official' && age !== undefined && age > maxOfficialAge) {
      const { official, ...rest } = f;
      view.set(room, {
        ...rest,
        source: 'crowd',
        confidence: decayWeight(age - maxOfficialAge) * STALE_OFFICIAL_CONFIDENCE,
        ...(official ? { lastOfficial: official } : {}),
      } as RoomFullness);
    } else if (f.source === 'crowd') {
      view.set(room, { ...f, confidence: f.confidence * decayWeight(quiet) });
    } else {
      view.set(room, f);
    }
  }
  return view;
}
