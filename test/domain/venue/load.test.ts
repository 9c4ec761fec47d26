import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVenue, ULB_SOLBOSCH, VenueError } from '../../../src/domain/venue';

const file = new URL('../../../data/venues/ulb-solbosch.json', import.meta.url);
const json = () => JSON.parse(readFileSync(file, 'utf8'));

describe('loadVenue', () => {
  it('loads the ULB Solbosch file', () => {
    const venue = loadVenue(json());
    expect(venue).toEqual(ULB_SOLBOSCH);
    expect(venue.buildings.map((b) => b.id)).toEqual(['J', 'K', 'H', 'AW', 'U', 'F', 'S']);
    expect(venue.profiles.map((p) => p.id)).toEqual(['fosdem']);
    for (const b of venue.buildings) {
      expect(b.x).toBeLessThanOrEqual(venue.map.width);
      expect(b.y).toBeLessThanOrEqual(venue.map.height);
    }
  });

  it('rejects what is not an object', () => {
    expect(() => loadVenue(42)).toThrow(VenueError);
    expect(() => loadVenue(null)).toThrow(VenueError);
  });

  const broken: [string, (v: ReturnType<typeof json>) => void, string][] = [
    ['a duplicate building', (v) => v.buildings.push({ ...v.buildings[0] }), '$.buildings[7].id'],
    ['an asymmetric matrix', (v) => (v.walking.minutes.K.AW = 3), '$.walking.minutes'],
    ['a missing pair', (v) => delete v.walking.minutes.J.S, '$.walking.minutes.J.S'],
    [
      'a rule to no building',
      (v) => (v.rooms.rules[0].building = 'Q'),
      '$.rooms.rules[0].building',
    ],
    ['a bad regex', (v) => (v.rooms.rules[0].pattern = '(['), '$.rooms.rules[0].pattern'],
    ['an unknown wing', (v) => (v.rooms.rules[4].wing = 'UZ'), '$.rooms.rules[4].wing'],
    ['an http template', (v) => (v.profiles[0].links.hls = 'http://x.org/{slug}'), '$.profiles[0]'],
    [
      'a template without slug',
      (v) => (v.profiles[0].links.hls = 'https://x.org/a'),
      '$.profiles[0]',
    ],
    ['a NaN latitude', (v) => (v.buildings[0].lat = 'north'), '$.buildings[0].lat'],
  ];
  it.each(broken)('rejects %s with its path', (_, spoil, path) => {
    const v = json();
    spoil(v);
    try {
      loadVenue(v);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VenueError);
      expect((e as VenueError).path.startsWith(path)).toBe(true);
    }
  });
});
