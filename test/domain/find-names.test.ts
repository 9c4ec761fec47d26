// Finding rooms, buildings, tracks and speakers by any name they go by, as attendees type them:
// a room code without its dots ("ub5132"), a nickname ("Rolin"), a track, a surname.
import { describe, expect, it } from 'vitest';
import { buildNameIndex, findNames, type NameHit, namesAPlace } from '../../src/domain/find-names';
import type { Conference, Room, Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule';
import { ULB_SOLBOSCH } from '../../src/domain/venue';
import { describeWithSharedData, readShared } from '../support/shared-data';

const names = (hits: NameHit[]) =>
  hits.map((h) =>
    h.kind === 'room'
      ? h.room.name
      : h.kind === 'building'
        ? h.building.id
        : h.kind === 'track'
          ? h.track
          : h.person.name,
  );

function talk(id: string, room: string, track: string, speakers: string[]): Talk {
  return {
    key: `slug:${id}`,
    id,
    title: `Talk ${id}`,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'devroom',
    track,
    language: 'en',
    persons: speakers.map((name) => ({ id: name, name })),
    start: 0,
    end: 1,
    day: 0,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
  };
}

const room = (name: string, slug: string, building: string): Room => ({ name, slug, building });

/** A hand-made FOSDEM-like conference: four rooms in three buildings, two tracks. */
const HAND_MADE = {
  acronym: 'test',
  title: 'Test',
  timeZone: 'Europe/Brussels',
  days: [{ index: 0, date: '2020-02-01', start: 0, end: 1 }],
  rooms: [
    room('UB5.132', 'ub5132', 'U'),
    room('H.1308 (Rolin)', 'h1308', 'H'),
    room('K.3.201', 'k3201', 'K'),
    room('AW1.120', 'aw1120', 'AW'),
    room('K.4.201', 'k4201', 'K'),
  ],
  tracks: [],
  talks: [
    talk('a', 'UB5.132', 'Rust devroom', ['Frédéric Müller']),
    talk('b', 'H.1308 (Rolin)', 'Go', ['Ana Rolin']),
    talk('c', 'K.3.201', 'Rust devroom', ['Frédéric Müller', 'Zoë Ng']),
    talk('d', 'AW1.120', 'Kernel', []),
  ],
  persons: [],
  source: { format: 'pentabarf-xml' },
} satisfies Conference;

describe('finding names in a hand-made schedule', () => {
  const index = buildNameIndex(HAND_MADE, ULB_SOLBOSCH);

  it.each([
    ['UB5.132', 'UB5.132'],
    ['ub5132', 'UB5.132'],
    ['Ub5 132', 'UB5.132'],
    ['K.3.201', 'K.3.201'],
    ['k3201', 'K.3.201'],
    ['AW1.120', 'AW1.120'],
    ['aw1120', 'AW1.120'],
    ['H.1308', 'H.1308 (Rolin)'],
    ['h1308', 'H.1308 (Rolin)'],
    ['Rolin', 'H.1308 (Rolin)'],
    ['rolin', 'H.1308 (Rolin)'],
  ])('"%s" finds the room %s first', (query, expected) => {
    expect(names(findNames(index, query).rooms)[0]).toBe(expected);
  });

  it('a code being typed lists the rooms it starts, in number order', () => {
    expect(names(findNames(index, 'k.').rooms)).toEqual([]);
    expect(names(findNames(index, 'k3').rooms)).toEqual(['K.3.201']);
    expect(names(findNames(index, 'ub').rooms)).toEqual(['UB5.132']);
  });

  it('leaves out rooms that hold no talk (K.4.201)', () => {
    expect(names(findNames(index, 'k4201').rooms)).toEqual([]);
  });

  it('one letter finds only what it names exactly: building K, not every K room', () => {
    const hits = findNames(index, 'K');
    expect(names(hits.buildings)).toEqual(['K']);
    expect(hits.rooms).toEqual([]);
    expect(hits.speakers).toEqual([]);
  });

  it('finds buildings by id and name, with the rooms this schedule uses in them', () => {
    const hits = findNames(index, 'building k');
    expect(names(hits.buildings)).toEqual(['K']);
    expect(hits.buildings[0]).toMatchObject({ rooms: 1 });
    expect(names(findNames(index, 'janson').buildings)).toEqual([]); // no talk in Janson here
  });

  it('finds tracks by their words, exact names first, with their talks', () => {
    const hits = findNames(index, 'rust');
    expect(names(hits.tracks)).toEqual(['Rust devroom']);
    expect(hits.tracks[0]!.kind === 'track' && hits.tracks[0]!.talks.map((t) => t.key)).toEqual([
      'slug:a',
      'slug:c',
    ]);
    expect(names(findNames(index, 'go').tracks)).toEqual(['Go']);
  });

  it('finds speakers without their accents, with every talk they give', () => {
    const hits = findNames(index, 'frederic mull');
    expect(names(hits.speakers)).toEqual(['Frédéric Müller']);
    expect(hits.speakers[0]!.kind === 'speaker' && hits.speakers[0]!.talks).toHaveLength(2);
    expect(names(findNames(index, 'zoe').speakers)).toEqual(['Zoë Ng']);
  });

  it('a nickname shared by a room and a speaker finds both', () => {
    const hits = findNames(index, 'rolin');
    expect(names(hits.rooms)).toEqual(['H.1308 (Rolin)']);
    expect(names(hits.speakers)).toEqual(['Ana Rolin']);
    expect(namesAPlace(hits)).toBe(true);
  });

  it('says when the query names no room, building or track (talks come first then)', () => {
    expect(namesAPlace(findNames(index, 'frederic'))).toBe(false);
    expect(namesAPlace(findNames(index, 'zzz'))).toBe(false);
    expect(findNames(index, '  ')).toEqual({ rooms: [], buildings: [], tracks: [], speakers: [] });
  });

  it('keeps at most `limit` hits of each kind', () => {
    expect(findNames(index, 'talk', 1).rooms.length).toBeLessThanOrEqual(1);
    const many = findNames(buildNameIndex(HAND_MADE), 'r', 1);
    expect(many.speakers.length).toBeLessThanOrEqual(1);
  });
});

describeWithSharedData('finding names in FOSDEM 2020 and 2024', () => {
  const fosdem2020 = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const fosdem2024 = parseSchedule(readShared('fosdem-2024-schedule.xml'));
  const index2020 = buildNameIndex(fosdem2020, ULB_SOLBOSCH);
  const index2024 = buildNameIndex(fosdem2024, ULB_SOLBOSCH);

  it.each([
    ['UB5.132', 'UB5.132'],
    ['ub5132', 'UB5.132'],
    ['Rolin', 'H.1308 (Rolin)'],
    ['H.1308', 'H.1308 (Rolin)'],
    ['K.3.201', 'K.3.201'],
    ['k3201', 'K.3.201'],
    ['AW1.120', 'AW1.120'],
    ['lameere', 'UB2.252A (Lameere)'],
    ['ub2252a', 'UB2.252A (Lameere)'],
    ['van rijn', 'H.1309 (Van Rijn)'],
    ['janson', 'Janson'],
  ])('"%s" finds %s in both years', (query, expected) => {
    for (const index of [index2020, index2024]) {
      const hits = findNames(index, query);
      expect(names(hits.rooms)[0]).toBe(expected);
      expect(namesAPlace(hits)).toBe(true);
    }
  });

  it('a room is found with its building and talk count (2024: UB5.132 in U)', () => {
    const [hit] = findNames(index2024, 'ub5132').rooms;
    expect(hit).toMatchObject({ kind: 'room', room: { slug: 'ub5132', building: 'U' } });
    expect(hit!.kind === 'room' && hit!.talks).toBe(
      fosdem2024.talks.filter((t) => t.room === 'UB5.132').length,
    );
  });

  it('the Rust track is named by "rust" (2020: "Rust", 2024: "Rust devroom")', () => {
    expect(names(findNames(index2020, 'rust').tracks)[0]).toBe('Rust');
    const hits = findNames(index2024, 'rust');
    expect(names(hits.tracks)[0]).toBe('Rust devroom');
    expect(hits.tracks[0]!.kind === 'track' && hits.tracks[0]!.talks.length).toBe(
      fosdem2024.talks.filter((t) => t.track === 'Rust devroom').length,
    );
  });

  it('buildings by letter: "U" finds building U, "aw" building AW and its rooms', () => {
    expect(names(findNames(index2024, 'U').buildings)).toEqual(['U']);
    const aw = findNames(index2024, 'aw');
    expect(names(aw.buildings)).toEqual(['AW']);
    expect(names(aw.rooms)).toEqual(['AW1.120', 'AW1.121', 'AW1.126']);
  });

  it('a speaker of 2024 with several talks is found by surname, accents ignored', () => {
    const hits = findNames(index2024, 'sander');
    const sander = hits.speakers.find(
      (h) => h.kind === 'speaker' && h.person.name === 'Alexander Sander',
    );
    expect(sander?.kind === 'speaker' && sander.talks.length).toBe(7);
  });
});
