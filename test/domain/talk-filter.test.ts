// Filters never lead to a dead end: when a day and filters find no talk, the schedule says
// where they are ("No Rust talks on Saturday — 13 on Sunday") or which filter to clear.
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import {
  activeFilters,
  countByDay,
  filterAlternatives,
  filterTalks,
  type TalkFilter,
} from '../../src/domain/talk-filter';
import { describeWithSharedData, readShared } from '../support/shared-data';

const NONE: TalkFilter = { track: '', type: '', building: '', room: '', hidePast: false };

describeWithSharedData('dead ends in FOSDEM 2020', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const SAT = 0;
  const SUN = 1;
  const beforeAll = fosdem.days[0]!.start - 1;

  it('Rust on Saturday: no talks, 13 on Sunday, or every track on Saturday', () => {
    const rust = { ...NONE, track: 'Rust' };
    expect(filterTalks(fosdem, SAT, rust, beforeAll)).toEqual([]);
    expect(countByDay(fosdem, rust, beforeAll)).toEqual([0, 13]);
    const ways = filterAlternatives(fosdem, SAT, rust, beforeAll);
    expect(ways[0]).toEqual({ day: SUN, count: 13 });
    expect(ways[1]).toEqual({
      clear: 'track',
      day: SAT,
      count: fosdem.talks.filter((t) => t.day === SAT).length,
    });
  });

  it('Rust in building H: clearing the building finds the Rust talks on Sunday', () => {
    const filter = { ...NONE, track: 'Rust', building: 'H' };
    expect(activeFilters(filter)).toEqual(['track', 'building']);
    const ways = filterAlternatives(fosdem, SAT, filter, beforeAll);
    // No day has Rust in H; clearing the building leads to Sunday, clearing the track stays.
    expect(ways.some((w) => w.clear === undefined)).toBe(false);
    expect(ways).toContainEqual({ clear: 'building', day: SUN, count: 13 });
    expect(ways.find((w) => w.clear === 'track')?.day).toBe(SAT);
  });

  it('a room on a day it is empty points to the day it is used', () => {
    const oneDay = fosdem.rooms
      .map((r) => ({ room: r.name, days: countByDay(fosdem, { ...NONE, room: r.name }, 0) }))
      .filter(({ days }) => days.filter((n) => n > 0).length === 1);
    expect(oneDay.length).toBeGreaterThan(0);
    for (const { room, days } of oneDay) {
      const used = days.findIndex((n) => n > 0);
      const ways = filterAlternatives(fosdem, 1 - used, { ...NONE, room }, beforeAll);
      expect(ways[0], room).toEqual({ day: used, count: days[used] });
    }
  });

  it('hiding past talks late on Sunday: showing them again is offered', () => {
    const late = fosdem.days[1]!.end + 1;
    const filter = { ...NONE, track: 'Rust', hidePast: true };
    expect(filterTalks(fosdem, SUN, filter, late)).toEqual([]);
    expect(filterAlternatives(fosdem, SUN, filter, late)).toEqual([
      { clear: 'past', day: SUN, count: 13 },
    ]);
  });
});

describe('a filter no single change can rescue', () => {
  it('returns no alternative', () => {
    const c = parseSchedule(
      `<schedule><conference><title>T</title><start>2027-02-06</start><end>2027-02-06</end><days>1</days></conference>
       <day index="1" date="2027-02-06"><room name="A"><event id="1"><start>10:00</start><duration>00:30</duration>
       <room>A</room><slug>one</slug><title>One</title><track>Go</track><type>devroom</type></event></room></day></schedule>`,
    );
    const filter = { ...NONE, track: 'Go', type: 'workshop', room: 'B' };
    expect(filterTalks(c, 0, filter, 0)).toEqual([]);
    expect(filterAlternatives(c, 0, filter, 0)).toEqual([]);
  });
});
