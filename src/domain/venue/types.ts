/**
 * The venue model: buildings, room → building rules, walking times and conference profiles.
 * Plain JSON-serializable data (patterns are regex source strings, compiled where used), so a
 * venue file loads as is and a Venue can cross Worker boundaries or be stored.
 */

/** Building id used when a room has no building (virtual rooms, unmapped names). */
export const UNKNOWN_BUILDING = 'unknown';

/** A venue (campus) with its buildings and the rules that place rooms in them. */
export interface Venue {
  /** Stable id, e.g. "ulb-solbosch". */
  id: string;
  name: string;
  city?: string;
  /** IANA zone of the venue. */
  timeZone?: string;
  /** Free text: where the data comes from. */
  about?: string;
  /** When a conference is held here (see venueForConference). */
  match: VenueMatch;
  /** Size of the schematic map the buildings' x/y refer to. */
  map: { width: number; height: number };
  buildings: Building[];
  rooms: { exceptions: RoomException[]; rules: RoomRule[] };
  walking: WalkingRules;
  /** Conference-specific settings (e.g. FOSDEM's stream URLs), never the venue's own. */
  profiles: ConferenceProfile[];
}

/**
 * Case-insensitive regex sources tried on the conference's venue and city text. The city only
 * counts when the conference names no venue at all.
 */
export interface VenueMatch {
  venue?: string;
  city?: string;
}

/** One building of the venue. */
export interface Building {
  /** Short id shown to attendees and stored in Room.building: "J", "K", "U"… */
  id: string;
  name: string;
  /** Centre, WGS84 degrees. */
  lat: number;
  lon: number;
  /** Position on the schematic map (0..map.width, 0..map.height; north up). */
  x: number;
  y: number;
  /** Extra walking minutes per floor between the ground floor and a room (stairs, queues). */
  minutesPerFloor: number;
  /** Wings of a large building (U: UA, UB, UD); changing wing costs walking.wingChangeMinutes. */
  wings?: Wing[];
}

/** A wing of a building. */
export interface Wing {
  id: string;
  name: string;
}

/** A room-name rule: the first rule whose pattern matches places the room. */
export interface RoomRule {
  /** Regex source, matched case-insensitively against the trimmed room name. */
  pattern: string;
  /** Building id. */
  building: string;
  wing?: string;
  note?: string;
}

/** A named room that rules cannot place (or place wrongly); compared ignoring case and spacing. */
export interface RoomException {
  name: string;
  building: string;
  wing?: string;
  /** Floor, when the name does not say it. */
  floor?: number;
  note?: string;
}

/** How long walking takes between and inside buildings. */
export interface WalkingRules {
  /** How the matrix was derived (documentation only). */
  derivation?: string;
  speedKmh: number;
  /** Real paths are longer than straight lines. */
  detourFactor: number;
  /** Leaving a room, doors, corridors and the crowd, on top of the walk itself. */
  doorToDoorMinutes: number;
  /** Moving between two rooms of the same building on the same floor. */
  sameBuildingMinutes: number;
  /** Extra minutes when the two rooms are in different wings of one building. */
  wingChangeMinutes: number;
  /** Ground floor to ground floor, minutes, for every ordered pair of distinct buildings. */
  minutes: Record<string, Record<string, number>>;
}

/** URL templates; `{slug}` is replaced by the room's slug (Room.slug). */
export interface LinkTemplates {
  livestream?: string;
  hls?: string;
  /** Indoor navigation; only filled in for rooms in a known building. */
  navigation?: string;
}

/** Settings that belong to one conference (FOSDEM), not to every event held at the venue. */
export interface ConferenceProfile {
  id: string;
  name: string;
  /** Case-insensitive regex source tried on the conference's acronym and title. */
  match: string;
  links: LinkTemplates;
}

/** Where a room is: building, wing (if any) and floor (0 = ground). */
export interface RoomPlace {
  building: string;
  wing?: string;
  floor: number;
}

/** Links for one room, each present only when the conference profile provides it. */
export interface RoomLinks {
  livestream?: string;
  hls?: string;
  navigation?: string;
}
