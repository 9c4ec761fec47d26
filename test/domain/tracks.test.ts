// The Tracks view's facts: each devroom with its room, days, time span and talk count, read from
// the real FOSDEM schedules and from hand-made edge cases.
import { describe, expect, it } from 'vitest';
import type { Conference, Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule';
import { venueTime } from '../../src/domain/time';
import { findTrack, summarizeTracks, trackIdOf } from '../../src/domain/tracks';
import { describeWithSharedData, readShared } from '../support/shared-data';

function talk(id: string, track: string, day: number, room: string, hour: number): Talk {
  const start = Date.UTC(2027, 1, 6 + day, hour);
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
    persons: [],
    start,
    end: start + 1_800_000,
    day,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: id.startsWith('x'),
  };
}

function conference(talks: Talk[], tracks: Conference['tracks']): Conference {
  return {
    acronym: 't',
    title: 'T',
    timeZone: 'UTC',
    days: [0, 1].map((index) => ({
      index,
      date: `2027-02-0${6 + index}`,
      start: Date.UTC(2027, 1, 6 + index),
      end: Date.UTC(2027, 1, 7 + index),
    })),
    rooms: [],
    tracks,
    talks,
    persons: [],
    source: { format: 'pentabarf-xml' },
  };
}

describe('summarizing tracks', () => {
  it('lists each track with rooms by use, days with their span, counts; skips talks without a track', () => {
    const c = conference(
      [
        talk('a', 'Go', 0, 'K.1', 9),
        talk('b', 'Go', 1, 'K.1', 10),
        talk('x1', 'Go', 1, 'H.2', 13),
        talk('c', 'Go', 1, 'K.1', 15),
        talk('d', '', 0, 'K.1', 11),
        talk('e', 'Ada', 0, 'U.1', 12),
      ],
      [{ name: 'Go', slug: 'go' }],
    );
    const tracks = summarizeTracks(c);
    expect(tracks.map((t) => t.name)).toEqual(['Ada', 'Go']);
    const go = findTrack(tracks, 'go')!;
    expect(go.rooms).toEqual(['K.1', 'H.2']);
    expect(go.talkCount).toBe(4);
    expect(go.cancelledCount).toBe(1);
    expect(go.days.map((d) => [d.day, d.talks.length])).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(go.days[1]!.start).toBe(Date.UTC(2027, 1, 7, 10));
    expect(go.days[1]!.end).toBe(Date.UTC(2027, 1, 7, 15, 30));
    // A track the file does not list gets a slug of its name.
    expect(trackIdOf(tracks, 'Ada')).toBe('ada');
    expect(trackIdOf(tracks, '')).toBeUndefined();
  });

  it('gives tracks whose slugs clash distinct ids', () => {
    const c = conference(
      [talk('a', 'C++', 0, 'K', 9), talk('b', 'C', 0, 'K', 10)],
      [
        { name: 'C++', slug: 'c' },
        { name: 'C', slug: 'c' },
      ],
    );
    expect(summarizeTracks(c).map((t) => [t.name, t.id])).toEqual([
      ['C', 'c'],
      ['C++', 'c-2'],
    ]);
  });
});

describeWithSharedData('tracks of FOSDEM 2020', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const tracks = summarizeTracks(fosdem);

  it('has every track of the file with talks, 71 of them, covering every talk that has one', () => {
    expect(tracks).toHaveLength(71);
    expect(tracks.reduce((n, t) => n + t.talkCount, 0)).toBe(
      fosdem.talks.filter((t) => t.track).length,
    );
  });

  it('the Rust devroom is in K.3.401 on Sunday, 13 talks from 09:00', () => {
    const rust = tracks.find((t) => t.name === 'Rust')!;
    expect(rust.rooms).toEqual(['K.3.401']);
    expect(rust.days.map((d) => d.day)).toEqual([1]);
    expect(rust.talkCount).toBe(13);
    expect(venueTime(rust.days[0]!.start, fosdem.timeZone)).toBe('09:00');
  });
});
