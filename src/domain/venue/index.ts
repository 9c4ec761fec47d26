/**
 * The venue layer: which venue a conference is held at, room → building, walking minutes, and
 * the room links a conference profile provides. Pure: data comes from data/venues/*.json.
 */
import type { Conference } from '../model';
import { conferenceProfile } from './links';
import { locateRoom, venueRegex } from './rooms';
import type { Venue } from './types';
import { UNKNOWN_BUILDING } from './types';
import { KNOWN_VENUES } from './ulb';

/** What venueForConference looks at. */
export type ConferenceWhereabouts = Pick<Conference, 'acronym' | 'title' | 'venue' | 'city'>;

/**
 * The built-in venue a conference is held at, or undefined. The rule, per venue in order:
 * 1. the conference's venue text matches the venue file's `match.venue` (ULB: "ULB",
 *    "Solbosch", "Université Libre de Bruxelles"), or
 * 2. the conference names no venue and its city matches `match.city` (ULB: Brussels,
 *    Bruxelles, Brussel) — a Brussels conference that names another venue is not at ULB, or
 * 3. the conference matches one of the venue's profiles (acronym or title /fosdem/i).
 */
export function venueForConference(
  conf: ConferenceWhereabouts,
  venues: readonly Venue[] = KNOWN_VENUES,
): Venue | undefined {
  const venueText = conf.venue?.trim();
  const cityText = conf.city?.trim();
  for (const venue of venues) {
    const { match } = venue;
    if (venueText && match.venue && venueRegex(match.venue).test(venueText)) return venue;
    if (!venueText && cityText && match.city && venueRegex(match.city).test(cityText)) return venue;
    if (conferenceProfile(conf, [venue])) return venue;
  }
  return undefined;
}

/** A new conference whose rooms carry their building in `venue` ("unknown" when unplaced). */
export function assignBuildings(conf: Conference, venue: Venue): Conference {
  return {
    ...conf,
    rooms: conf.rooms.map((room) => ({
      ...room,
      building: locateRoom(venue, room.name)?.building ?? UNKNOWN_BUILDING,
    })),
  };
}

export type { ConferenceIdentity } from './links';
export { conferenceProfile, fillTemplate, roomLinks } from './links';
export { loadVenue, VenueError } from './load';
export { buildingForRoom, floorOfRoom, locateRoom } from './rooms';
export type * from './types';
export { UNKNOWN_BUILDING } from './types';
export { KNOWN_VENUES, ULB_SOLBOSCH } from './ulb';
export {
  buildingMinutes,
  derivedBuildingMinutes,
  distanceMetres,
  walkingMinutes,
} from './walking';
