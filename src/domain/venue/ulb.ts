/**
 * The venues Plan B knows out of the box: ULB Solbosch (FOSDEM's campus), loaded and checked
 * from data/venues/ulb-solbosch.json when this module is first imported.
 */
import ulbJson from '../../../data/venues/ulb-solbosch.json';
import { loadVenue } from './load';
import type { Venue } from './types';

/** ULB Solbosch, Brussels: buildings J, K, H, AW, U (UA/UB/UD), F and S; FOSDEM's profile. */
export const ULB_SOLBOSCH: Venue = loadVenue(ulbJson);

/** Every built-in venue, tried in order by venueForConference and conferenceProfile. */
export const KNOWN_VENUES: readonly Venue[] = [ULB_SOLBOSCH];
