import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRoom, findConflicts, followedTalks } from '../../src/domain/conflicts';
import type { Conference, Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule';
import { ULB_SOLBOSCH, venueForConference, walkingMinutes } from '../../src/domain/venue';
import { describeWithSharedData, readShared } from '../support/shared-data';

const TZ = 'Europe/Brussels';

/** A talk on 2027-02-06 from hh:mm to hh:mm, Brussels time. */
function talk(key: string, room: string, from: string, to: string, extra: Partial<Talk> = {}) {
  const at = (hhmm: string) => Date.parse(`2027-02-06T${hhmm}:00+01:00`);
  return {
    key,
    id: key,
    title: key,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'talk',
    track: '',
    language: 'en',
    persons: [],
    start: at(from),
    end: at(to),
    day: 0,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
    ...extra,
  } satisfies Talk;
}

/** The one talk whose title matches, on the given day. */
function byTitle(conf: Conference, title: RegExp, day = 0): Talk {
  const found = conf.talks.filter((t) => t.day === day && title.test(t.title));
  expect(found.map((t) => t.title)).toHaveLength(1);
  return found[0]!;
}

describe('findConflicts: hand-made cases', () => {
  const venue = ULB_SOLBOSCH;

  it('same room back to back: no transfer problem', () => {
    const talks = [talk('a', 'K.3.401', '10:00', '10:30'), talk('b', 'K.3.401', '10:30', '11:00')];
    expect(findConflicts(talks, venue)).toEqual([]);
  });

  it('flags a tight transfer with minutes short, walking minutes and a message', () => {
    const talks = [talk('b', 'K.3.401', '14:30', '14:55'), talk('a', 'AW1.120', '14:00', '14:25')];
    const walk = walkingMinutes(venue, 'AW1.120', 'K.3.401')!;
    expect(walk).toBe(12);
    expect(findConflicts(talks, venue)).toEqual([
      {
        kind: 'tight-transfer',
        first: 'a',
        second: 'b',
        fromRoom: 'AW1.120',
        toRoom: 'K.3.401',
        gapMinutes: 5,
        walkingMinutes: 12,
        marginMinutes: 0,
        minutes: 7,
        message:
          'You need 12 min to walk from AW1.120 to K.3.401 (building K, floor 3) but have 5.',
      },
    ]);
  });

  it('adds the seat margin to the walk', () => {
    const talks = [
      talk('a', 'H.1308 (Rolin)', '11:00', '11:25'),
      talk('b', 'AW1.120', '11:30', '11:55'),
    ];
    expect(walkingMinutes(venue, 'H.1308 (Rolin)', 'AW1.120')).toBe(5);
    expect(findConflicts(talks, venue)).toEqual([]);
    const [c] = findConflicts(talks, venue, { seatMarginMinutes: 3 });
    expect(c).toMatchObject({ kind: 'tight-transfer', minutes: 3, marginMinutes: 3 });
    expect(c!.message).toBe(
      'You need 5 min to walk from H.1308 (Rolin) to AW1.120 (building AW, floor 1) plus 3 to find a seat but have 5.',
    );
  });

  it('identical times: one overlap of the whole talk, no transfer', () => {
    const talks = [
      talk('x', 'Janson', '10:00', '10:50'),
      talk('y', 'K.1.105 (La Fontaine)', '10:00', '10:50'),
    ];
    expect(findConflicts(talks, venue, { timeZone: TZ })).toEqual([
      {
        kind: 'overlap',
        first: 'x',
        second: 'y',
        minutes: 50,
        message: '“x” and “y” overlap by 50 min (10:00–10:50).',
      },
    ]);
  });

  it('counts overlap minutes, and lists every overlapping pair once', () => {
    const talks = [
      talk('a', 'Janson', '10:00', '11:00'),
      talk('b', 'Janson', '10:40', '11:10'),
      talk('c', 'Janson', '10:50', '12:00'),
    ];
    const found = findConflicts(talks, venue).map((c) => [c.kind, c.first, c.second, c.minutes]);
    expect(found).toEqual([
      ['overlap', 'a', 'b', 20],
      ['overlap', 'a', 'c', 10],
      ['overlap', 'b', 'c', 20],
    ]);
  });

  it('cancelled talks are ignored, and do not hide the transfer around them', () => {
    const talks = [
      talk('a', 'AW1.120', '14:00', '14:25'),
      talk('gone', 'AW1.120', '14:25', '14:30', { cancelled: true }),
      talk('clash', 'Janson', '14:00', '14:25', { cancelled: true }),
      talk('b', 'K.3.401', '14:30', '14:55'),
    ];
    expect(findConflicts(talks, venue).map((c) => [c.kind, c.first, c.second])).toEqual([
      ['tight-transfer', 'a', 'b'],
    ]);
  });

  it('checks the walk from the talk actually attended last, not from earlier ones', () => {
    // a (K) → c (K, same room) → b (AW): the user walks c → b, never a → b.
    const talks = [
      talk('a', 'K.3.401', '09:30', '10:00'),
      talk('c', 'K.3.401', '10:00', '10:05'),
      talk('b', 'AW1.120', '10:07', '10:30'),
    ];
    expect(findConflicts(talks, venue).map((c) => [c.kind, c.first, c.second])).toEqual([
      ['tight-transfer', 'c', 'b'],
    ]);
  });

  // Which of two overlapping bookmarks counts for walks: the one marked attended, else the one
  // starting first (the user is seated when the other begins), else the one ending first.
  describe('transfers only between talks the user can attend', () => {
    const inK = talk('k', 'K.3.401', '10:00', '10:50');
    const inAw = talk('aw', 'AW1.126', '10:20', '10:45'); // starts 20 min into k
    const next = talk('next', 'AW1.120', '10:55', '11:30');

    it('the earlier-starting talk counts; the one it overlaps starts no transfer', () => {
      expect(walkingMinutes(venue, 'K.3.401', 'AW1.120')).toBe(12);
      expect(
        findConflicts([next, inAw, inK], venue).map((c) => [c.kind, c.first, c.second]),
      ).toEqual([
        ['overlap', 'k', 'aw'],
        ['tight-transfer', 'k', 'next'],
      ]);
      expect(followedTalks([next, inAw, inK]).map((t) => t.key)).toEqual(['k', 'next']);
    });

    it('a talk marked attended counts instead, even when it started later', () => {
      const attended = new Set(['aw']);
      expect(followedTalks([next, inAw, inK], attended).map((t) => t.key)).toEqual(['aw', 'next']);
      // AW1.126 → AW1.120 is a short walk in the same building: no transfer problem at all.
      expect(findConflicts([next, inAw, inK], venue, { attended }).map((c) => c.kind)).toEqual([
        'overlap',
      ]);
    });

    it('two talks starting together: the one ending first counts', () => {
      const long = talk('long', 'K.3.401', '10:00', '10:50');
      const short = talk('short', 'H.1308 (Rolin)', '10:00', '10:25');
      const after = talk('after', 'K.4.201', '10:30', '10:55');
      expect(followedTalks([long, short, after]).map((t) => t.key)).toEqual(['short', 'after']);
      expect(
        findConflicts([long, short, after], venue).map((c) => [c.kind, c.first, c.second]),
      ).toEqual([
        ['overlap', 'short', 'long'],
        ['tight-transfer', 'short', 'after'],
        ['overlap', 'long', 'after'],
      ]);
    });

    it('a talk that clashes with a followed one does not end a transfer either', () => {
      const first = talk('first', 'AW1.120', '10:00', '10:25');
      const kept = talk('kept', 'K.3.401', '10:30', '11:00');
      const clash = talk('clash', 'Janson', '10:40', '11:00');
      expect(
        findConflicts([first, kept, clash], venue).map((c) => [c.kind, c.first, c.second]),
      ).toEqual([
        ['tight-transfer', 'first', 'kept'],
        ['overlap', 'kept', 'clash'],
      ]);
    });

    it('two attended talks that overlap: the walk counts from the one that ends last', () => {
      const attended = new Set(['k', 'aw']);
      const after = talk('after', 'K.4.201', '10:55', '11:30');
      expect(followedTalks([inK, inAw, after], attended).map((t) => t.key)).toEqual([
        'k',
        'aw',
        'after',
      ]);
      // From k (ends 10:50, same building K): fine; never from aw, which ended first.
      expect(findConflicts([inK, inAw, after], venue, { attended }).map((c) => c.kind)).toEqual([
        'overlap',
      ]);
    });
  });

  it('unknown rooms: a quick room change is an unknown walk; 5 min or more is fine', () => {
    const quick = [
      talk('a', 'D.containers', '10:00', '10:25'),
      talk('b', 'K.3.401', '10:25', '11:00'),
    ];
    const [c] = findConflicts(quick, venue);
    expect(c).toEqual({
      kind: 'unknown-walk',
      first: 'a',
      second: 'b',
      fromRoom: 'D.containers',
      toRoom: 'K.3.401',
      gapMinutes: 0,
      minutes: 0,
      message: 'Walking time from D.containers to K.3.401 is unknown and you have 0 min.',
    });
    const later = [talk('a', 'Online', '10:00', '10:25'), talk('b', 'K.3.401', '10:30', '11:00')];
    expect(findConflicts(later, venue)).toEqual([]);
    expect(findConflicts(quick, venue, { unknownWalkMinutes: 0 })).toEqual([]);
    const sameVirtualRoom = [
      talk('a', 'Online', '10:00', '10:25'),
      talk('b', 'Online', '10:25', '11:00'),
    ];
    expect(findConflicts(sameVirtualRoom, venue)).toEqual([]);
  });

  it('without a venue every quick room change is an unknown walk; overlaps still count', () => {
    const talks = [
      talk('a', 'Hall 1', '10:00', '10:30'),
      talk('b', 'Hall 2', '10:30', '11:00'),
      talk('c', 'Hall 3', '10:45', '11:15'),
    ];
    expect(findConflicts(talks, undefined).map((c) => [c.kind, c.first, c.second])).toEqual([
      ['unknown-walk', 'a', 'b'],
      ['overlap', 'b', 'c'],
    ]);
  });

  it('ignores repeated keys and keeps the input untouched', () => {
    const a = talk('a', 'Janson', '10:00', '10:30');
    const input = [a, a];
    expect(findConflicts(input, ULB_SOLBOSCH)).toEqual([]);
    expect(input).toEqual([a, a]);
  });

  // 5,000 so it stays inside the test timeout on a busy machine; 20,000 are timed in
  // `npm run bench` (BENCH_ONLY=conflicts), not asserted here.
  it('handles a large bookmark set (5,000 talks, back to back across campus)', () => {
    const rooms = ['Janson', 'K.3.401'];
    const base = Date.parse('2027-02-06T00:00:00Z');
    const talks = Array.from({ length: 5_000 }, (_, i) => ({
      ...talk(`t${i}`, rooms[i % 2]!, '10:00', '10:30'),
      start: base + i * 10 * 60_000,
      end: base + (i + 1) * 10 * 60_000,
    })).reverse();
    const found = findConflicts(talks, venue);
    expect(found).toHaveLength(4_999);
    expect(found.every((c) => c.kind === 'tight-transfer')).toBe(true);
    expect([found[0]!.first, found[0]!.second]).toEqual(['t0', 't1']);
  });

  it('describeRoom names building, wing and floor', () => {
    expect(describeRoom(venue, 'UD2.208 (Decroly)')).toBe(
      'UD2.208 (Decroly, building U, wing UD, floor 2)',
    );
    expect(describeRoom(venue, 'Janson')).toBe('Janson (building J, ground floor)');
    expect(describeRoom(venue, 'Online')).toBe('Online');
    expect(describeRoom(undefined, 'K.3.401')).toBe('K.3.401');
  });
});

describe('findConflicts on the demo conference', () => {
  const conf = parseSchedule(
    readFileSync(new URL('../../data/demo/planb-demo.xml', import.meta.url), 'utf8'),
  );
  const venue = venueForConference(conf);
  const pick = (...slugs: string[]) =>
    slugs.map((s) => conf.talks.find((t) => t.key === `slug:${s}`)!);

  it('flags the planted tight transfer AW1.120 → K.3.401 (12 min walk, 5 min gap)', () => {
    const talks = pick('collab_office_suite_part1', 'monitoring_office_suite_part2');
    expect(findConflicts(talks, venue, { timeZone: conf.timeZone })).toEqual([
      expect.objectContaining({
        kind: 'tight-transfer',
        first: 'slug:collab_office_suite_part1',
        second: 'slug:monitoring_office_suite_part2',
        gapMinutes: 5,
        walkingMinutes: 12,
        minutes: 7,
        message:
          'You need 12 min to walk from AW1.120 to K.3.401 (building K, floor 3) but have 5.',
      }),
    ]);
  });

  it('flags two container talks at 11:00 in different buildings as an overlap', () => {
    const talks = pick('containers_pods_no_daemon', 'security_selinux_containers');
    expect(findConflicts(talks, venue, { timeZone: conf.timeZone })).toEqual([
      {
        kind: 'overlap',
        first: 'slug:containers_pods_no_daemon',
        second: 'slug:security_selinux_containers',
        minutes: 25,
        message:
          '“Pods without a daemon: from compose files to pod specs” and “Confining containers with generated SELinux policies” overlap by 25 min (11:00–11:25).',
      },
    ]);
  });
});

describeWithSharedData('findConflicts on FOSDEM 2020: the user story Saturday', () => {
  const conf = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const venue = venueForConference(conf);
  const t = (title: RegExp) => byTitle(conf, title);
  const welcome = t(/^Welcome to FOSDEM 2020$/);
  const podman = t(/^Podman - The Powerful Container Multi-Tool$/);
  const stargz = t(/^Lazy distribution of container images$/);
  const onlyoffice = t(/^ONLYOFFICE: How to securely collaborate/);
  const nextcloud = t(/^A dozen more things you didn't know Nextcloud could do$/);
  const criu = t(/^Container Live Migration$/);
  const runtimes = t(/^Below Kubernetes: Demystifying container runtimes$/);
  const immutable = t(/^Immutable deployments/);
  const clusterf = t(/^Fixing the Kubernetes clusterfuck$/);
  const udica = t(/^Using SELinux with container runtimes$/);
  const e2e = t(/^The hairy issue of e2e encryption in instant messaging$/);
  const sudo = t(/^What you most likely did not know about sudo/);
  const saturday = [
    welcome,
    podman,
    stargz,
    onlyoffice,
    nextcloud,
    criu,
    runtimes,
    immutable,
    clusterf,
    udica,
    e2e,
    sudo,
  ];

  it('finds the talks of the story in the rooms it names', () => {
    expect(podman.persons.map((p) => p.name)).toEqual(['Sascha Grunert']);
    expect(criu.persons.map((p) => p.name)).toEqual(['Adrian Reber']);
    expect([podman, stargz, criu, runtimes].map((x) => x.room)).toEqual(
      Array(4).fill('UD2.208 (Decroly)'),
    );
    expect([onlyoffice, nextcloud].map((x) => x.room)).toEqual(['AW1.120', 'AW1.120']);
    expect(clusterf.room).toBe('K.1.105 (La Fontaine)');
  });

  it('the walks to building AW and back fit; the run to building K does not', () => {
    expect(walkingMinutes(venue!, stargz.room, onlyoffice.room)).toBe(8); // gap 15
    expect(walkingMinutes(venue!, nextcloud.room, criu.room)).toBe(8); // gap 30
    expect(findConflicts(saturday, venue, { timeZone: conf.timeZone })).toEqual([
      {
        kind: 'tight-transfer',
        first: immutable.key,
        second: clusterf.key,
        fromRoom: 'UD2.120 (Chavanne)',
        toRoom: 'K.1.105 (La Fontaine)',
        gapMinutes: 5,
        walkingMinutes: 10,
        marginMinutes: 0,
        minutes: 5,
        message:
          'You need 10 min to walk from UD2.120 (Chavanne) to K.1.105 (La Fontaine, building K, floor 1) but have 5.',
      },
    ]);
  });

  it('with 8 minutes to find a seat, the walk out to AW becomes tight too', () => {
    const found = findConflicts(saturday, venue, { seatMarginMinutes: 8 });
    expect(found.map((c) => [c.first, c.second, c.minutes])).toEqual([
      [stargz.key, onlyoffice.key, 1],
      [immutable.key, clusterf.key, 13],
    ]);
  });

  it('adding Extending sudo in Python (10:30, UB2.252A) overlaps Podman, and no walk counts from it', () => {
    const pySudo = t(/^Extending sudo in Python$/);
    expect(pySudo.start).toBe(podman.start);
    expect(pySudo.end).toBeGreaterThan(podman.end); // so the day follows Podman
    const found = findConflicts([...saturday, pySudo], venue, { timeZone: conf.timeZone });
    expect(found.map((c) => [c.kind, c.first, c.second, c.minutes])).toEqual([
      ['overlap', podman.key, pySudo.key, 20],
      ['tight-transfer', immutable.key, clusterf.key, 5],
    ]);
    // Marked attended, the Python talk is where the user was: now the run to stargz counts.
    const attended = new Set([pySudo.key]);
    const after = findConflicts([...saturday, pySudo], venue, { attended });
    expect(after.map((c) => [c.kind, c.first, c.second, c.minutes])).toEqual([
      ['overlap', podman.key, pySudo.key, 20],
      ['tight-transfer', pySudo.key, stargz.key, 3],
      ['tight-transfer', immutable.key, clusterf.key, 5],
    ]);
  });
});
