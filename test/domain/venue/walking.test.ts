import { describe, expect, it } from 'vitest';
import {
  buildingMinutes,
  derivedBuildingMinutes,
  distanceMetres,
  ULB_SOLBOSCH,
  walkingMinutes,
} from '../../../src/domain/venue';

const venue = ULB_SOLBOSCH;
const ids = venue.buildings.map((b) => b.id);
const ground: Record<string, string> = {
  J: 'Janson',
  K: 'K.0.101',
  H: 'H.0101',
  AW: 'AW0.101',
  U: 'UA0.101',
  F: 'F.0.101',
  S: 'S.0.101',
};

describe('the building matrix', () => {
  it('has the seven ULB buildings', () => {
    expect(ids.sort()).toEqual(['AW', 'F', 'H', 'J', 'K', 'S', 'U']);
  });

  it('is stored as derived: distance × detour at 4 km/h + door-to-door, rounded up', () => {
    for (const a of venue.buildings)
      for (const b of venue.buildings)
        if (a.id !== b.id)
          expect(buildingMinutes(venue, a.id, b.id), `${a.id}→${b.id}`).toBe(
            derivedBuildingMinutes(venue, a, b),
          );
  });

  it('K ↔ AW (the far ends, ~300 m) takes several minutes, more than H ↔ J', () => {
    const k = venue.buildings.find((b) => b.id === 'K')!;
    const aw = venue.buildings.find((b) => b.id === 'AW')!;
    expect(distanceMetres(k, aw)).toBeGreaterThan(250);
    expect(distanceMetres(k, aw)).toBeLessThan(350);
    expect(buildingMinutes(venue, 'K', 'AW')).toBe(8);
    expect(buildingMinutes(venue, 'H', 'J')).toBe(4);
    expect(walkingMinutes(venue, 'K.1.105 (La Fontaine)', 'AW1.120')!).toBeGreaterThan(
      walkingMinutes(venue, 'H.1302 (Depage)', 'Janson')!,
    );
  });

  it('is the longest pair K ↔ AW (and S ↔ AW)', () => {
    const all = ids.flatMap((a) =>
      ids.filter((b) => b !== a).map((b) => buildingMinutes(venue, a, b)!),
    );
    expect(Math.max(...all)).toBe(8);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(4);
  });
});

describe('walkingMinutes', () => {
  it('is symmetric and positive between rooms of different buildings', () => {
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        const ab = walkingMinutes(venue, ground[a]!, ground[b]!);
        expect(ab, `${a}→${b}`).toBeGreaterThan(0);
        expect(ab).toBe(walkingMinutes(venue, ground[b]!, ground[a]!));
        expect(ab).toBe(buildingMinutes(venue, a, b));
      }
  });

  it('is 0 for the same room, a base minute for the same floor of one building', () => {
    expect(walkingMinutes(venue, 'K.3.401', 'K.3.401')).toBe(0);
    expect(walkingMinutes(venue, 'Janson', 'Janson')).toBe(0);
    expect(walkingMinutes(venue, 'H.2213', 'H.2214')).toBe(1);
    expect(walkingMinutes(venue, 'AW1.120', 'AW1.126')).toBe(1);
  });

  it('adds floors inside a building and a wing change in U', () => {
    expect(walkingMinutes(venue, 'K.1.105 (La Fontaine)', 'K.4.601')).toBe(1 + 3);
    expect(walkingMinutes(venue, 'K.4.601', 'K.1.105 (La Fontaine)')).toBe(1 + 3);
    expect(walkingMinutes(venue, 'UB2.252A (Lameere)', 'UB5.230')).toBe(1 + 3);
    expect(walkingMinutes(venue, 'UA2.114 (Baudoux)', 'UD2.208 (Decroly)')).toBe(1 + 2);
    expect(walkingMinutes(venue, 'H.1302 (Depage)', 'H.3244')).toBe(2);
  });

  it('adds the stairs at both ends between buildings', () => {
    // K↔AW 8, K.4 → ground 4 × 1, AW1 → 1 × 0.5: 12.5 → 13.
    expect(walkingMinutes(venue, 'K.4.601', 'AW1.126')).toBe(13);
    expect(walkingMinutes(venue, 'AW1.126', 'K.4.601')).toBe(13);
    // H↔J 4, H.2 → 2 × 0.5, Janson ground.
    expect(walkingMinutes(venue, 'H.2215 (Ferrer)', 'Janson')).toBe(5);
    // U↔K 7 + UB5 5 × 1 + K.3 3 × 1.
    expect(walkingMinutes(venue, 'UB5.230', 'K.3.401')).toBe(15);
  });

  it('is undefined when a room is not in a known building', () => {
    expect(walkingMinutes(venue, 'D.foo', 'Janson')).toBeUndefined();
    expect(walkingMinutes(venue, 'Janson', 'Online')).toBeUndefined();
    expect(walkingMinutes(venue, 'Ada', 'Borg')).toBeUndefined();
  });
});
