/**
 * loadVenue: a venue file's JSON → a checked Venue. Every problem is reported with its JSON path,
 * so a broken venue file fails loudly at load time instead of mapping rooms wrongly later.
 */
import type {
  Building,
  ConferenceProfile,
  LinkTemplates,
  RoomException,
  RoomRule,
  Venue,
  WalkingRules,
} from './types';
import { UNKNOWN_BUILDING } from './types';

/** Thrown by loadVenue; `path` is where in the JSON the problem is. */
export class VenueError extends Error {
  override readonly name = 'VenueError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Invalid venue file at ${path}: ${problem}`);
  }
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new VenueError(path, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new VenueError(path, 'expected an array');
  return v;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new VenueError(path, 'expected a non-empty string');
  return v;
}
function optStr(v: unknown, path: string): string | undefined {
  return v === undefined ? undefined : str(v, path);
}
function num(v: unknown, path: string, min = Number.NEGATIVE_INFINITY): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
    throw new VenueError(path, `expected a number ≥ ${min}`);
  return v;
}
function regex(v: unknown, path: string): string {
  const source = str(v, path);
  try {
    new RegExp(source, 'i');
  } catch (e) {
    throw new VenueError(path, `not a valid regex (${(e as Error).message})`);
  }
  return source;
}
/** Copies the optional keys that are present, dropping undefined ones. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function building(v: unknown, path: string): Building {
  const o = obj(v, path);
  const wings = o.wings === undefined ? undefined : arr(o.wings, `${path}.wings`);
  return defined({
    id: str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    lat: num(o.lat, `${path}.lat`, -90),
    lon: num(o.lon, `${path}.lon`, -180),
    x: num(o.x, `${path}.x`, 0),
    y: num(o.y, `${path}.y`, 0),
    minutesPerFloor: num(o.minutesPerFloor, `${path}.minutesPerFloor`, 0),
    wings: wings?.map((w, i) => {
      const wo = obj(w, `${path}.wings[${i}]`);
      return {
        id: str(wo.id, `${path}.wings[${i}].id`),
        name: str(wo.name, `${path}.wings[${i}].name`),
      };
    }),
  });
}

function placeFields(o: Obj, path: string, ids: Map<string, Building>) {
  const id = str(o.building, `${path}.building`);
  const b = ids.get(id);
  if (!b) throw new VenueError(`${path}.building`, `no building "${id}"`);
  const wing = optStr(o.wing, `${path}.wing`);
  if (wing !== undefined && !b.wings?.some((w) => w.id === wing))
    throw new VenueError(`${path}.wing`, `building ${id} has no wing "${wing}"`);
  return { building: id, wing, note: optStr(o.note, `${path}.note`) };
}

function walking(v: unknown, path: string, ids: string[]): WalkingRules {
  const o = obj(v, path);
  const m = obj(o.minutes, `${path}.minutes`);
  const minutes: Record<string, Record<string, number>> = {};
  for (const a of ids) {
    const row = obj(m[a], `${path}.minutes.${a}`);
    minutes[a] = {};
    for (const b of ids) {
      if (a === b) continue;
      minutes[a][b] = num(row[b], `${path}.minutes.${a}.${b}`, 0.5);
    }
  }
  for (const a of ids)
    for (const b of ids)
      if (a !== b && minutes[a]![b] !== minutes[b]![a])
        throw new VenueError(`${path}.minutes.${a}.${b}`, `differs from ${b} → ${a}`);
  return defined({
    derivation: optStr(o.derivation, `${path}.derivation`),
    speedKmh: num(o.speedKmh, `${path}.speedKmh`, 0.1),
    detourFactor: num(o.detourFactor, `${path}.detourFactor`, 1),
    doorToDoorMinutes: num(o.doorToDoorMinutes, `${path}.doorToDoorMinutes`, 0),
    sameBuildingMinutes: num(o.sameBuildingMinutes, `${path}.sameBuildingMinutes`, 0),
    wingChangeMinutes: num(o.wingChangeMinutes, `${path}.wingChangeMinutes`, 0),
    minutes,
  });
}

function template(v: unknown, path: string): string | undefined {
  if (v === undefined) return undefined;
  const t = str(v, path);
  if (!/^https:\/\/[^/{}\s]+\//.test(t) || !t.includes('{slug}'))
    throw new VenueError(path, 'expected an https URL template containing {slug}');
  return t;
}

function profile(v: unknown, path: string): ConferenceProfile {
  const o = obj(v, path);
  const l = obj(o.links, `${path}.links`);
  const links: LinkTemplates = defined({
    livestream: template(l.livestream, `${path}.links.livestream`),
    hls: template(l.hls, `${path}.links.hls`),
    navigation: template(l.navigation, `${path}.links.navigation`),
  });
  return {
    id: str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    match: regex(o.match, `${path}.match`),
    links,
  };
}

/** Validates a venue file's parsed JSON and returns it as a Venue. Throws VenueError. */
export function loadVenue(json: unknown): Venue {
  const o = obj(json, '$');
  const buildings = arr(o.buildings, '$.buildings').map((b, i) => building(b, `$.buildings[${i}]`));
  if (buildings.length === 0) throw new VenueError('$.buildings', 'no buildings');
  const byId = new Map<string, Building>();
  for (const [i, b] of buildings.entries()) {
    if (byId.has(b.id) || b.id === UNKNOWN_BUILDING)
      throw new VenueError(`$.buildings[${i}].id`, `duplicate or reserved id "${b.id}"`);
    byId.set(b.id, b);
  }
  const map = obj(o.map, '$.map');
  const width = num(map.width, '$.map.width', 1);
  const height = num(map.height, '$.map.height', 1);
  for (const [i, b] of buildings.entries())
    if (b.x > width || b.y > height) throw new VenueError(`$.buildings[${i}]`, 'x/y off the map');

  const rooms = obj(o.rooms, '$.rooms');
  const rules: RoomRule[] = arr(rooms.rules, '$.rooms.rules').map((r, i) => {
    const p = `$.rooms.rules[${i}]`;
    const ro = obj(r, p);
    return defined({ pattern: regex(ro.pattern, `${p}.pattern`), ...placeFields(ro, p, byId) });
  });
  const exceptions: RoomException[] = arr(rooms.exceptions, '$.rooms.exceptions').map((r, i) => {
    const p = `$.rooms.exceptions[${i}]`;
    const ro = obj(r, p);
    const floor = ro.floor === undefined ? undefined : num(ro.floor, `${p}.floor`, -9);
    return defined({ name: str(ro.name, `${p}.name`), floor, ...placeFields(ro, p, byId) });
  });

  const match = obj(o.match, '$.match');
  return defined({
    id: str(o.id, '$.id'),
    name: str(o.name, '$.name'),
    city: optStr(o.city, '$.city'),
    timeZone: optStr(o.timeZone, '$.timeZone'),
    about: optStr(o.about, '$.about'),
    match: defined({
      venue: match.venue === undefined ? undefined : regex(match.venue, '$.match.venue'),
      city: match.city === undefined ? undefined : regex(match.city, '$.match.city'),
    }),
    map: { width, height },
    buildings,
    rooms: { exceptions, rules },
    walking: walking(
      o.walking,
      '$.walking',
      buildings.map((b) => b.id),
    ),
    profiles: arr(o.profiles ?? [], '$.profiles').map((p, i) => profile(p, `$.profiles[${i}]`)),
  });
}
