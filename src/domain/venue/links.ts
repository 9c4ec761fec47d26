/**
 * Conference profiles and the room links they provide. Stream and navigation URLs belong to a
 * conference (FOSDEM runs live.fosdem.org), not to the campus: another event at ULB gets none.
 */
import type { Conference, Room } from '../model';
import { roomSlug } from '../slug';
import { locateRoom, venueRegex } from './rooms';
import type { ConferenceProfile, RoomLinks, Venue } from './types';
import { UNKNOWN_BUILDING } from './types';
import { KNOWN_VENUES } from './ulb';

/** What identifies a conference to a profile. */
export type ConferenceIdentity = Pick<Conference, 'acronym' | 'title'>;

/**
 * The profile whose `match` regex (case-insensitive) matches the conference's acronym or title
 * (FOSDEM: /fosdem/i), searched across the given venues; undefined for any other conference.
 */
export function conferenceProfile(
  conf: ConferenceIdentity,
  venues: readonly Venue[] = KNOWN_VENUES,
): ConferenceProfile | undefined {
  for (const venue of venues) {
    const found = venue.profiles.find((p) => {
      const re = venueRegex(p.match);
      return re.test(conf.acronym) || re.test(conf.title);
    });
    if (found) return found;
  }
  return undefined;
}

/** The venue a profile comes from (for placing rooms), if any. */
function venueOfProfile(profile: ConferenceProfile, venues: readonly Venue[]): Venue | undefined {
  return venues.find((v) => v.profiles.includes(profile));
}

/** Fills a `{slug}` template; the slug is URL-encoded. */
export function fillTemplate(template: string, slug: string): string {
  return template.replaceAll('{slug}', encodeURIComponent(slug));
}

/**
 * Livestream, HLS and indoor-navigation links for a room, built only from the conference
 * profile's templates: {} for conferences without a profile. `room` is a Room or a room name
 * (its slug then comes from conference.rooms, else roomSlug()). Navigation is left out for
 * rooms in no known building (virtual rooms have no place to navigate to).
 * FOSDEM, "UB2.252A (Lameere)" → https://live.fosdem.org/watch/ub2252a,
 * https://stream.fosdem.org/ub2252a.m3u8, https://nav.fosdem.org/d/ub2252a/.
 */
export function roomLinks(
  conference: Pick<Conference, 'acronym' | 'title' | 'rooms'>,
  room: Room | string,
  venues: readonly Venue[] = KNOWN_VENUES,
): RoomLinks {
  const profile = conferenceProfile(conference, venues);
  if (!profile) return {};
  const name = typeof room === 'string' ? room : room.name;
  const known =
    typeof room === 'string' ? conference.rooms.find((r) => r.name === room) : (room as Room);
  const slug = known?.slug || roomSlug(name);
  const venue = venueOfProfile(profile, venues);
  const physical =
    (known !== undefined && known.building !== UNKNOWN_BUILDING) ||
    (venue !== undefined && locateRoom(venue, name) !== undefined);
  const t = profile.links;
  const links: RoomLinks = {};
  if (t.livestream) links.livestream = fillTemplate(t.livestream, slug);
  if (t.hls) links.hls = fillTemplate(t.hls, slug);
  if (t.navigation && physical) links.navigation = fillTemplate(t.navigation, slug);
  return links;
}
