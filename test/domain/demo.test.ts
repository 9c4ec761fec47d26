import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import {
  conferenceProfile,
  roomLinks,
  ULB_SOLBOSCH,
  venueForConference,
  walkingMinutes,
} from '../../src/domain/venue';

const text = readFileSync(new URL('../../data/demo/planb-demo.xml', import.meta.url), 'utf8');
const conf = parseSchedule(text);
const buildingOf = new Map(conf.rooms.map((r) => [r.name, r.building]));

describe('the demo conference (data/demo/planb-demo.xml)', () => {
  it('is an invented conference at ULB with no fosdem.org anywhere', () => {
    expect(conf.title).toBe('Plan B Demo Conference 2027');
    expect(conf.timeZone).toBe('Europe/Brussels');
    expect(venueForConference(conf)).toBe(ULB_SOLBOSCH);
    expect(conferenceProfile(conf)).toBeUndefined();
    expect(text).not.toMatch(/fosdem/i);
    for (const room of conf.rooms) expect(roomLinks(conf, room)).toEqual({});
    for (const talk of conf.talks)
      for (const link of [...talk.links.slides, ...talk.links.recordings, ...talk.links.other])
        expect(new URL(link.url).hostname).toMatch(/(^|\.)example\.(org|com)$/);
  });

  it('has at least 60 talks over 2 days, in every building J, K, H, AW and U', () => {
    expect(conf.talks.length).toBeGreaterThanOrEqual(60);
    expect(conf.days.map((d) => d.date)).toEqual(['2027-02-06', '2027-02-07']);
    for (const day of [0, 1])
      expect(conf.talks.filter((t) => t.day === day).length).toBeGreaterThan(25);
    expect([...new Set(conf.rooms.map((r) => r.building))].sort()).toEqual([
      'AW',
      'H',
      'J',
      'K',
      'U',
    ]);
    expect(new Set(conf.tracks.map((t) => t.name)).size).toBeGreaterThanOrEqual(6);
  });

  it('has concurrent talks in different buildings', () => {
    const concurrent = conf.talks.filter((a) =>
      conf.talks.some(
        (b) =>
          b !== a &&
          b.start < a.end &&
          a.start < b.end &&
          buildingOf.get(b.room) !== buildingOf.get(a.room),
      ),
    );
    expect(concurrent.length).toBeGreaterThan(30);
  });

  it('has topical neighbours: container talks at the same time in different rooms', () => {
    const containerish = conf.talks.filter((t) => /container/i.test(`${t.title} ${t.abstract}`));
    const pair = containerish.find((a) =>
      containerish.some((b) => b.room !== a.room && b.start === a.start),
    );
    expect(pair).toBeDefined();
  });

  it('has back-to-back talks in far buildings (a tight transfer)', () => {
    const tight = conf.talks.flatMap((a) =>
      conf.talks
        .filter((b) => b.start >= a.end && b.start - a.end <= 5 * 60_000 && b.room !== a.room)
        .map((b) => ({ a, b, walk: walkingMinutes(ULB_SOLBOSCH, a.room, b.room)! }))
        .filter(
          ({ a, b, walk }) =>
            walk * 60_000 > b.start - a.end && a.persons[0]?.id === b.persons[0]?.id,
        ),
    );
    expect(tight.map(({ a, b }) => [a.room, b.room])).toContainEqual(['AW1.120', 'K.3.401']);
  });

  it('has one cancelled talk, its title cleaned', () => {
    const cancelled = conf.talks.filter((t) => t.cancelled);
    expect(cancelled.map((t) => t.title)).toEqual(['Sharding without tears']);
  });

  it('keys talks by slug and keeps escaped HTML abstracts with code', () => {
    expect(conf.talks.every((t) => t.key.startsWith('slug:'))).toBe(true);
    expect(new Set(conf.talks.map((t) => t.key)).size).toBe(conf.talks.length);
    const pods = conf.talks.find((t) => t.slug === 'containers_pods_no_daemon')!;
    expect(pods.abstract).toContain('<pre><code>podman pod create --name web');
    expect(pods.abstract).toContain('web &gt; web.yml');
  });
});
