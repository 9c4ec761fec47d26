/**
 * The venues Plan B knows out of the box: ULB Solbosch (FOSDEM's campus), from
 * data/venues/ulb-solbosch.json. The file ships with the app and is checked by loadVenue in the
 * tests (test/domain/venue/load.test.ts), so the app does not pay for validating it at start-up.
 */
import ulbJson from '../../../data/venues/ulb-solbosch.json';
import type { Venue } from './types';

/** ULB Solbosch, Brussels: buildings J, K, H, AW, U (UA/UB/UD), F and S; FOSDEM's profile. */
export const ULB_SOLBOSCH: Venue = ulbJson as Venue;

/** Every built-in venue, tried in order by venueForConference and conferenceProfile. */
export const KNOWN_VENUES: readonly Venue[] = [ULB_SOLBOSCH];
