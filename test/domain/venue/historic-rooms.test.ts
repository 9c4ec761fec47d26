// FOSDEM has renamed its rooms over the years: a schedule from 2012 says "Ferrer" or "U.218A"
// where 2020 says "H.2215 (Ferrer)" or "UD2.218A", and the online years had rooms that are no
// place at all. Every physical room lands in its building; an online room in none.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildingForRoom, floorOfRoom, locateRoom, ULB_SOLBOSCH } from '../../../src/domain/venue';
import { UNKNOWN_BUILDING } from '../../../src/domain/venue/types';

const fixture = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../fixtures/venue/fosdem-historic-rooms.json'),
    'utf8',
  ),
) as { physical: Record<string, string>; online: string[] };

describe('historic FOSDEM room names (fixture)', () => {
  it.each(Object.entries(fixture.physical))('%s is in building %s', (room, building) => {
    expect(buildingForRoom(ULB_SOLBOSCH, room)).toBe(building);
  });

  it.each(fixture.online)('%s (online only) is in no building', (room) => {
    expect(locateRoom(ULB_SOLBOSCH, room)).toBeUndefined();
    expect(buildingForRoom(ULB_SOLBOSCH, room)).toBe(UNKNOWN_BUILDING);
  });

  it('a nickname alone is the same place as the numbered room it names', () => {
    for (const [nickname, numbered] of [
      ['Chavanne', 'UD2.120 (Chavanne)'],
      ['Lameere', 'UB2.252A (Lameere)'],
      ['Guillissen', 'UA2.220 (Guillissen)'],
      ['Ferrer', 'H.2215 (Ferrer)'],
      ['La Fontaine', 'K.1.105 (La Fontaine)'],
    ]) {
      expect(locateRoom(ULB_SOLBOSCH, nickname!), nickname).toEqual(
        locateRoom(ULB_SOLBOSCH, numbered!),
      );
    }
  });

  it('a whole floor of K is on that floor', () => {
    expect(floorOfRoom('K.Level.2')).toBe(2);
    expect(locateRoom(ULB_SOLBOSCH, 'K.Level.1')).toEqual({ building: 'K', floor: 1 });
  });
});
