import { describe, expect, it } from 'vitest';
import { roomSlug } from '../../../src/domain/schedule/normalize';
import { buildingForRoom, floorOfRoom, locateRoom, ULB_SOLBOSCH } from '../../../src/domain/venue';
import { describeWithSharedData, readShared } from '../../support/shared-data';

/** Unique `<room name="…">` wrappers of a Pentabarf file, with their slug attribute if any. */
function wrapperRooms(xml: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of xml.matchAll(/<room name="([^"]*)"(?:\s+slug="([^"]*)")?/g))
    out.set(decode(m[1]!), m[2]);
  return out;
}
/** Unique `<room>…</room>` values on events. */
function eventRooms(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<room>([^<]*)<\/room>/g)].map((m) => decode(m[1]!)));
}
function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
function countByBuilding(names: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of names) {
    const b = buildingForRoom(ULB_SOLBOSCH, n);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return counts;
}

const FILES = [
  {
    file: 'fosdem-2020-schedule.xml',
    rooms: 35,
    byBuilding: { AW: 4, H: 8, J: 2, K: 6, U: 15 },
    byWing: { UA: 3, UB: 7, UD: 5 },
  },
  {
    file: 'fosdem-2024-schedule.xml',
    rooms: 35,
    byBuilding: { AW: 3, H: 10, J: 2, K: 6, U: 14 },
    byWing: { UA: 3, UB: 7, UD: 4 },
  },
  {
    file: 'fosdem-2024-schedule-preliminary-2023-12-29.xml',
    rooms: 32,
    byBuilding: { AW: 2, H: 8, J: 2, K: 6, U: 14 },
    byWing: { UA: 3, UB: 7, UD: 4 },
  },
];

describeWithSharedData('every physical FOSDEM room maps to a building', () => {
  for (const { file, rooms, byBuilding, byWing } of FILES) {
    it(`${file}: ${rooms} rooms, counted per building and wing`, () => {
      const xml = readShared(file);
      const names = [...wrapperRooms(xml).keys()];
      expect(names).toHaveLength(rooms);
      const unmapped = names.filter((n) => buildingForRoom(ULB_SOLBOSCH, n) === 'unknown');
      expect(unmapped).toEqual([]);
      expect(countByBuilding(names)).toEqual(byBuilding);
      const wings: Record<string, number> = {};
      for (const n of names) {
        const wing = locateRoom(ULB_SOLBOSCH, n)?.wing;
        if (wing) wings[wing] = (wings[wing] ?? 0) + 1;
      }
      expect(wings).toEqual(byWing);
    });

    it(`${file}: every room used by an event is a listed, mapped room`, () => {
      const xml = readShared(file);
      const listed = wrapperRooms(xml);
      for (const n of eventRooms(xml)) {
        expect(listed.has(n), n).toBe(true);
        expect(buildingForRoom(ULB_SOLBOSCH, n), n).not.toBe('unknown');
      }
    });
  }

  it('FOSDEM 2024: roomSlug(name) equals the slug attribute of every room', () => {
    const rooms = wrapperRooms(readShared('fosdem-2024-schedule.xml'));
    for (const [name, slug] of rooms) {
      expect(slug, name).toBeDefined();
      expect(roomSlug(name), name).toBe(slug);
    }
  });
});

describe('buildingForRoom', () => {
  it.each([
    ['Janson', 'J'],
    ['janson ', 'J'],
    ['J.1.106', 'J'],
    ['K.1.105 (La Fontaine)', 'K'],
    ['K.4.601', 'K'],
    ['H.2215 (Ferrer)', 'H'],
    ['H.1301 (Cornil)', 'H'],
    ['AW1.126', 'AW'],
    ['UA2.114 (Baudoux)', 'U'],
    ['UB2.252A (Lameere)', 'U'],
    ['UB5.230', 'U'],
    ['UD2.208 (Decroly)', 'U'],
    ['UD2.Corridor', 'U'],
    ['UD2.110', 'U'],
    ['F.1.101', 'F'],
    ['S.4.201', 'S'],
  ])('%s → %s', (room, building) => {
    expect(buildingForRoom(ULB_SOLBOSCH, room)).toBe(building);
  });

  it.each([
    'D.foo',
    'S.bar',
    'K.fosdem',
    'M.misc',
    'Online',
    'Ada',
    'Borg',
    'Clarke',
    'Dijkstra',
    'Eliza',
    'r3s - Monheim/Rhein',
    '',
    '   ',
    'Hall 1',
    'Keynote room',
  ])('%j → unknown', (room) => {
    expect(buildingForRoom(ULB_SOLBOSCH, room)).toBe('unknown');
    expect(locateRoom(ULB_SOLBOSCH, room)).toBeUndefined();
  });

  it('knows the wing inside U', () => {
    expect(locateRoom(ULB_SOLBOSCH, 'UA2.220 (Guillissen)')).toEqual({
      building: 'U',
      wing: 'UA',
      floor: 2,
    });
    expect(locateRoom(ULB_SOLBOSCH, 'UD2.Corridor')).toEqual({
      building: 'U',
      wing: 'UD',
      floor: 2,
    });
    expect(locateRoom(ULB_SOLBOSCH, 'Janson')).toEqual({ building: 'J', floor: 0 });
  });
});

describe('floorOfRoom', () => {
  it.each([
    ['K.3.401', 3],
    ['UB4.136', 4],
    ['H.2215', 2],
    ['H.2215 (Ferrer)', 2],
    ['AW1.126', 1],
    ['UD2.208', 2],
    ['UD2.Corridor', 2],
    ['J.1.106', 1],
    ['Janson', 0],
    ['K.1.105 (La Fontaine)', 1],
    ['UB5.230', 5],
    ['K.4.601', 4],
    ['H.3244', 3],
    ['K.-1.12', -1],
    ['Online', 0],
  ])('%s → %i', (room, floor) => {
    expect(floorOfRoom(room)).toBe(floor);
  });
});

describe('roomSlug (schedule/normalize) as the stream and navigation URLs use it', () => {
  it.each([
    ['UB2.252A (Lameere)', 'ub2252a'],
    ['K.1.105 (La Fontaine)', 'k1105'],
    ['Janson', 'janson'],
    ['H.2215 (Ferrer)', 'h2215'],
    ['UD2.Corridor', 'ud2corridor'],
    ['AW1.120', 'aw1120'],
    ['J.1.106', 'j1106'],
  ])('%s → %s', (name, slug) => {
    expect(roomSlug(name)).toBe(slug);
  });
});
