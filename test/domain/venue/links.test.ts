import { describe, expect, it } from 'vitest';
import type { Conference, Room } from '../../../src/domain/model';
import {
  assignBuildings,
  conferenceProfile,
  roomLinks,
  ULB_SOLBOSCH,
  venueForConference,
} from '../../../src/domain/venue';

function conference(over: Partial<Conference>, roomNames: string[] = []): Conference {
  return {
    acronym: 'conf',
    title: 'Some Conference',
    timeZone: 'Europe/Brussels',
    days: [],
    rooms: roomNames.map((name) => ({ name, slug: name.toLowerCase(), building: 'unknown' })),
    tracks: [],
    talks: [],
    persons: [],
    source: { format: 'pentabarf-xml' },
    ...over,
  };
}

const fosdem2020 = conference({
  acronym: 'fosdem-2020',
  title: 'FOSDEM 2020',
  venue: 'ULB (Université Libre de Bruxelles)',
  city: 'Brussels',
  rooms: [{ name: 'UB2.252A (Lameere)', slug: 'ub2252a', building: 'U' }],
});
const demo = conference({
  acronym: 'plan-b-demo-conference-2026',
  title: 'Plan B Demo Conference 2027',
  venue: 'ULB Solbosch',
  city: 'Brussels',
  rooms: [{ name: 'UB2.252A', slug: 'ub2252a', building: 'U' }],
});

describe('roomLinks', () => {
  it('gives FOSDEM its livestream, HLS and navigation URLs', () => {
    expect(roomLinks(fosdem2020, 'UB2.252A (Lameere)')).toEqual({
      livestream: 'https://live.fosdem.org/watch/ub2252a',
      hls: 'https://stream.fosdem.org/ub2252a.m3u8',
      navigation: 'https://nav.fosdem.org/d/ub2252a/',
    });
    const room: Room = { name: 'K.1.105 (La Fontaine)', slug: 'k1105', building: 'K' };
    expect(roomLinks(fosdem2020, room).livestream).toBe('https://live.fosdem.org/watch/k1105');
  });

  it('derives the slug of a room the conference does not list', () => {
    expect(roomLinks(fosdem2020, 'Janson')).toEqual({
      livestream: 'https://live.fosdem.org/watch/janson',
      hls: 'https://stream.fosdem.org/janson.m3u8',
      navigation: 'https://nav.fosdem.org/d/janson/',
    });
  });

  it('matches FOSDEM by acronym or title, any case', () => {
    expect(conferenceProfile({ acronym: 'fosdem-2024', title: 'x' })?.id).toBe('fosdem');
    expect(conferenceProfile({ acronym: 'x', title: 'Fosdem 2021' })?.id).toBe('fosdem');
    expect(conferenceProfile({ acronym: '36c3', title: '36th Chaos Communication Congress' })).toBe(
      undefined,
    );
  });

  it('leaves navigation out for virtual rooms of an online FOSDEM', () => {
    const online = conference({ acronym: 'fosdem-2021', title: 'FOSDEM 2021' });
    expect(roomLinks(online, 'D.containers')).toEqual({
      livestream: 'https://live.fosdem.org/watch/dcontainers',
      hls: 'https://stream.fosdem.org/dcontainers.m3u8',
    });
  });

  it('gives another conference at the same venue nothing', () => {
    expect(venueForConference(demo)).toBe(ULB_SOLBOSCH);
    expect(conferenceProfile(demo)).toBeUndefined();
    expect(roomLinks(demo, 'UB2.252A')).toEqual({});
    expect(roomLinks(demo, demo.rooms[0]!)).toEqual({});
    expect(roomLinks(conference({}), 'Janson')).toEqual({});
  });
});

describe('venueForConference', () => {
  it.each([
    [{ venue: 'ULB (Université Libre de Bruxelles)', city: 'Brussels' }, true],
    [{ venue: 'ULB Solbosch' }, true],
    [{ venue: 'Campus du Solbosch' }, true],
    [{ venue: 'Université libre de Bruxelles' }, true],
    [{ city: 'Bruxelles' }, true],
    [{ city: 'Brussels' }, true],
    [{ acronym: 'fosdem-2021', title: 'FOSDEM 2021', venue: 'Online' }, true],
    [{ venue: 'Brussels Expo', city: 'Brussels' }, false],
    [{ venue: 'CCH', city: 'Hamburg' }, false],
    [{ acronym: 'lca2020', title: 'linux.conf.au 2020', city: 'Gold Coast' }, false],
    [{}, false],
  ])('%j → ULB: %s', (over, isUlb) => {
    expect(venueForConference(conference(over)) === ULB_SOLBOSCH).toBe(isUlb);
  });
});

describe('assignBuildings', () => {
  it('returns a new conference with buildings set, leaving the input untouched', () => {
    const before = conference({}, ['Janson', 'K.3.401', 'UD2.Corridor', 'D.foo']);
    const after = assignBuildings(before, ULB_SOLBOSCH);
    expect(after).not.toBe(before);
    expect(after.rooms.map((r) => r.building)).toEqual(['J', 'K', 'U', 'unknown']);
    expect(before.rooms.map((r) => r.building)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(after.rooms[1]).toEqual({ name: 'K.3.401', slug: 'k.3.401', building: 'K' });
  });
});
