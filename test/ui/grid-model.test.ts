// The timetable's geometry on hand-made days: talks that overlap in one room share its width,
// a long talk that began above the screen is still found, and a congress with no venue model
// has its rooms under "Rooms".
import { describe, expect, it } from 'vitest';
import type { Conference, Talk } from '../../src/domain/model';
import { MINUTE } from '../../src/domain/time';
import {
  buildTimetable,
  PX_PER_MINUTE,
  talksIn,
  talksInWindow,
} from '../../src/ui/views/Grid/grid-model';

const DAY = Date.UTC(2027, 1, 6, 8); // 09:00 in Brussels

function talk(room: string, title: string, from: number, minutes: number): Talk {
  return {
    key: `slug:${title}`,
    id: title,
    title,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'talk',
    track: '',
    language: 'en',
    persons: [],
    start: DAY + from * MINUTE,
    end: DAY + (from + minutes) * MINUTE,
    day: 0,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
  };
}

function conference(talks: Talk[], rooms: Conference['rooms']): Conference {
  return {
    acronym: 'test',
    title: 'Test',
    timeZone: 'Europe/Brussels',
    days: [{ index: 0, date: '2027-02-06', start: DAY, end: DAY + 10 * 60 * MINUTE }],
    rooms,
    tracks: [],
    talks: [...talks].sort((a, b) => a.start - b.start),
    persons: [],
    source: { format: 'pentabarf-xml' },
  };
}

describe('the timetable geometry', () => {
  it('splits a room between talks that overlap, and only those', () => {
    const c = conference(
      [
        talk('Ada', 'A', 0, 60),
        talk('Ada', 'B', 30, 30), // overlaps A
        talk('Ada', 'C', 45, 30), // overlaps A and B: a third lane
        talk('Ada', 'D', 120, 30), // alone again
      ],
      [{ name: 'Ada', slug: 'ada', building: 'unknown' }],
    );
    const t = buildTimetable(c, 0, undefined)!;
    const placed = t.columns[0]!.talks.map((g) => [g.talk.title, g.lane, g.lanes]);
    expect(placed).toEqual([
      ['A', 0, 3],
      ['B', 1, 3],
      ['C', 2, 3],
      ['D', 0, 1],
    ]);
    expect(t.buildings).toEqual([{ id: 'unknown', label: 'Rooms', first: 0, count: 1 }]);
    expect(t.height).toBe(3 * 60 * PX_PER_MINUTE); // 09:00 to 12:00, whole hours
  });

  it('finds a long talk that began above the window, and nothing that ended before it', () => {
    const c = conference(
      [
        talk('Ada', 'Short', 0, 20),
        talk('Ada', 'All morning', 10, 180),
        talk('Ada', 'Noon', 180, 30),
        talk('Borg', 'Elsewhere', 100, 30),
      ],
      [
        { name: 'Ada', slug: 'ada', building: 'unknown' },
        { name: 'Borg', slug: 'borg', building: 'unknown' },
      ],
    );
    const t = buildTimetable(c, 0, undefined)!;
    const at = (m: number) => m * PX_PER_MINUTE;
    expect(talksIn(t.columns[0]!, at(120), at(150)).map((g) => g.talk.title)).toEqual([
      'All morning',
    ]);
    expect(
      talksInWindow(t, { left: 0, right: 300, top: at(100), bottom: at(200) }).map(
        (g) => g.talk.title,
      ),
    ).toEqual(['All morning', 'Noon', 'Elsewhere']);
  });
});
